/**
 * « Mes rendez-vous » (SPEC D1): the appointments of the account holder and of its relatives — removed relatives
 * included, since deleting a relative keeps its appointments (A7). An appointment belongs to the account that owns
 * its patient row; anyone else gets « not found », whether it exists or not.
 */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { AppointmentStatus } from '../../platform/db/schema.ts';
import type { Language } from '../../platform/i18n/catalogue.ts';
import { translate } from '../../platform/i18n/catalogue.ts';
import { displayPhone } from '../accounts/domain/phone.ts';
import { splitUpcomingAndPast } from './domain/appointment-view.ts';
import { BookingTargetNotFound } from './errors.ts';
import { uuid } from './schemas.ts';
import { loadAppointmentViews, type AppointmentView } from './views.ts';

/** An appointment and who it belongs to, as the move and cancel services need it. */
export interface AppointmentState {
  id: string;
  practitionerId: string;
  reasonId: string;
  status: AppointmentStatus;
  start: Date;
  patientId: string;
  /** The account owning the patient row (the holder's), or null once that account is deleted. */
  ownerAccountId: string | null;
  referringPractitionerId: string | null;
  instructionsAcceptedAt: Date | null;
  replacedBy: string | null;
  /** The practice's number: the place's, else the practitioner's. */
  phone: string | null;
}

/** The upcoming (soonest first) and past (most recent first) appointments of the account's patients; cancelled ones stay. */
export async function listMyAppointments(
  db: Db, accountId: string, lang: Language, now: Date,
): Promise<{ upcoming: AppointmentView[]; past: AppointmentView[] }> {
  const { rows } = await sql<{ id: string }>`
    select a.id from appointments a join patients pt on pt.id = a.patient_id
     where pt.account_id = ${accountId} and a.status <> 'held'`.execute(db);
  const views = await loadAppointmentViews(db, rows.map((row) => row.id), lang, now);
  const timed = views.map((view) => ({ view, start: new Date(view.start), end: new Date(view.end) }));
  const { upcoming, past } = splitUpcomingAndPast(timed, now);
  return { upcoming: upcoming.map((entry) => entry.view), past: past.map((entry) => entry.view) };
}

/** One appointment of the account, or « not found » (another account's, a hold, a malformed id). */
export async function readMyAppointment(db: Db, accountId: string, appointmentId: string, lang: Language, now: Date): Promise<AppointmentView> {
  const owned = await findAppointmentState(db, appointmentId);
  if (!owned || owned.ownerAccountId !== accountId) throw new BookingTargetNotFound('appointment_not_found');
  const [view] = await loadAppointmentViews(db, [appointmentId], lang, now);
  return view!;
}

/** The appointment's state when `accountId` owns it; throws « not found » otherwise. */
export async function requireOwnAppointment(db: Db, accountId: string, appointmentId: string): Promise<AppointmentState> {
  const state = await findAppointmentState(db, appointmentId);
  if (!state || state.ownerAccountId !== accountId) throw new BookingTargetNotFound('appointment_not_found');
  return state;
}

/**
 * An appointment of a Créneau patient (never a hold, never a practice-only row), or null. `forUpdate` locks the row
 * inside a transaction, so that a concurrent move or cancel of the same appointment waits and then sees the result.
 */
export async function findAppointmentState(db: Db, appointmentId: string, forUpdate = false): Promise<AppointmentState | null> {
  if (!uuid.safeParse(appointmentId).success) return null;
  const { rows: [row] } = await sql<AppointmentState>`
    select a.id, a.practitioner_id::text as "practitionerId", a.reason_id::text as "reasonId", a.status, a.starts_at as start,
           a.patient_id as "patientId", pt.account_id as "ownerAccountId",
           a.referring_practitioner_id::text as "referringPractitionerId", a.instructions_accepted_at as "instructionsAcceptedAt",
           a.replaced_by as "replacedBy", coalesce(pl.phone, p.phone) as phone
      from appointments a
      join patients pt on pt.id = a.patient_id
      join places pl on pl.id = a.place_id
      join practitioners p on p.id = a.practitioner_id
     where a.id = ${appointmentId} and a.status <> 'held'
     ${forUpdate ? sql`for update of a` : sql``}`.execute(db);
  return row ?? null;
}

/** The number a patient is told to call, as written in France; a sentence when the practice has none. */
export function practicePhone(phone: string | null, lang: Language): string {
  return phone ? displayPhone(phone) : translate(lang, 'booking.cancel.no_phone');
}
