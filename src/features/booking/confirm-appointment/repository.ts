/** The SQL of confirming a hold (docs/api-booking.md « Confirming »); every call runs inside the locked transaction. */
import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { PersonIdentity, ReasonRules } from '../domain/rules.ts';
import type { EightDayExisting } from '../domain/eight-day-rule.ts';

/** The appointment an earlier request with the same key created, or null. */
export async function findBookingRequest(db: Db, accountId: string, idempotencyKey: string): Promise<string | null> {
  const row = await db.selectFrom('booking_requests').select('appointment_id')
    .where('account_id', '=', accountId).where('idempotency_key', '=', idempotencyKey).executeTakeFirst();
  return row?.appointment_id ?? null;
}

/** Remembers the answer to a key; false when the key was already taken (a concurrent twin on another agenda). */
export async function recordBookingRequest(db: Db, accountId: string, idempotencyKey: string, appointmentId: string, now: Date): Promise<boolean> {
  const row = await db.insertInto('booking_requests')
    .values({ account_id: accountId, idempotency_key: idempotencyKey, appointment_id: appointmentId, created_at: now })
    .onConflict((oc) => oc.columns(['account_id', 'idempotency_key']).doNothing())
    .returning('appointment_id')
    .executeTakeFirst();
  return row !== undefined;
}

/** The appointments a booking replaced under the 8-day rule (C6). */
export async function findReplacedBy(db: Db, appointmentId: string): Promise<string[]> {
  const rows = await db.selectFrom('appointments').select('id').where('replaced_by', '=', appointmentId).orderBy('starts_at').execute();
  return rows.map((row) => row.id);
}

/** The practitioner of a held or booked row, or null: which agenda a confirmation must lock. */
export async function findPractitionerOf(db: Db, holdId: string): Promise<string | null> {
  const row = await db.selectFrom('appointments').select('practitioner_id')
    .where('id', '=', holdId).where('status', 'in', ['held', 'booked']).executeTakeFirst();
  return row?.practitioner_id ?? null;
}

/** The account of the booked appointment that was hold `holdId` (null: none), or undefined when it is not booked. */
export async function findBookedOwner(db: Db, holdId: string): Promise<string | null | undefined> {
  const row = await db.selectFrom('appointments').select('account_id').where('id', '=', holdId).where('status', '=', 'booked').executeTakeFirst();
  return row ? row.account_id : undefined;
}

/** A hold taken before login becomes the account's (C3): its token no longer matters. */
export async function claimHold(db: Db, holdId: string, accountId: string): Promise<void> {
  await db.updateTable('appointments').set({ account_id: accountId, hold_token_hash: null })
    .where('id', '=', holdId).where('status', '=', 'held').execute();
}

export interface PatientRow {
  id: string;
  civility: 'mme' | 'm' | null;
  firstName: string | null;
  lastName: string | null;
  birthDate: string | null;
}

/** The account holder's own patient row, locked: « Mon compte » may be filled by this booking. */
export async function findHolderForUpdate(db: Db, accountId: string): Promise<PatientRow | null> {
  const row = await db.selectFrom('patients')
    .select(['id', 'civility', 'first_name as firstName', 'last_name as lastName', 'birth_date as birthDate'])
    .where('account_id', '=', accountId).where('is_holder', '=', true)
    .forUpdate()
    .executeTakeFirst();
  return row ?? null;
}

/** An account without a holder row yet (created before its identity was asked) gets an empty one. */
export async function insertHolder(db: Db, accountId: string): Promise<PatientRow> {
  return db.insertInto('patients').values({ account_id: accountId, is_holder: true })
    .returning(['id', 'civility', 'first_name as firstName', 'last_name as lastName', 'birth_date as birthDate'])
    .executeTakeFirstOrThrow();
}

/** Writes the fields of « Mon compte » that were empty (never overwrites what the holder already entered). */
export async function fillHolderIdentity(db: Db, holder: PatientRow, now: Date): Promise<void> {
  await db.updateTable('patients').set({
    civility: holder.civility, first_name: holder.firstName, last_name: holder.lastName, birth_date: holder.birthDate, updated_at: now,
  }).where('id', '=', holder.id).execute();
}

/** A live relative of this account (never the holder, never another account's), locked against its removal. */
export async function findRelativeForUpdate(db: Db, accountId: string, relativeId: string): Promise<PatientRow | null> {
  const row = await db.selectFrom('patients')
    .select(['id', 'civility', 'first_name as firstName', 'last_name as lastName', 'birth_date as birthDate'])
    .where('id', '=', relativeId).where('account_id', '=', accountId)
    .where('is_holder', '=', false).where('removed_at', 'is', null)
    .forUpdate()
    .executeTakeFirst();
  return row ?? null;
}

/** The reason's settings that can refuse a booking, and whether its practitioner's specialty has the 8-day rule. */
export async function findReasonRules(db: Db, reasonId: string): Promise<ReasonRules & { specialtyCode: string; eightDayRule: boolean }> {
  const { rows: [row] } = await sql<ReasonRules & { specialtyCode: string; eightDayRule: boolean }>`
    select r.online_bookable and p.online_booking as "onlineBookable", r.new_patients as "newPatients",
           r.min_age_years as "minAgeYears", r.max_age_years as "maxAgeYears", r.referral_required as "referralRequired",
           (r.instructions_fr is not null or r.instructions_en is not null) as "hasInstructions",
           s.code as "specialtyCode", s.eight_day_rule as "eightDayRule"
      from visit_reasons r
      join practitioners p on p.id = r.practitioner_id
      join specialties s on s.code = p.specialty_code
     where r.id = ${reasonId}`.execute(db);
  return row!;
}

export interface PatientFileRow {
  id: string;
  linked: boolean;
  blocked: boolean;
  lastVisitOn: string | null;
  identity: PersonIdentity;
}

/** The practice's files on this patient: the one linked to them, else unlinked ones with the same birth date. */
export async function findPatientFiles(db: Db, practitionerId: string, patientId: string, birthDate: string | null): Promise<PatientFileRow[]> {
  const rows = await db.selectFrom('patient_files')
    .select(['id', 'patient_id', 'blocked_at', 'last_visit_on', 'first_name', 'last_name', 'birth_date'])
    .where('practitioner_id', '=', practitionerId)
    .where((eb) => eb.or([
      eb('patient_id', '=', patientId),
      ...(birthDate ? [eb.and([eb('patient_id', 'is', null), eb('birth_date', '=', birthDate)])] : []),
    ]))
    .orderBy('created_at')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    linked: row.patient_id === patientId,
    blocked: row.blocked_at !== null,
    lastVisitOn: row.last_visit_on,
    identity: { firstName: row.first_name, lastName: row.last_name, birthDate: row.birth_date },
  }));
}

/** A practice file recognised by identity is linked to the patient who booked (J3). */
export async function linkPatientFile(db: Db, fileId: string, patientId: string): Promise<void> {
  await db.updateTable('patient_files').set({ patient_id: patientId }).where('id', '=', fileId).where('patient_id', 'is', null).execute();
}

/** No-shows declared by this practitioner for this patient (D5). */
export async function countNoShows(db: Db, practitionerId: string, patientId: string): Promise<number> {
  const row = await db.selectFrom('appointments').select((eb) => eb.fn.countAll<string>().as('count'))
    .where('practitioner_id', '=', practitionerId).where('patient_id', '=', patientId).where('status', '=', 'no_show')
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** The patient's upcoming booked appointments within `days` days of `start`, with their specialty (C6). */
export async function findNearbyBookings(db: Db, patientId: string, start: Date, days: number, now: Date): Promise<EightDayExisting[]> {
  const { rows } = await sql<EightDayExisting>`
    select a.id as "appointmentId", a.practitioner_id::text as "practitionerId", p.specialty_code as "specialtyCode",
           a.starts_at as start, s.eight_day_rule as "eightDayRule"
      from appointments a
      join practitioners p on p.id = a.practitioner_id
      join specialties s on s.code = p.specialty_code
     where a.patient_id = ${patientId} and a.status = 'booked' and a.starts_at > ${now}
       and a.starts_at > ${start}::timestamptz - make_interval(days => ${days})
       and a.starts_at < ${start}::timestamptz + make_interval(days => ${days})
     order by a.starts_at
       for update of a`.execute(db);
  return rows;
}

export interface BookedFields {
  holdId: string;
  accountId: string;
  patientId: string;
  referringPractitionerId: string | null;
  instructionsAcceptedAt: Date | null;
  now: Date;
}

/** The held row becomes the appointment; false when the hold vanished meanwhile (purged by the timer job). */
export async function bookHeldRow(db: Db, fields: BookedFields): Promise<boolean> {
  const result = await db.updateTable('appointments').set({
    status: 'booked',
    hold_expires_at: null,
    hold_token_hash: null,
    booked_at: fields.now,
    patient_id: fields.patientId,
    account_id: fields.accountId,
    referring_practitioner_id: fields.referringPractitionerId,
    instructions_accepted_at: fields.instructionsAcceptedAt,
  }).where('id', '=', fields.holdId).where('status', '=', 'held').executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Cancels the appointments the new one replaces (« Remplacer par celui en cours », C6). */
export async function cancelReplaced(db: Db, ids: readonly string[], replacedBy: string, now: Date): Promise<void> {
  if (!ids.length) return;
  await db.updateTable('appointments').set({
    status: 'cancelled', cancelled_at: now, cancelled_by: 'patient', replaced_by: replacedBy,
  }).where('id', 'in', [...ids]).where('status', '=', 'booked').execute();
}

/** Whether a referring practitioner chosen from the list exists (C5). */
export async function practitionerExists(db: Db, practitionerId: string): Promise<boolean> {
  const row = await db.selectFrom('practitioners').select('id').where('id', '=', practitionerId).executeTakeFirst();
  return row !== undefined;
}
