/**
 * Agenda changes within this process: a practice editing hours, reasons, absences or appointments announces it after
 * its transaction commits, and whatever remembers computed availability (the search list cache) forgets that
 * practitioner at once, so that the next patient request reads the new agenda. Other server processes hear of it
 * through PostgreSQL (agenda-change-listener.ts), which announces it here in theirs
 * (docs/decisions.md « Practice — agenda and settings »).
 */

/** Hears the practitioner whose agenda changed, or `null` when any agenda may have changed unheard. */
export type AgendaListener = (practitionerId: string | null) => void;

/** Subscribes a listener to agenda changes; answers how to unsubscribe. */
export type AgendaChangeSource = (listener: AgendaListener) => () => void;

/** A place where agenda changes are announced and heard (one per process by default, see below). */
export function createAgendaChanges(): { onAgendaChange: AgendaChangeSource; announceAgendaChange: AgendaListener } {
  const listeners = new Set<AgendaListener>();
  return {
    onAgendaChange(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    announceAgendaChange(practitionerId) {
      for (const listener of listeners) listener(practitionerId);
    },
  };
}

const processChanges = createAgendaChanges();

/** Calls `listener` with the practitioner of every agenda change announced from now on; returns how to stop. */
export const onAgendaChange: AgendaChangeSource = processChanges.onAgendaChange;

/** Tells every listener that the practitioner's agenda changed (call it once the change is committed); `null`: any agenda. */
export const announceAgendaChange: AgendaListener = processChanges.announceAgendaChange;

/** Makes `memory` forget a practitioner whose agenda changed (everything on `null`) until the app closes. */
export function forgetOnAgendaChange(
  source: AgendaChangeSource, memory: { forgetPractitioner: (practitionerId: string) => void; forgetAll: () => void },
): () => void {
  return source((practitionerId) => {
    if (practitionerId === null) memory.forgetAll();
    else memory.forgetPractitioner(practitionerId);
  });
}
