/**
 * The SQL of the outbox table `notification_intents` (migrations/0011_notifications.sql): intents written inside
 * booking transactions, and the worker's state changes. An intent's idempotency key is unique: writing the same
 * intent twice (a use case run again) is a no-op.
 */
import type { Db } from '../../platform/db/database.ts';
import type { NotificationKind } from '../../platform/db/schema.ts';
import type { Channel, RecipientRole } from './domain/schedule.ts';

export interface NewIntent {
  appointmentId: string;
  kind: NotificationKind;
  channel: Channel;
  role: RecipientRole;
  version: number;
  plannedStart: Date;
  sendAt: Date;
}

/** The key of one message: the same appointment, kind, recipient and version is the same message. */
export function idempotencyKey(intent: Pick<NewIntent, 'appointmentId' | 'kind' | 'channel' | 'role' | 'version'>): string {
  return `${intent.appointmentId}:${intent.kind}:${intent.role}:${intent.channel}:v${intent.version}`;
}

/** Inserts the intents that do not exist yet; returns how many were new. */
export async function insertIntents(trx: Db, intents: readonly NewIntent[], now: Date): Promise<number> {
  if (!intents.length) return 0;
  const inserted = await trx.insertInto('notification_intents')
    .values(intents.map((intent) => ({
      idempotency_key: idempotencyKey(intent),
      appointment_id: intent.appointmentId,
      kind: intent.kind,
      channel: intent.channel,
      role: intent.role,
      version: intent.version,
      planned_start: intent.plannedStart,
      send_at: intent.sendAt,
      created_at: now,
    })))
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .returning('id')
    .execute();
  return inserted.length;
}

/**
 * Drops the pending intents of these appointments (all of them, or those written for an older version): a moved or
 * cancelled appointment never gets its old reminders. An intent being sent at this instant still ends as `sent`.
 */
export async function dropPendingIntents(
  trx: Db, appointmentIds: readonly string[], outcome: string, now: Date, belowVersion?: number,
): Promise<number> {
  if (!appointmentIds.length) return 0;
  let query = trx.updateTable('notification_intents')
    .set({ state: 'dropped', outcome, done_at: now })
    .where('appointment_id', 'in', [...appointmentIds])
    .where('state', '=', 'pending');
  if (belowVersion !== undefined) query = query.where('version', '<', belowVersion);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The appointments this one replaced (moved from, C6 replaced): their rows point at it. */
export async function findPredecessors(trx: Db, appointmentId: string): Promise<string[]> {
  const rows = await trx.selectFrom('appointments').select('id').where('replaced_by', '=', appointmentId).execute();
  return rows.map((row) => row.id);
}

export interface CalendarIdentity {
  uid: string;
  sequence: number;
}

/** The calendar identity of an appointment, if one was written. */
export async function findCalendarIdentity(trx: Db, appointmentId: string): Promise<CalendarIdentity | undefined> {
  return trx.selectFrom('appointment_calendar').select(['uid', 'sequence']).where('appointment_id', '=', appointmentId).executeTakeFirst();
}

/** The appointment's calendar identity, written as `initial` when it has none yet (one statement in the usual case). */
export async function ensureCalendarIdentity(trx: Db, appointmentId: string, initial: CalendarIdentity): Promise<CalendarIdentity> {
  const inserted = await trx.insertInto('appointment_calendar')
    .values({ appointment_id: appointmentId, uid: initial.uid, sequence: initial.sequence })
    .onConflict((oc) => oc.column('appointment_id').doNothing())
    .returning(['uid', 'sequence'])
    .executeTakeFirst();
  return inserted ?? (await findCalendarIdentity(trx, appointmentId))!;
}

/** Writes (or overwrites) an appointment's calendar identity. */
export async function saveCalendarIdentity(trx: Db, appointmentId: string, identity: CalendarIdentity): Promise<void> {
  await trx.insertInto('appointment_calendar')
    .values({ appointment_id: appointmentId, uid: identity.uid, sequence: identity.sequence })
    .onConflict((oc) => oc.column('appointment_id').doUpdateSet({ uid: identity.uid, sequence: identity.sequence }))
    .execute();
}

