/**
 * Agenda changes within this process: a practice editing hours, reasons, absences or appointments announces it after
 * its transaction commits, and whatever remembers computed availability (the search list cache) forgets that
 * practitioner at once, so that the next patient request reads the new agenda. Other server processes are not told:
 * their list caches catch up within their time to live (docs/decisions.md « Practice — agenda and settings »).
 */

type AgendaListener = (practitionerId: string) => void;

const listeners = new Set<AgendaListener>();

/** Calls `listener` with the practitioner of every agenda change announced from now on; returns how to stop. */
export function onAgendaChange(listener: AgendaListener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Tells every listener that the practitioner's agenda changed (call it once the change is committed). */
export function announceAgendaChange(practitionerId: string): void {
  for (const listener of listeners) listener(practitionerId);
}
