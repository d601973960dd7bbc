/**
 * Agenda changes across server processes: every agenda write sends `pg_notify(AGENDA_CHANGES_CHANNEL, practitioner)`
 * inside its transaction (PostgreSQL delivers it only if it commits), and each process keeps ONE connection listening
 * that announces what it hears in-process (agenda-changes.ts), so every process's list cache forgets that practitioner.
 * A lost connection is reopened with a growing delay; once listening again, everything is announced as changed
 * (`null`), since notifications sent meanwhile were lost (docs/decisions.md « Practice — agenda and settings »).
 */
import pg from 'pg';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
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

export interface AgendaChangeListener {
  /** True while the connection is listening. */
  listening: () => boolean;
  stop: () => Promise<void>;
}

const DEFAULT_RETRY_DELAYS_MS = [100, 200, 400, 800, 1600, 3200, 5000];

/** Opens the listening connection (a first failure is reported and retried in the background, never thrown). */
export async function listenToAgendaChanges(options: AgendaChangeListenerOptions): Promise<AgendaChangeListener> {
  const delays = options.retryDelaysMs?.length ? options.retryDelaysMs : DEFAULT_RETRY_DELAYS_MS;
  let client: pg.Client | undefined;
  let stopped = false;
  let listening = false;
  let failures = 0;
  let retryTimer: NodeJS.Timeout | undefined;

  /** Schedules the next attempt after a failed or lost connection. */
  const retryLater = () => {
    if (stopped || retryTimer) return;
    const delay = delays[Math.min(failures, delays.length - 1)]!;
    failures += 1;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void connect();
    }, delay);
  };

  /** Opens a connection, listens, and — if it replaces a lost one — announces that anything may have changed. */
  const connect = async () => {
    const candidate = new pg.Client({ connectionString: options.connectionString, application_name: AGENDA_LISTENER_APPLICATION });
    let lost = false;
    const onLost = (error?: Error) => {
      if (lost) return;
      lost = true;
      listening = false;
      if (client === candidate) client = undefined;
      if (stopped) return;
      options.onError?.(error ?? new Error('the agenda change listener connection closed'));
      candidate.end().catch(() => undefined);
      retryLater();
    };
    candidate.on('error', onLost);
    candidate.on('end', () => onLost());
    candidate.on('notification', (message) => {
      if (message.channel === AGENDA_CHANGES_CHANNEL && message.payload) options.announce(message.payload);
    });
    try {
      await candidate.connect();
      await candidate.query(`listen ${AGENDA_CHANGES_CHANNEL}`);
    } catch (error) {
      onLost(error as Error);
      return;
    }
    if (stopped || lost) {
      await candidate.end().catch(() => undefined);
      return;
    }
    client = candidate;
    listening = true;
    const recovered = failures > 0;
    failures = 0;
    if (recovered) options.announce(null);
  };

  await connect();
  return {
    listening: () => listening,
    async stop() {
      stopped = true;
      clearTimeout(retryTimer);
      listening = false;
      await client?.end().catch(() => undefined);
      client = undefined;
    },
  };
}
