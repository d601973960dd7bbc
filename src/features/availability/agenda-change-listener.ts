/**
 * Agenda changes across server processes: every agenda write sends `pg_notify(AGENDA_CHANGES_CHANNEL, practitioner)`
 * inside its transaction (PostgreSQL delivers it only if it commits), and each process's listening connection
 * (platform/db/notification-listener.ts) announces what it hears in-process (agenda-changes.ts), so every process's list
 * cache forgets that practitioner. Once listening again after a loss, everything is announced as changed (`null`),
 * since notifications sent meanwhile were lost (docs/decisions.md « Practice — agenda and settings »).
 */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { listenToNotifications, type NotificationListener, type Subscription } from '../../platform/db/notification-listener.ts';
import type { AgendaListener } from './agenda-changes.ts';

export const AGENDA_CHANGES_CHANNEL = 'creneau_agenda_changes';

/** How the listening connection names itself in pg_stat_activity. */
export const AGENDA_LISTENER_APPLICATION = 'creneau-agenda-changes';

/** Tells the other server processes, at commit, that the practitioner's agenda changed (call it inside the transaction). */
export async function notifyAgendaChange(trx: Db, practitionerId: string): Promise<void> {
  await sql`select pg_notify(${AGENDA_CHANGES_CHANNEL}, ${practitionerId})`.execute(trx);
}

export interface AgendaChangeListenerOptions {
  connectionString: string;
  /** Where heard changes go: a practitioner id, or `null` after a reconnection (anything may have changed). */
  announce: AgendaListener;
  /** Where connection failures are reported (the listener keeps retrying). */
  onError?: (error: Error) => void;
  /** Delays between reconnection attempts, the last one repeated; default 0.1 s doubling up to 5 s. */
  retryDelaysMs?: readonly number[];
}

export type AgendaChangeListener = NotificationListener;

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

/** Opens a connection listening to agenda changes alone (a first failure is reported and retried, never thrown). */
export function listenToAgendaChanges(options: AgendaChangeListenerOptions): Promise<AgendaChangeListener> {
  return listenToNotifications({
    connectionString: options.connectionString,
    applicationName: AGENDA_LISTENER_APPLICATION,
    subscriptions: [agendaChangesSubscription(options.announce)],
    onError: options.onError,
    retryDelaysMs: options.retryDelaysMs,
  });
}
