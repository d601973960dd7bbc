/**
 * Everything a confirmation judges, read in ONE round trip before any write (docs/performance.md « Booking »): the
 * answer already given to the request key (or the question put to the practice's software, C9), the hold, the
 * account and the patient chosen, the rule inputs, the patient's bookings near the slot (C6) and whether the
 * referring practitioner exists. Nothing is locked: the write
 * (`booking_confirm`, migrations/0016_booking_writes.sql) re-checks under the practitioner's lock what can change
 * meanwhile — the key, the hold's owner and expiry, the relative's removal.
 */
import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { Language } from '../../../platform/i18n/catalogue.ts';
import { EIGHT_DAY_RULE_DAYS, type EightDayExisting } from '../domain/eight-day-rule.ts';
import type { HoldRow } from '../repository.ts';
import { appointmentRowsQuery, type AppointmentViewRow } from '../views.ts';
import type { ConfirmationBody } from '../schemas.ts';
import { ruleInputsQuery, toRuleInputs, type PatientRow, type RuleInputs, type RuleInputsRow } from './repository.ts';

export interface ConfirmationInputs {
  /** The appointment an earlier request with this key created, or null. */
  earlier: string | null;
  /** C9: the practice's software was asked to accept an earlier request with this key (not yet booked). */
  pending: { holdId: string; answerBy: Date } | null;
  /** The held or booked row `holdId`, or null (expired and purged, or never). */
  hold: (HoldRow & { status: 'held' | 'booked' }) | null;
  /** The patient chosen, when already stored: the holder (`self`) or a live relative of the account. */
  patient: (PatientRow & { isHolder: boolean; email: string | null; phone: string | null; phoneKind: 'mobile' | 'landline' | null }) | null;
  account: { email: string | null; phone: string | null; phoneKind: 'mobile' | 'landline' | null; language: Language | null };
  /** Null without a hold. */
  rules: (RuleInputs & { reasonNotifications: boolean }) | null;
  nearby: EightDayExisting[];
  referringExists: boolean;
  /** The held row as its view shows it (views.ts `bookedViewOf` makes it the appointment's); null without a hold. */
  view: AppointmentViewRow | null;
}

interface InputsRow {
  earlier: string | null;
  pending: { holdId: string; answerBy: string } | null;
  holdId: string | null; holdStatus: 'held' | 'booked' | null; practitionerId: string; placeId: string; reasonId: string;
  start: Date; end: Date; holdExpiresAt: Date | null; holdAccountId: string | null; holdTokenHash: Buffer | null;
  accountEmail: string | null; accountPhone: string | null; accountPhoneKind: 'mobile' | 'landline' | null; language: Language | null;
  patientId: string | null; civility: 'mme' | 'm' | null; firstName: string | null; lastName: string | null; birthDate: string | null;
  isHolder: boolean | null; patientEmail: string | null; patientPhone: string | null; patientPhoneKind: 'mobile' | 'landline' | null;
  rules: RuleInputsRow | null;
  nearby: { appointmentId: string; practitionerId: string; specialtyCode: string; start: string; eightDayRule: boolean }[];
  referringExists: boolean;
  view: AppointmentViewRow | null;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The confirmation's inputs; `now` bounds the nearby bookings to upcoming ones. */
export async function readConfirmationInputs(
  db: Db, request: { accountId: string; idempotencyKey: string; body: ConfirmationBody; lang: Language; now: Date },
): Promise<ConfirmationInputs> {
  const { accountId, idempotencyKey, body, lang, now } = request;
  const choice = body.patient;
  const relativeId = choice.kind === 'relative' ? choice.relativeId : null;
  // A birth date typed here (the holder's missing one, a new relative's) finds the practice's unlinked files (J3);
  // one that is not even a date is refused later, with its own message.
  const typed = choice.kind === 'self' ? choice.identity?.birthDate : choice.kind === 'new_relative' ? choice.relative.birthDate : undefined;
  const typedBirthDate = typeof typed === 'string' && ISO_DATE.test(typed) && !Number.isNaN(Date.parse(typed)) ? typed : null;
  const birthDate = sql`coalesce(pt.birth_date, ${typedBirthDate}::date)`;
  const { rows: [row] } = await sql<InputsRow>`
    select (select b.appointment_id from booking_requests b
             where b.account_id = ${accountId} and b.idempotency_key = ${idempotencyKey}) as earlier,
           (select json_build_object('holdId', c.hold_id, 'answerBy', c.answer_by) from pending_confirmations c
             where c.account_id = ${accountId} and c.idempotency_key = ${idempotencyKey}) as pending,
           h.id as "holdId", h.status as "holdStatus", h.practitioner_id::text as "practitionerId", h.place_id::text as "placeId",
           h.reason_id::text as "reasonId", h.starts_at as start, h.ends_at as end, h.hold_expires_at as "holdExpiresAt",
           h.account_id as "holdAccountId", h.hold_token_hash as "holdTokenHash",
           ac.email as "accountEmail", ac.phone as "accountPhone", ac.phone_kind as "accountPhoneKind", ac.language,
           pt.id as "patientId", pt.civility, pt.first_name as "firstName", pt.last_name as "lastName",
           pt.birth_date::text as "birthDate", pt.is_holder as "isHolder",
           pt.email as "patientEmail", pt.phone as "patientPhone", pt.phone_kind as "patientPhoneKind",
           (select row_to_json(ri) from (${ruleInputsQuery(sql.ref('h.reason_id'), sql.ref('h.practitioner_id'), sql.ref('pt.id'), birthDate)}) ri) as rules,
           (select coalesce(json_agg(json_build_object(
                     'appointmentId', n.id, 'practitionerId', n.practitioner_id::text, 'specialtyCode', np.specialty_code,
                     'start', n.starts_at, 'eightDayRule', ns.eight_day_rule) order by n.starts_at), '[]'::json)
              from appointments n
              join practitioners np on np.id = n.practitioner_id
              join specialties ns on ns.code = np.specialty_code
             where n.patient_id = pt.id and n.status = 'booked' and n.starts_at > ${now}
               and n.starts_at > h.starts_at - make_interval(days => ${EIGHT_DAY_RULE_DAYS + 1})
               and n.starts_at < h.starts_at + make_interval(days => ${EIGHT_DAY_RULE_DAYS + 1})) as nearby,
           (${body.referringPractitionerId ?? null}::bigint is null
             or exists (select 1 from practitioners x where x.id = ${body.referringPractitionerId ?? null}::bigint)) as "referringExists",
           (select row_to_json(v) from (${appointmentRowsQuery(lang, sql`a.id = h.id`)}) v) as view
      from (select 1) as one
      left join appointments h on h.id = ${body.holdId} and h.status in ('held', 'booked')
      left join accounts ac on ac.id = ${accountId}
      left join patients pt on pt.account_id = ${accountId}
            and ((${choice.kind}::text = 'self' and pt.is_holder)
                 or (pt.id = ${relativeId}::uuid and not pt.is_holder and pt.removed_at is null))`.execute(db);
  return toInputs(row!);
}

function toInputs(row: InputsRow): ConfirmationInputs {
  return {
    earlier: row.earlier,
    pending: row.pending && { holdId: row.pending.holdId, answerBy: new Date(row.pending.answerBy) },
    hold: row.holdId === null ? null : {
      id: row.holdId, status: row.holdStatus!, practitionerId: row.practitionerId, placeId: row.placeId, reasonId: row.reasonId,
      start: row.start, end: row.end, holdExpiresAt: row.holdExpiresAt ?? row.end, accountId: row.holdAccountId, holdTokenHash: row.holdTokenHash,
    },
    patient: row.patientId === null ? null : {
      id: row.patientId, civility: row.civility, firstName: row.firstName, lastName: row.lastName, birthDate: row.birthDate,
      isHolder: row.isHolder ?? false, email: row.patientEmail, phone: row.patientPhone, phoneKind: row.patientPhoneKind,
    },
    account: { email: row.accountEmail, phone: row.accountPhone, phoneKind: row.accountPhoneKind, language: row.language },
    rules: row.rules === null ? null : { ...toRuleInputs(row.rules, row.patientId), reasonNotifications: row.rules.reasonNotifications },
    nearby: row.nearby.map((booking) => ({ ...booking, start: new Date(booking.start) })),
    referringExists: row.referringExists,
    view: row.view,
  };
}
