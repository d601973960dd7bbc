/** SQL of « Mes proches »: every query is scoped to one account's live relatives (never the holder's own row). */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { PhoneKind } from './domain/phone.ts';

export interface RelativeRow {
  id: string;
  civility: 'mme' | 'm' | null;
  first_name: string;
  last_name: string;
  birth_date: string;
  email: string | null;
  phone: string | null;
  phone_kind: PhoneKind | null;
}

/** The stored fields of a relative, as validated by the service. */
export type RelativeFields = Omit<RelativeRow, 'id'>;

const columns = ['id', 'civility', 'first_name', 'last_name', 'birth_date', 'email', 'phone', 'phone_kind'] as const;

/** Relatives always have names and a birth date; rows of deleted accounts (nulls) are never in an account's scope. */
function asRelative(row: {
  id: string; civility: 'mme' | 'm' | null; first_name: string | null; last_name: string | null; birth_date: string | null;
  email: string | null; phone: string | null; phone_kind: PhoneKind | null;
}): RelativeRow {
  return { ...row, first_name: row.first_name ?? '', last_name: row.last_name ?? '', birth_date: row.birth_date ?? '' };
}

/** The account's live relatives, oldest first (the order they were added in). */
export async function selectRelatives(db: Kysely<Database>, accountId: string): Promise<RelativeRow[]> {
  const rows = await db
    .selectFrom('patients')
    .select(columns)
    .where('account_id', '=', accountId)
    .where('is_holder', '=', false)
    .where('removed_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(asRelative);
}

/** One live relative of the account, locked for the rest of the transaction; undefined when it is not this account's. */
export async function selectRelativeForUpdate(db: Kysely<Database>, accountId: string, relativeId: string): Promise<RelativeRow | undefined> {
  const row = await db
    .selectFrom('patients')
    .select(columns)
    .where('id', '=', relativeId)
    .where('account_id', '=', accountId)
    .where('is_holder', '=', false)
    .where('removed_at', 'is', null)
    .forUpdate()
    .executeTakeFirst();
  return row ? asRelative(row) : undefined;
}

/** Locks the account row: concurrent additions of one account queue here, so the relatives limit holds. */
export async function lockAccount(db: Kysely<Database>, accountId: string): Promise<boolean> {
  const row = await db.selectFrom('accounts').select('id').where('id', '=', accountId).forUpdate().executeTakeFirst();
  return row !== undefined;
}

/** How many live relatives the account has. */
export async function countRelatives(db: Kysely<Database>, accountId: string): Promise<number> {
  const row = await db
    .selectFrom('patients')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('account_id', '=', accountId)
    .where('is_holder', '=', false)
    .where('removed_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function insertRelative(db: Kysely<Database>, accountId: string, fields: RelativeFields, now: Date): Promise<RelativeRow> {
  const row = await db
    .insertInto('patients')
    .values({ ...fields, account_id: accountId, is_holder: false, created_at: now, updated_at: now })
    .returning(columns)
    .executeTakeFirstOrThrow();
  return asRelative(row);
}

export async function updateRelativeRow(db: Kysely<Database>, relativeId: string, fields: RelativeFields, now: Date): Promise<RelativeRow> {
  const row = await db
    .updateTable('patients')
    .set({ ...fields, updated_at: now })
    .where('id', '=', relativeId)
    .returning(columns)
    .executeTakeFirstOrThrow();
  return asRelative(row);
}

/** Hides a relative that appointments still need: it leaves the list, its row stays for them. */
export async function hideRelative(db: Kysely<Database>, relativeId: string, now: Date): Promise<void> {
  await db.updateTable('patients').set({ removed_at: now, updated_at: now }).where('id', '=', relativeId).execute();
}
