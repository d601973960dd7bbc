/** The SQL of confirming a hold (docs/api-booking.md « Confirming »); every call runs inside the locked transaction. */
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { PersonIdentity, ReasonRules } from '../domain/rules.ts';
import type { EightDayExisting } from '../domain/eight-day-rule.ts';
import { countsTowardBlock, forgivenAtOf } from '../no-show-count.ts';
import { IdempotencyKeyReused } from '../errors.ts';
import type { NewBookingIntents } from '../../notifications/index.ts';

/** The appointments a booking replaced under the 8-day rule (C6). */
export async function findReplacedBy(db: Db, appointmentId: string): Promise<string[]> {
  const rows = await db.selectFrom('appointments').select('id').where('replaced_by', '=', appointmentId).orderBy('starts_at').execute();
  return rows.map((row) => row.id);
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

export interface PatientFileRow {
  id: string;
  linked: boolean;
  blocked: boolean;
  /** E4: the practice switched this patient's notifications off. */
  notificationsOff: boolean;
  lastVisitOn: string | null;
  identity: PersonIdentity;
}

export interface RuleInputs {
  /** The reason's settings that can refuse a booking, and whether its practitioner's specialty has the 8-day rule. */
  reason: ReasonRules & { specialtyCode: string; eightDayRule: boolean };
  /** The practice's files on this patient: the one linked to them, else unlinked ones with the same birth date. */
  files: PatientFileRow[];
  /** No-shows declared by this practitioner for this patient since it last unblocked them (D5, J4). */
  noShows: number;
  /** C9: the practice's own software accepts each online booking before it is confirmed. */
  confirmsFromSoftware: boolean;
}

export interface RuleInputsRow extends ReasonRules {
  /** E4: the reason's messages are on. */
  reasonNotifications: boolean;
  specialtyCode: string;
  eightDayRule: boolean;
  noShows: number;
  confirmsFromSoftware: boolean;
  files: {
    id: string; patientId: string | null; blockedAt: string | null; lastVisitOn: string | null; notificationsOff: boolean;
    firstName: string; lastName: string; birthDate: string | null;
  }[];
}

/** What the booking rules judge (C5, D5), read in one round trip. */
export async function findRuleInputs(
  db: Db, request: { reasonId: string; practitionerId: string; patientId: string; birthDate: string | null },
): Promise<RuleInputs> {
  const { reasonId, practitionerId, patientId, birthDate } = request;
  const { rows: [row] } = await ruleInputsQuery(sql.val(reasonId), sql.val(practitionerId), sql.val(patientId), sql`${birthDate}::date`)
    .execute(db);
  return toRuleInputs(row!, patientId);
}

/** SQL: one row of what the booking rules judge, for any reason, practitioner and patient expressions. */
export function ruleInputsQuery(
  reasonId: RawBuilder<unknown>, practitionerId: RawBuilder<unknown>, patientId: RawBuilder<unknown>, birthDate: RawBuilder<unknown>,
) {
  return sql<RuleInputsRow>`
    select r.online_bookable and p.online_booking as "onlineBookable", r.new_patients as "newPatients",
           r.min_age_years as "minAgeYears", r.max_age_years as "maxAgeYears", r.referral_required as "referralRequired",
           (r.instructions_fr is not null or r.instructions_en is not null) as "hasInstructions",
           r.notifications as "reasonNotifications",
           s.code as "specialtyCode", s.eight_day_rule as "eightDayRule", p.confirms_from_software as "confirmsFromSoftware",
           (select count(*)::int from appointments a
             where a.practitioner_id = ${practitionerId} and a.patient_id = ${patientId} and a.status = 'no_show'
               and ${countsTowardBlock('a', forgivenAtOf(practitionerId, patientId))}) as "noShows",
           ${practiceFilesJson(practitionerId, patientId, birthDate)} as files
      from visit_reasons r
      join practitioners p on p.id = r.practitioner_id
      join specialties s on s.code = p.specialty_code
     where r.id = ${reasonId}`;
}

/** A row of `ruleInputsQuery` as the rules take it. */
export function toRuleInputs(
  { noShows, files, confirmsFromSoftware, reasonNotifications: _, ...reason }: RuleInputsRow, patientId: string | null,
): RuleInputs {
  return { reason, noShows, confirmsFromSoftware, files: toPatientFiles(files, patientId) };
}

/**
 * SQL: the practice's files on a patient as JSON — the one linked to them, else unlinked ones with the same birth
 * date (J3) — read by `toPatientFiles`.
 */
function practiceFilesJson(practitionerId: RawBuilder<unknown>, patientId: RawBuilder<unknown>, birthDate: RawBuilder<unknown>) {
  return sql<RuleInputsRow['files']>`(select coalesce(json_agg(json_build_object(
            'id', f.id, 'patientId', f.patient_id, 'blockedAt', f.blocked_at, 'lastVisitOn', f.last_visit_on,
            'notificationsOff', f.notifications_off,
            'firstName', f.first_name, 'lastName', f.last_name, 'birthDate', f.birth_date) order by f.created_at), '[]'::json)
       from patient_files f
      where f.practitioner_id = ${practitionerId}
        and (f.patient_id = ${patientId} or (f.patient_id is null and f.birth_date = ${birthDate})))`;
}

/** The files read by `practiceFilesJson`, as the rules judge them. */
function toPatientFiles(files: RuleInputsRow['files'], patientId: string | null): PatientFileRow[] {
  return files.map((file) => ({
    id: file.id,
    linked: patientId !== null && file.patientId === patientId,
    blocked: file.blockedAt !== null,
    notificationsOff: file.notificationsOff,
    lastVisitOn: file.lastVisitOn,
    identity: { firstName: file.firstName, lastName: file.lastName, birthDate: file.birthDate },
  }));
}

/** A practice file recognised by identity is linked to the patient who booked (J3). */
export async function linkPatientFile(db: Db, fileId: string, patientId: string): Promise<void> {
  await db.updateTable('patient_files').set({ patient_id: patientId }).where('id', '=', fileId).where('patient_id', 'is', null).execute();
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
  const result = await bookHeldRowQuery(db, fields).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

function bookHeldRowQuery(db: Db, fields: BookedFields) {
  return db.updateTable('appointments').set({
    status: 'booked',
    hold_expires_at: null,
    hold_token_hash: null,
    booked_at: fields.now,
    patient_id: fields.patientId,
    account_id: fields.accountId,
    referring_practitioner_id: fields.referringPractitionerId,
    instructions_accepted_at: fields.instructionsAcceptedAt,
  }).where('id', '=', fields.holdId).where('status', '=', 'held');
}

export interface ConfirmationWrite {
  holdId: string;
  practitionerId: string;
  accountId: string;
  /** The token of a hold taken before login, which this account claims (C3). */
  holdToken: Buffer | null;
  patientId: string;
  idempotencyKey: string;
  referringPractitionerId: string | null;
  instructionsAcceptedAt: Date | null;
  /** The 8-day rule's appointments to cancel (C6). */
  replacedIds: readonly string[];
  fileToLink: string | null;
  /** The message intents planned for the new appointment; null: the caller writes them in its transaction. */
  planned: NewBookingIntents | null;
  now: Date;
}

export type ConfirmationOutcome =
  | { outcome: 'booked' | 'replayed'; appointmentId: string }
  | { outcome: 'expired' | 'not_yours' | 'patient_gone'; appointmentId: null };

/** SQLSTATE raised by `booking_confirm` when a twin request used the key on another agenda meanwhile. */
const KEY_TAKEN = 'CRKEY';

/**
 * A confirmation's writes in one statement (migrations/0016_booking_writes.sql `booking_confirm`): under the
 * practitioner's lock, the key is looked up again, the held row becomes the appointment if still live and the
 * caller's, and the key, replaced appointments, file link, calendar identity and intents are written with it.
 */
export async function writeConfirmation(db: Db, write: ConfirmationWrite): Promise<ConfirmationOutcome> {
  const planned = write.planned;
  const intents = planned ? JSON.stringify(planned.intents.map(({ key, kind, channel, role, plannedStart, sendAt }) => ({
    key, kind, channel, role, planned_start: plannedStart.toISOString(), send_at: sendAt.toISOString(),
  }))) : null;
  try {
    const { rows: [row] } = await sql<ConfirmationOutcome>`
      select appointment_id as "appointmentId", outcome from booking_confirm(
        ${write.holdId}::uuid, ${write.practitionerId}::bigint, ${write.accountId}::uuid, ${write.holdToken}::bytea,
        ${write.patientId}::uuid, ${write.idempotencyKey}::text, ${write.now}::timestamptz,
        ${write.referringPractitionerId}::bigint, ${write.instructionsAcceptedAt}::timestamptz,
        ${[...write.replacedIds]}::uuid[], ${write.fileToLink}::uuid, ${planned?.calendarUid ?? null}::text, ${intents}::jsonb)`.execute(db);
    return row!;
  } catch (error) {
    if ((error as { code?: unknown }).code === KEY_TAKEN) throw new IdempotencyKeyReused();
    throw error;
  }
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
