/** SQL of « Mon compte »: every statement names the session's account id; nothing here reads another account. */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { PhoneKind } from './domain/phone.ts';

/** Identity and address columns of the holder patient row. */
export interface HolderFields {
  civility?: 'mme' | 'm' | null;
  first_name?: string | null;
  last_name?: string | null;
  birth_date?: string | null;
  address_line?: string | null;
  postal_code?: string | null;
  city?: string | null;
}

/** Writes the holder row's identity, creating the row when the account has none yet. */
export async function saveHolderFields(db: Kysely<Database>, accountId: string, fields: HolderFields, now: Date): Promise<void> {
  if (Object.keys(fields).length === 0) return;
  await db
    .insertInto('patients')
    .values({ ...fields, account_id: accountId, is_holder: true, created_at: now, updated_at: now })
    .onConflict((oc) => oc.column('account_id').where('is_holder', '=', true).doUpdateSet({ ...fields, updated_at: now }))
    .execute();
}

/** Settings kept on the account row (language of messages, A8 history switch). */
export async function saveAccountSettings(
  db: Kysely<Database>,
  accountId: string,
  settings: { language?: 'fr' | 'en'; care_history_enabled?: boolean },
): Promise<void> {
  if (Object.keys(settings).length === 0) return;
  await db.updateTable('accounts').set(settings).where('id', '=', accountId).execute();
}

/** The secrets a sensitive change is judged on, with the account row locked until the end of the transaction. */
export async function lockAccountCredentials(
  db: Kysely<Database>,
  accountId: string,
): Promise<{ email: string; password_hash: string; language: 'fr' | 'en' } | undefined> {
  return db
    .selectFrom('accounts')
    .select(['email', 'password_hash', 'language'])
    .where('id', '=', accountId)
    .forUpdate()
    .executeTakeFirst();
}

/** What the password policy compares a new password with (A3: no names, no birth date). */
export async function selectPasswordContext(
  db: Kysely<Database>,
  accountId: string,
): Promise<{ email: string; firstName: string | null; lastName: string | null; birthDate: string | null } | undefined> {
  const row = await db
    .selectFrom('accounts as a')
    .leftJoin('patients as p', (join) => join.onRef('p.account_id', '=', 'a.id').on('p.is_holder', '=', true))
    .select(['a.email', 'p.first_name', 'p.last_name', 'p.birth_date'])
    .where('a.id', '=', accountId)
    .executeTakeFirst();
  return row && { email: row.email, firstName: row.first_name, lastName: row.last_name, birthDate: row.birth_date };
}

export async function savePasswordHash(db: Kysely<Database>, accountId: string, passwordHash: string, now: Date): Promise<void> {
  await db.updateTable('accounts').set({ password_hash: passwordHash, password_changed_at: now }).where('id', '=', accountId).execute();
}

/** Reset links still pending die with a password change (one of them may be an attacker's). */
export async function retirePendingResets(db: Kysely<Database>, accountId: string, now: Date): Promise<void> {
  await db
    .updateTable('password_resets')
    .set({ used_at: now })
    .where('account_id', '=', accountId)
    .where('used_at', 'is', null)
    .execute();
}

export async function savePhone(db: Kysely<Database>, accountId: string, phone: string, kind: PhoneKind, now: Date): Promise<void> {
  await db.updateTable('accounts').set({ phone, phone_kind: kind, phone_verified_at: now }).where('id', '=', accountId).execute();
}

export async function saveEmail(db: Kysely<Database>, accountId: string, email: string, now: Date): Promise<void> {
  await db.updateTable('accounts').set({ email, email_verified_at: now }).where('id', '=', accountId).execute();
}

/** Whether an account other than `accountId` signs in with this (normalised) email. */
export async function emailUsedByAnotherAccount(db: Kysely<Database>, email: string, accountId: string): Promise<boolean> {
  const row = await db.selectFrom('accounts').select('id').where('email', '=', email).where('id', '<>', accountId).executeTakeFirst();
  return row !== undefined;
}

/** Every patient row of the account (holder, relatives, hidden relatives), locked. */
export async function lockAccountPatients(db: Kysely<Database>, accountId: string): Promise<string[]> {
  const rows = await db.selectFrom('patients').select('id').where('account_id', '=', accountId).forUpdate().execute();
  return rows.map((row) => row.id);
}

/** Whether the account or one of its patients has a booked appointment still to come. */
export async function hasUpcomingAppointments(db: Kysely<Database>, accountId: string, patientIds: readonly string[], now: Date): Promise<boolean> {
  const row = await db
    .selectFrom('appointments')
    .select('id')
    .where('status', '=', 'booked')
    .where('starts_at', '>', now)
    .where((eb) => {
      const byAccount = eb('account_id', '=', accountId);
      return patientIds.length > 0 ? eb.or([byAccount, eb('patient_id', 'in', [...patientIds])]) : byAccount;
    })
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Sign-ups waiting for a code with this email: personal data that would outlive the account. */
export async function deletePendingSignups(db: Kysely<Database>, email: string): Promise<void> {
  await db.deleteFrom('signups').where('email', '=', email).execute();
}

/** Deletes the account row; sessions, devices, codes and reset links go with it (on delete cascade). */
export async function deleteAccountRow(db: Kysely<Database>, accountId: string): Promise<void> {
  await db.deleteFrom('accounts').where('id', '=', accountId).execute();
}
