/**
 * What operators see of the outbox: the dead letters (`npm run notifications:failed`, which can send them again once
 * the cause is fixed) and the messages still to come (the development mailbox lists them with their send time).
 * Neither shows a message's content; recipients are read from the accounts when listed.
 */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { NotificationKind, NotificationState } from '../../platform/db/schema.ts';

export interface OutboxEntry {
  id: string;
  appointmentId: string;
  kind: NotificationKind;
  channel: 'email' | 'sms';
  role: 'holder' | 'relative';
  state: NotificationState;
  /** Pending: when it fires. Failed: when it was given up. */
  at: string;
  attempts: number;
  lastError: string | null;
  /** The recipient's current address, or null when it has none any more. */
  to: string | null;
}

interface EntryRow extends Omit<OutboxEntry, 'at'> {
  at: Date;
}

/** The dead letters, newest first. */
export async function listFailedNotifications(db: Db, limit = 200): Promise<OutboxEntry[]> {
  return listEntries(db, sql`i.state = 'failed'`, sql`i.done_at desc, i.id desc`, limit);
}

/** The messages waiting for their time (or for a retry), soonest first. */
export async function listScheduledNotifications(db: Db, limit = 200): Promise<OutboxEntry[]> {
  return listEntries(db, sql`i.state = 'pending'`, sql`i.send_at, i.id`, limit);
}

/** Puts dead letters back in the queue, due at `now` with a fresh count of attempts; returns how many. */
export async function retryFailedNotifications(db: Db, ids: readonly string[] | 'all', now: Date): Promise<number> {
  let query = db.updateTable('notification_intents')
    .set({ state: 'pending', send_at: now, attempts: 0, done_at: null, claimed_by: null, claimed_at: null })
    .where('state', '=', 'failed');
  if (ids !== 'all') {
    const valid = ids.filter((id) => /^\d{1,18}$/.test(id));
    if (!valid.length) return 0;
    query = query.where('id', 'in', valid);
  }
  return Number((await query.executeTakeFirst()).numUpdatedRows);
}

async function listEntries(db: Db, where: ReturnType<typeof sql>, order: ReturnType<typeof sql>, limit: number): Promise<OutboxEntry[]> {
  const { rows } = await sql<EntryRow>`
    select i.id::text as id, i.appointment_id as "appointmentId", i.kind, i.channel, i.role, i.state,
           coalesce(i.done_at, i.send_at) as at, i.attempts, i.last_error as "lastError",
           case when i.role = 'holder' then (case i.channel when 'email' then ac.email else ac.phone end)
                else (case i.channel when 'email' then pt.email else pt.phone end) end as "to"
      from notification_intents i
      join appointments a on a.id = i.appointment_id
      left join patients pt on pt.id = a.patient_id
      left join accounts ac on ac.id = pt.account_id
     where ${where}
     order by ${order}
     limit ${limit}`.execute(db);
  return rows.map((row) => ({ ...row, at: row.at.toISOString() }));
}
