/** Test fixtures: practitioners with places, reasons, weekly rules and appointments, inserted row by row. */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { OpeningRulesTable } from '../../platform/db/schema.ts';

/** INSEE codes of the communes the fixtures use: Nantes (44, metropole) and Strasbourg (67, Alsace-Moselle). */
export const NANTES = '44109';
export const STRASBOURG = '67482';

/** Reference rows the fixtures point to; the test template may already hold them (hence "do nothing"). */
export async function insertReferenceRows(db: Db): Promise<void> {
  await sql`insert into communes (code, name, departement, postal_codes, population, latitude, longitude) values
    (${NANTES}, 'Nantes', '44', '{44000,44100,44200,44300}', 320000, 47.2181, -1.5528),
    (${STRASBOURG}, 'Strasbourg', '67', '{67000,67100,67200}', 290000, 48.5734, 7.7521)
    on conflict do nothing`.execute(db);
  await sql`insert into professions (code, label_fr, label_en, reimbursement_rate, kind)
    values ('10', 'Médecin', 'Doctor', 70, 'doctor') on conflict do nothing`.execute(db);
  await sql`insert into specialties (code, profession_code, label_fr, label_en, slug)
    values ('SM54', '10', 'Médecin généraliste', 'General practitioner', 'medecin-generaliste') on conflict do nothing`.execute(db);
}

let rppsCounter = 0;

export interface AgendaFixture {
  practitionerId: string;
  placeId: string;
  reasonId: string;
}

export interface AgendaOptions {
  commune?: string;
  onlineBooking?: boolean;
  durationMinutes?: number;
  capacity?: number;
  video?: boolean;
  onlineBookable?: boolean;
  /** ISO weekdays open 08:00–12:00 and 14:00–18:00 Paris time; default Monday to Friday. */
  weekdays?: number[];
  validFrom?: string | null;
}

/** A general practitioner with one place, one reason and weekly opening hours for it. */
export async function insertAgenda(db: Db, options: AgendaOptions = {}): Promise<AgendaFixture> {
  const practitioner = await db.insertInto('practitioners').values({
    rpps: String(10_000_000_000 + process.pid * 1000 + ++rppsCounter).slice(-11),
    civility: 'MME', title: 'DR', first_name: 'Hélène', last_name: `Dupont${rppsCounter}`,
    profession_code: '10', specialty_code: 'SM54', sector: '1', online_booking: options.onlineBooking ?? true,
    phone: '+33240000000',
  }).returning('id').executeTakeFirstOrThrow();
  const practitionerId = practitioner.id;
  const commune = options.commune ?? NANTES;
  const place = await db.insertInto('places').values({
    practitioner_id: practitionerId, address: '3 rue de la Paix', postal_code: commune === NANTES ? '44000' : '67000',
    commune_code: commune, latitude: 47.2, longitude: -1.55,
  }).returning('id').executeTakeFirstOrThrow();
  const reasonId = await insertReason(db, practitionerId, options);
  const rules = (options.weekdays ?? [1, 2, 3, 4, 5]).flatMap((weekday) => [
    { weekday, start_time: '08:00', end_time: '12:00' },
    { weekday, start_time: '14:00', end_time: '18:00' },
  ]);
  if (rules.length) {
    await db.insertInto('opening_rules').values(rules.map((rule) => ({
      ...rule, practitioner_id: practitionerId, place_id: place.id, reason_ids: sql<OpeningRulesTable['reason_ids']>`array[${reasonId}]::bigint[]`, valid_from: options.validFrom ?? null,
    }))).execute();
  }
  return { practitionerId, placeId: place.id, reasonId };
}

/** A visit reason of the practitioner (not offered by any rule unless the caller adds one). */
export async function insertReason(db: Db, practitionerId: string, options: AgendaOptions = {}): Promise<string> {
  const reason = await db.insertInto('visit_reasons').values({
    practitioner_id: practitionerId, name_fr: 'Consultation', name_en: 'Consultation',
    duration_minutes: options.durationMinutes ?? 30, price_cents: 2650, capacity: options.capacity ?? 1,
    video: options.video ?? false, online_bookable: options.onlineBookable ?? true,
  }).returning('id').executeTakeFirstOrThrow();
  return reason.id;
}

/** A booked appointment, or a hold when `holdExpiresAt` is given. */
export async function insertAppointment(db: Db, agenda: AgendaFixture, start: string, end: string, holdExpiresAt?: string): Promise<void> {
  await db.insertInto('appointments').values({
    practitioner_id: agenda.practitionerId, place_id: agenda.placeId, reason_id: agenda.reasonId,
    starts_at: start, ends_at: end, status: holdExpiresAt ? 'held' : 'booked', hold_expires_at: holdExpiresAt ?? null,
  }).execute();
}

/** An absence of the practitioner between two instants. */
export async function insertAbsence(db: Db, agenda: AgendaFixture, start: string, end: string): Promise<void> {
  await db.insertInto('absences').values({ practitioner_id: agenda.practitionerId, starts_at: start, ends_at: end }).execute();
}

/** A replacement consulting in the practitioner's agenda between two instants. */
export async function insertReplacement(db: Db, agenda: AgendaFixture, start: string, end: string): Promise<void> {
  await db.insertInto('replacements').values({
    practitioner_id: agenda.practitionerId, replacement_first_name: 'Jean', replacement_last_name: 'Martin', starts_at: start, ends_at: end,
  }).execute();
}

/** A public holiday of an area (the template may already hold it). */
export async function insertHoliday(db: Db, day: string, area: string, name: string): Promise<void> {
  await sql`insert into public_holidays (day, area, name) values (${day}, ${area}, ${name}) on conflict do nothing`.execute(db);
}
