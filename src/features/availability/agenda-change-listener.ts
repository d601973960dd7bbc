/**
 * Agenda changes across server processes: every agenda write sends `pg_notify(AGENDA_CHANGES_CHANNEL, practitioner)`
 * inside its transaction (PostgreSQL delivers it only if it commits), and each process's listening connection
 * (platform/db/notification-listener.ts) announces what it hears in-process (agenda-changes.ts), so every process's list
 * cache forgets that practitioner. Once listening again after a loss, everything is announced as changed (`null`),
 * since notifications sent meanwhile were lost (docs/decisions.md « Practice — agenda and settings »).
 */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { Subscription } from '../../platform/db/notification-listener.ts';
import type { AgendaListener } from './agenda-changes.ts';

export const AGENDA_CHANGES_CHANNEL = 'creneau_agenda_changes';

/** Tells the other server processes, at commit, that the practitioner's agenda changed (call it inside the transaction). */
export async function notifyAgendaChange(trx: Db, practitionerId: string): Promise<void> {
  await sql`select pg_notify(${AGENDA_CHANGES_CHANNEL}, ${practitionerId})`.execute(trx);
}

/** What the process's listening connection does with agenda changes: announce them, and « anything » after a loss. */
export function agendaChangesSubscription(announce: AgendaListener): Subscription {
  return {
    channel: AGENDA_CHANGES_CHANNEL,
    heard: announce,
    listening: (recovered) => {
      if (recovered) announce(null);
    },
  };
}

