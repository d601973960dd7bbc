/**
 * The contract's shapes (docs/api-booking.md « Shapes »): AppointmentView and HoldView, read in the request's
 * language. Shared by holds, confirmation, « Mes rendez-vous » and the message links.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { AppointmentStatus } from '../../platform/db/schema.ts';
import type { Language } from '../../platform/i18n/catalogue.ts';
import { findNextFreeSlots, localDateAt, daysBetween, NEXT_AVAILABILITY_DAYS } from '../availability/index.ts';
import { practitionerDisplayName } from '../practitioners/index.ts';
import { cancellationPolicy, type CancellationPolicy } from './domain/cancellation.ts';
import type { HoldRow } from './repository.ts';

export interface PlaceView { id: string; name: string | null; address: string; postalCode: string; city: string }

export interface AppointmentView {
  id: string;
  status: Exclude<AppointmentStatus, 'held'>;
  start: string;
  end: string;
  practitioner: { id: string; name: string; specialty: string; phone: string | null };
  place: PlaceView;
  reason: { id: string; label: string; video: boolean; priceCents: number };
  patient: { id: string; firstName: string | null; lastName: string | null; isHolder: boolean };
  cancellation: CancellationPolicy;
  replacement: boolean;
  bookedAt: string | null;
  cancelledAt: string | null;
}

export interface HoldView {
  id: string;
  expiresAt: string;
  start: string;
  end: string;
  practitioner: { id: string; name: string; specialty: string };
  place: PlaceView;
  reason: {
    id: string; label: string; video: boolean; priceCents: number; instructions: string | null;
    referralRequired: boolean; minAgeYears: number | null; maxAgeYears: number | null;
  };
  earlierVideo: EarlierVideo | null;
  /** Given by the practitioner's replacement (C1 blue dot). */
  replacement: boolean;
  moving: string | null;
}

/** An earlier free video slot (C10): its start, reason and the place whose agenda offers it. */
export interface EarlierVideo { start: string; reasonId: string; placeId: string }

const labelIn = (lang: Language, table: string, column: 'label' | 'name' | 'instructions') =>
  sql.ref(`${table}.${column}_${lang}`);

interface AppointmentRow {
  id: string; status: Exclude<AppointmentStatus, 'held'>; start: Date; end: Date;
  practitionerId: string; title: 'DR' | 'PR' | null; firstName: string; lastName: string; specialty: string; phone: string | null;
  placeId: string; placeName: string | null; address: string; postalCode: string; city: string;
  reasonId: string; reasonLabel: string; video: boolean; priceCents: number;
  patientId: string | null; patientFirstName: string | null; patientLastName: string | null; isHolder: boolean | null;
  replacement: boolean; bookedAt: Date | null; cancelledAt: Date | null;
}

/** The appointments with these ids (any status but held), soonest first. */
export async function loadAppointmentViews(db: Db, ids: readonly string[], lang: Language, now: Date): Promise<AppointmentView[]> {
  if (!ids.length) return [];
  // One id is matched as such: PostgreSQL then reuses a generic plan, where an array makes it plan every call (~1.5 ms).
  const matching = ids.length === 1 ? sql`a.id = ${ids[0]}::uuid` : sql`a.id = any(${[...ids]}::uuid[])`;
  const { rows } = await appointmentRowsQuery(lang, sql`${matching} and a.status <> 'held'`).execute(db);
  return rows.map((row) => toAppointmentView(row, now));
}

/** SQL: the rows of appointments matching `where` (over `appointments a`) as their views show them, soonest first. */
export function appointmentRowsQuery(lang: Language, where: RawBuilder<unknown>) {
  return sql<AppointmentRow>`
    select a.id, a.status, a.starts_at as start, a.ends_at as end,
           p.id::text as "practitionerId", p.title, p.first_name as "firstName", p.last_name as "lastName",
           ${labelIn(lang, 's', 'label')} as specialty, coalesce(pl.phone, p.phone) as phone,
           pl.id::text as "placeId", pl.name as "placeName", pl.address, pl.postal_code as "postalCode", c.name as city,
           r.id::text as "reasonId", ${labelIn(lang, 'r', 'name')} as "reasonLabel", r.video, r.price_cents as "priceCents",
           pa.id as "patientId", pa.first_name as "patientFirstName", pa.last_name as "patientLastName", pa.is_holder as "isHolder",
           exists (select 1 from replacements x where x.practitioner_id = a.practitioner_id
                      and x.starts_at < a.ends_at and x.ends_at > a.starts_at) as replacement,
           a.booked_at as "bookedAt", a.cancelled_at as "cancelledAt"
      from appointments a
      join practitioners p on p.id = a.practitioner_id
      join specialties s on s.code = p.specialty_code
      join places pl on pl.id = a.place_id
      join communes c on c.code = pl.commune_code
      join visit_reasons r on r.id = a.reason_id
      left join patients pa on pa.id = a.patient_id
     where ${where}
     order by a.starts_at, a.id`;
}

/** A row of `appointmentRowsQuery` (read as JSON: instants as text). */
export type AppointmentViewRow = Omit<AppointmentRow, 'start' | 'end' | 'bookedAt' | 'cancelledAt'>
  & { start: string; end: string; bookedAt: string | null; cancelledAt: string | null };

/**
 * The view of a held row as it reads once booked for `patient` at `bookedAt`: what a confirmation answers without
 * reading the appointment again (confirm-appointment/inputs.ts reads the held row with this query).
 */
export function bookedViewOf(
  held: AppointmentViewRow, patient: { id: string; firstName: string | null; lastName: string | null; isHolder: boolean },
  bookedAt: Date, now: Date,
): AppointmentView {
  return toAppointmentView({
    ...held, start: new Date(held.start), end: new Date(held.end), status: 'booked', bookedAt, cancelledAt: null,
    patientId: patient.id, patientFirstName: patient.firstName, patientLastName: patient.lastName, isHolder: patient.isHolder,
  }, now);
}

function toAppointmentView(row: AppointmentRow, now: Date): AppointmentView {
  return {
    id: row.id,
    status: row.status,
    start: row.start.toISOString(),
    end: row.end.toISOString(),
    practitioner: { id: row.practitionerId, name: practitionerDisplayName(row), specialty: row.specialty, phone: row.phone },
    place: placeOf(row),
    reason: { id: row.reasonId, label: row.reasonLabel, video: row.video, priceCents: row.priceCents },
    patient: {
      id: row.patientId ?? '', firstName: row.patientFirstName, lastName: row.patientLastName, isHolder: row.isHolder ?? false,
    },
    cancellation: cancellationPolicy(row.start, now),
    replacement: row.replacement,
    bookedAt: row.bookedAt?.toISOString() ?? null,
    cancelledAt: row.cancelledAt?.toISOString() ?? null,
  };
}

function placeOf(row: { placeId: string; placeName: string | null; address: string; postalCode: string; city: string }): PlaceView {
  return { id: row.placeId, name: row.placeName, address: row.address, postalCode: row.postalCode, city: row.city };
}

interface HoldDetailsRow {
  title: 'DR' | 'PR' | null; firstName: string; lastName: string; specialty: string;
  placeName: string | null; address: string; postalCode: string; city: string;
  reasonLabel: string; video: boolean; priceCents: number; instructions: string | null;
  referralRequired: boolean; minAgeYears: number | null; maxAgeYears: number | null;
  /** Whether the practitioner offers a video reason online at all (else no earlier video slot to look for). */
  offersVideo: boolean;
  replacement: boolean;
}

/** What a hold's view shows beyond the hold itself, as `holdDetailsQuery` reads it. */
export type HoldDetails = HoldDetailsRow;

/**
 * SQL: one row of what a hold's view shows of its practitioner, place and reason in `lang`, whatever the hold's id
 * (so that taking a hold can read it in the same statement, holds.ts).
 */
export function holdDetailsQuery(hold: Pick<HoldRow, 'practitionerId' | 'placeId' | 'reasonId' | 'start' | 'end'>, lang: Language) {
  return sql<HoldDetailsRow>`
    select p.title, p.first_name as "firstName", p.last_name as "lastName", ${labelIn(lang, 's', 'label')} as specialty,
           pl.name as "placeName", pl.address, pl.postal_code as "postalCode", c.name as city,
           ${labelIn(lang, 'r', 'name')} as "reasonLabel", r.video, r.price_cents as "priceCents",
           coalesce(${labelIn(lang, 'r', 'instructions')}, r.instructions_fr) as instructions,
           r.referral_required as "referralRequired", r.min_age_years as "minAgeYears", r.max_age_years as "maxAgeYears",
           exists (select 1 from visit_reasons v where v.practitioner_id = p.id and v.video and v.online_bookable) as "offersVideo",
           exists (select 1 from replacements x where x.practitioner_id = p.id
                      and x.starts_at < ${hold.end} and x.ends_at > ${hold.start}) as replacement
      from practitioners p
      join specialties s on s.code = p.specialty_code
      join places pl on pl.id = ${hold.placeId}
      join communes c on c.code = pl.commune_code
      join visit_reasons r on r.id = ${hold.reasonId}
     where p.id = ${hold.practitionerId}`;
}

/**
 * The hold as the confirmation page shows it, with an earlier video slot when there is one (C10); `details` when
 * already read with the hold.
 */
export async function loadHoldView(
  db: Db, hold: HoldRow, lang: Language, now: Date, moving: string | null = null, details?: HoldDetails,
): Promise<HoldView> {
  const read = details ?? (await holdDetailsQuery(hold, lang).execute(db)).rows[0]!;
  return {
    id: hold.id,
    expiresAt: hold.holdExpiresAt.toISOString(),
    start: hold.start.toISOString(),
    end: hold.end.toISOString(),
    practitioner: { id: hold.practitionerId, name: practitionerDisplayName(read), specialty: read.specialty },
    place: placeOf({ ...read, placeId: hold.placeId }),
    reason: {
      id: hold.reasonId, label: read.reasonLabel, video: read.video, priceCents: read.priceCents,
      instructions: read.instructions, referralRequired: read.referralRequired,
      minAgeYears: read.minAgeYears, maxAgeYears: read.maxAgeYears,
    },
    earlierVideo: read.video || !read.offersVideo ? null : await findEarlierVideoSlot(db, hold, now),
    replacement: read.replacement,
    moving,
  };
}

/**
 * The earliest free video slot of the practitioner before the held start (C10), or null. Video reasons are read
 * with the places whose opening rules offer them; each (reason, place) agenda is one availability key.
 */
async function findEarlierVideoSlot(db: Db, hold: HoldRow, now: Date): Promise<EarlierVideo | null> {
  const agendas = await db.selectFrom('visit_reasons as r')
    .innerJoin('opening_rules as o', (join) => join.onRef('o.practitioner_id', '=', 'r.practitioner_id')
      .on(sql<boolean>`o.reason_ids @> array[r.id]`))
    .select(['r.id as reasonId', 'o.place_id as placeId'])
    .distinct()
    .where('r.practitioner_id', '=', hold.practitionerId)
    .where('r.video', '=', true)
    .where('r.online_bookable', '=', true)
    .execute();
  if (!agendas.length) return null;
  const days = Math.min(NEXT_AVAILABILITY_DAYS, daysBetween(localDateAt(now.getTime()), localDateAt(hold.start.getTime())) + 1);
  const found = await Promise.all(agendas.map(async ({ reasonId, placeId }) => {
    const key = { practitionerId: hold.practitionerId, placeId, reasonId };
    const slots = await findNextFreeSlots(db, [key], { now, days, limit: 1, horizonDays: days });
    const first = [...slots.values()][0]?.slots[0];
    return first && Date.parse(first.start) < hold.start.getTime() ? { start: first.start, reasonId, placeId } : null;
  }));
  return found.filter((slot) => slot !== null).sort((a, b) => Date.parse(a.start) - Date.parse(b.start))[0] ?? null;
}
