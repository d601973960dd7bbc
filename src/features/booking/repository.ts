/**
 * The SQL of holds and confirmations on the `appointments` table (one table for holds and appointments, so that the
 * exclusion constraint `appointments_no_overlap` proves C8 for both). Every writer runs under the practitioner's
 * advisory lock (transaction.ts); these functions take the transaction as their `db`.
 */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';

/** A held row as the hold and confirmation checks need it. */
export interface HoldRow {
  id: string;
  practitionerId: string;
  placeId: string;
  reasonId: string;
  start: Date;
  end: Date;
  holdExpiresAt: Date;
  accountId: string | null;
  holdTokenHash: Buffer | null;
}

/** Who a new hold belongs to: a signed-in account, or a browser holding a token (before login, C3). */
export type HoldOwner = { accountId: string } | { tokenHash: Buffer };

/**
 * Serialises every booking write of one practitioner until the transaction ends. Two-key advisory locks live in a
 * key space of their own, apart from the one-key locks of migrations and data loading.
 */
export async function lockPractitioner(db: Db, practitionerId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(${PRACTITIONER_LOCK_SPACE}::int4, (${practitionerId}::bigint % 2147483647)::int4)`.execute(db);
}

/** The first key of practitioner locks (an arbitrary constant: « créneau » on a phone keypad, truncated). */
const PRACTITIONER_LOCK_SPACE = 2736328;

/** Deletes holds whose 15 minutes are over: of one practitioner (inside a booking), or everywhere (the timer job). */
export async function deleteExpiredHolds(db: Db, now: Date, practitionerId?: string): Promise<number> {
  let query = db.deleteFrom('appointments').where('status', '=', 'held').where('hold_expires_at', '<=', now);
  if (practitionerId !== undefined) query = query.where('practitioner_id', '=', practitionerId);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The live or expired hold with this id, or null (never a booked row). */
export async function findHold(db: Db, holdId: string): Promise<HoldRow | null> {
  const row = await db.selectFrom('appointments')
    .select([
      'id', 'practitioner_id as practitionerId', 'place_id as placeId', 'reason_id as reasonId',
      'starts_at as start', 'ends_at as end', 'hold_expires_at as holdExpiresAt',
      'account_id as accountId', 'hold_token_hash as holdTokenHash',
    ])
    .where('id', '=', holdId)
    .where('status', '=', 'held')
    .executeTakeFirst();
  return row ? { ...row, holdExpiresAt: row.holdExpiresAt! } : null;
}

/**
 * What taking a hold clears first, in one statement: the agenda's expired holds and the caller's previous hold with
 * that practitioner (C2); `owner` null (no session, no hold token yet): the expired ones only.
 */
export async function clearHoldsBeforeHolding(db: Db, now: Date, practitionerId: string, owner: HoldOwner | null): Promise<void> {
  await db.deleteFrom('appointments').where('status', '=', 'held').where('practitioner_id', '=', practitionerId)
    .where((eb) => eb.or([
      eb('hold_expires_at', '<=', now),
      ...(owner === null ? [] : ['accountId' in owner ? eb('account_id', '=', owner.accountId) : eb('hold_token_hash', '=', owner.tokenHash)]),
    ]))
    .execute();
}

/** Deletes one hold (« released »); true when there was one. */
export async function deleteHold(db: Db, holdId: string): Promise<boolean> {
  const result = await db.deleteFrom('appointments').where('id', '=', holdId).where('status', '=', 'held').executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export interface NewHold {
  practitionerId: string;
  placeId: string;
  reasonId: string;
  start: Date;
  end: Date;
  expiresAt: Date;
  owner: HoldOwner;
  /** Shared by every row of a group slot (capacity > 1, C7); absent: the row's own random group. */
  slotGroup?: string;
}

/** Inserts a hold; the exclusion constraint refuses it (23P01) if a live row of another group overlaps. */
export async function insertHold(db: Db, hold: NewHold): Promise<string> {
  const row = await db.insertInto('appointments').values({
    practitioner_id: hold.practitionerId,
    place_id: hold.placeId,
    reason_id: hold.reasonId,
    starts_at: hold.start,
    ends_at: hold.end,
    status: 'held',
    hold_expires_at: hold.expiresAt,
    account_id: 'accountId' in hold.owner ? hold.owner.accountId : null,
    hold_token_hash: 'tokenHash' in hold.owner ? hold.owner.tokenHash : null,
    ...(hold.slotGroup ? { slot_group: hold.slotGroup } : {}),
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/**
 * The `slot_group` live members of a group session already share (C7): rows of that reason, at that place, on exactly
 * that slot; demo and practice data name their groups their own way, so the group is read, never recomputed.
 */
export async function findSessionGroup(
  db: Db, session: { practitionerId: string; placeId: string; reasonId: string; start: Date; end: Date },
): Promise<string | null> {
  const row = await db.selectFrom('appointments').select('slot_group')
    .where('practitioner_id', '=', session.practitionerId).where('place_id', '=', session.placeId)
    .where('reason_id', '=', session.reasonId).where('starts_at', '=', session.start).where('ends_at', '=', session.end)
    .where('status', 'in', ['held', 'booked'])
    .limit(1)
    .executeTakeFirst();
  return row?.slot_group ?? null;
}

/** A reason's places per slot (C7), or null when the reason is not the practitioner's. */
export async function reasonCapacity(db: Db, practitionerId: string, reasonId: string): Promise<number | null> {
  const row = await db.selectFrom('visit_reasons').select('capacity')
    .where('id', '=', reasonId).where('practitioner_id', '=', practitionerId).executeTakeFirst();
  return row?.capacity ?? null;
}

/** Whether the account may move this appointment: its own, booked, upcoming, with that practitioner (D2). */
export async function isMovableBy(db: Db, appointmentId: string, accountId: string, practitionerId: string, now: Date): Promise<boolean> {
  const row = await db.selectFrom('appointments').select('id')
    .where('id', '=', appointmentId)
    .where('account_id', '=', accountId)
    .where('practitioner_id', '=', practitionerId)
    .where('status', '=', 'booked')
    .where('starts_at', '>', now)
    .executeTakeFirst();
  return row !== undefined;
}
