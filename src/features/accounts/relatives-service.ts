/**
 * « Mes proches » (SPEC A7): the people an account books for besides its holder. Each use case runs in one
 * transaction and only ever sees the session account's relatives: another account's id is « not found ».
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { Db } from '../../platform/db/database.ts';
import { ContactForMinor, RelativeNotFound, TooManyRelatives } from './account-errors.ts';
import { readBirthDate, readName, readOptionalEmail, readOptionalPhone } from './account-identity.ts';
import { referencedPatientIds } from './account-patient-records.ts';
import { isMinor, parisToday } from './domain/people.ts';
import { displayPhone } from './domain/phone.ts';
import {
  countRelatives, hideRelative, insertRelative, lockAccount, selectRelativeForUpdate, selectRelatives, updateRelativeRow,
  type RelativeFields, type RelativeRow,
} from './relatives-repository.ts';
import { NotSignedIn } from './errors.ts';

/** A family rarely books for more; a cap keeps one account from filling the table. */
export const MAX_RELATIVES = 20;

export interface Relative {
  id: string;
  civility: 'mme' | 'm' | null;
  firstName: string;
  lastName: string;
  birthDate: string;
  email: string | null;
  phone: string | null;
  phoneDisplay: string | null;
  minor: boolean;
}

export interface RelativeInput {
  civility?: 'mme' | 'm' | null;
  firstName: string;
  lastName: string;
  birthDate: string;
  email?: string | null;
  phone?: string | null;
}

/** A PATCH: absent fields stay as they are; an empty or null email/phone removes it. */
export type RelativeChanges = Partial<RelativeInput>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The API shape; minority is judged on today's Paris date. */
export function toRelative(row: RelativeRow, today: string): Relative {
  return {
    id: row.id,
    civility: row.civility,
    firstName: row.first_name,
    lastName: row.last_name,
    birthDate: row.birth_date,
    email: row.email,
    phone: row.phone,
    phoneDisplay: row.phone ? displayPhone(row.phone) : null,
    minor: isMinor(row.birth_date, today),
  };
}

/** The account's relatives (the holder's own record is not one of them). */
export async function listRelatives(db: Db, accountId: string, now: Date): Promise<Relative[]> {
  const today = parisToday(now);
  return (await selectRelatives(db, accountId)).map((row) => toRelative(row, today));
}

/** Adds a relative to the account (its own transaction). */
export async function addRelative(db: Db, accountId: string, input: RelativeInput, now: Date): Promise<Relative> {
  return db.transaction().execute((trx) => addRelativeWithin(trx, accountId, input, now));
}

/**
 * Adds a relative inside the caller's transaction (also used when a booking creates « un nouveau proche »).
 * Validated before anything is written; the account row is locked so the limit holds under concurrency.
 */
export async function addRelativeWithin(trx: Kysely<Database>, accountId: string, input: RelativeInput, now: Date): Promise<Relative> {
  const today = parisToday(now);
  const fields = relativeFields(input, today);
  if (!(await lockAccount(trx, accountId))) throw new NotSignedIn();
  if ((await countRelatives(trx, accountId)) >= MAX_RELATIVES) throw new TooManyRelatives(MAX_RELATIVES);
  return toRelative(await insertRelative(trx, accountId, fields, now), today);
}

/** Edits one of the account's relatives. */
export async function updateRelative(db: Db, accountId: string, relativeId: string, changes: RelativeChanges, now: Date): Promise<Relative> {
  if (!UUID.test(relativeId)) throw new RelativeNotFound();
  const today = parisToday(now);
  return db.transaction().execute(async (trx) => {
    const current = await selectRelativeForUpdate(trx, accountId, relativeId);
    if (!current) throw new RelativeNotFound();
    const fields = relativeFields(mergeChanges(current, changes), today, changes);
    return toRelative(await updateRelativeRow(trx, relativeId, fields, now), today);
  });
}

/** « Supprimer »: a relative with appointments is hidden and kept for them; one without any is deleted. */
export async function removeRelative(db: Db, accountId: string, relativeId: string, now: Date): Promise<void> {
  if (!UUID.test(relativeId)) throw new RelativeNotFound();
  await db.transaction().execute(async (trx) => {
    // The row lock makes a concurrent booking for this relative wait, so the reference check stays true.
    const current = await selectRelativeForUpdate(trx, accountId, relativeId);
    if (!current) throw new RelativeNotFound();
    const referenced = await referencedPatientIds(trx, [relativeId]);
    if (referenced.has(relativeId)) await hideRelative(trx, relativeId, now);
    else await trx.deleteFrom('patients').where('id', '=', relativeId).execute();
  });
}

/** The stored relative as the user would retype it, with the PATCH's fields laid over it. */
function mergeChanges(current: RelativeRow, changes: RelativeChanges): RelativeInput {
  return {
    civility: changes.civility !== undefined ? changes.civility : current.civility,
    firstName: changes.firstName ?? current.first_name,
    lastName: changes.lastName ?? current.last_name,
    birthDate: changes.birthDate ?? current.birth_date,
    email: changes.email !== undefined ? changes.email : current.email,
    phone: changes.phone !== undefined ? changes.phone : current.phone,
  };
}

/**
 * Validates a relative: names, a plausible birth date, contacts parsed, and none for a minor (A7).
 * On an edit, a stored birth date is not judged again (a relative may have turned 121); a typed one is.
 */
function relativeFields(input: RelativeInput, today: string, changed: RelativeChanges = input): RelativeFields {
  const birthDate = changed.birthDate !== undefined ? readBirthDate(input.birthDate, today) : input.birthDate;
  const email = readOptionalEmail(input.email);
  const phone = readOptionalPhone(input.phone);
  if ((email !== null || phone !== null) && isMinor(birthDate, today)) throw new ContactForMinor();
  return {
    civility: input.civility ?? null,
    first_name: readName(input.firstName, 'first'),
    last_name: readName(input.lastName, 'last'),
    birth_date: birthDate,
    email,
    phone: phone?.e164 ?? null,
    phone_kind: phone?.kind ?? null,
  };
}
