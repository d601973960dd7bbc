/**
 * The SQL of holds and confirmations on the `appointments` table (one table for holds and appointments, so that the
 * exclusion constraint `appointments_no_overlap` proves C8 for both). Every writer runs under the practitioner's
 * advisory lock (transaction.ts); these functions take the transaction as their `db`.
 */
import { sql, type RawBuilder } from 'kysely';
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
  await sql`select pg_advisory_xact_lock(${PRACTITIONER_LOCK_SPACE}::int4, (${practitionerId}::bigint % 2147483647)::int4),
                    set_config('plan_cache_mode', 'force_generic_plan', true)`.execute(db);
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
  /** The caller's previous hold with that practitioner, released first (C2); null: none to release. */
  release: HoldOwner | null;
  /** The appointment the hold would replace (D2): it must be the owner's, booked, upcoming, with that practitioner. */
  moving: string | null;
  /** The reason's places per slot (C7). */
  capacity: number;
  /** The group of a new group session (capacity > 1); joining a session takes the group its members share. */
  newGroup: string | null;
  now: Date;
}

/**
 * Takes a hold in one statement (migrations/0016_booking_writes.sql `booking_hold`): under the practitioner's lock,
 * the agenda's expired holds and `release` are deleted, a move and a group slot's capacity checked, the held row
 * inserted; the exclusion constraint refuses it (23P01) if a live row of another group overlaps. Every refusal
 * rolls the whole statement back, the release included.
 */
export async function takeHold<D = never>(
  db: Db, hold: NewHold, alongside?: RawBuilder<D>,
): Promise<{ id: string; alongside: D | null } | { refused: 'not_movable' | 'full' }> {
  const account = (owner: HoldOwner | null) => (owner && 'accountId' in owner ? owner.accountId : null);
  const token = (owner: HoldOwner | null) => (owner && 'tokenHash' in owner ? owner.tokenHash : null);
  const call = sql`booking_hold(
        ${hold.practitionerId}::bigint, ${hold.placeId}::bigint, ${hold.reasonId}::bigint, ${hold.start}::timestamptz,
        ${hold.end}::timestamptz, ${hold.expiresAt}::timestamptz, ${hold.now}::timestamptz,
        ${account(hold.owner)}::uuid, ${token(hold.owner)}::bytea, ${account(hold.release)}::uuid, ${token(hold.release)}::bytea,
        ${hold.moving}::uuid, ${hold.capacity}::int, ${hold.newGroup}::text)`;
  try {
    // What the caller shows with the hold is read in the same statement (one round trip less); the function runs
    // once, in its subquery, and a missing row there leaves `alongside` null.
    const { rows: [row] } = alongside
      ? await sql<{ id: string; alongside: D | null }>`
          select h.id, to_json(d) as alongside from (select ${call} as id) h left join lateral (${alongside}) d on true`.execute(db)
      : await sql<{ id: string; alongside: null }>`select ${call} as id, null as alongside`.execute(db);
    return row!;
  } catch (error) {
    const refused = HOLD_REFUSALS[(error as { code?: string }).code ?? ''];
    if (refused) return { refused };
    throw error;
  }
}

/** The SQLSTATEs `booking_hold` raises for its refusals. */
const HOLD_REFUSALS: Record<string, 'not_movable' | 'full'> = { CRNMV: 'not_movable', CRFUL: 'full' };

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
