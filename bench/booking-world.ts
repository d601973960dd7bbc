/**
 * The world of the booking bench (bench/booking.ts): practitioners whose agendas open a limited number of 10-minute
 * slots over two weeks (a vaccination rush: about as many places as patients), and patients already signed in
 * (accounts, holder identity and sessions written directly: signing in is not what the bench measures).
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../src/platform/db/database.ts';
import type { OpeningRulesTable } from '../src/platform/db/schema.ts';
import { insertReferenceRows, NANTES } from '../src/features/availability/agenda-fixtures.ts';
import { addDays, isoWeekday, localDateAt, type LocalDate } from '../src/features/availability/index.ts';
import { createSessionToken, SESSION_COOKIE } from '../src/features/accounts/sessions.ts';

export interface BenchAgenda {
  practitionerId: string;
  placeId: string;
  reasonId: string;
  capacity: number;
}

export interface RushWorld {
  agendas: BenchAgenda[];
  /** Slots per practitioner and per open day, and the open days (Monday to Friday of two weeks). */
  slotsPerDay: number;
  days: LocalDate[];
  /** Places offered (slots × capacity): what the patients compete for. */
  places: number;
}

/** Minutes of one slot. */
export const SLOT_MINUTES = 10;
/** Every fifth agenda is a vaccination line taking this many patients per slot (C7); the others one. */
export const GROUP_CAPACITY = 3;
const OPEN_DAYS = 10;
const FIRST_SLOT = '09:00';

let rppsCounter = 0;

/**
 * `count` agendas sharing `slotsPerDay` slots a day from 09:00, Monday to Friday of the two weeks after `today`,
 * sized so that the places offered are about `places` (rounded up to whole slots).
 */
export async function createRushAgendas(db: Db, count: number, places: number, today: LocalDate): Promise<RushWorld> {
  await insertReferenceRows(db);
  const capacities = Array.from({ length: count }, (_, i) => (i % 5 === 4 ? GROUP_CAPACITY : 1));
  const placesPerSlotRow = capacities.reduce((sum, c) => sum + c, 0);
  const slotsPerDay = Math.max(1, Math.ceil(places / (OPEN_DAYS * placesPerSlotRow)));
  const monday = nextMonday(today);
  const days = [0, 1, 2, 3, 4, 7, 8, 9, 10, 11].map((offset) => addDays(monday, offset));
  const endTime = minutesToTime(timeToMinutes(FIRST_SLOT) + slotsPerDay * SLOT_MINUTES);
  const agendas: BenchAgenda[] = [];
  for (const capacity of capacities) agendas.push(await insertRushAgenda(db, capacity, { from: days[0]!, until: days.at(-1)!, endTime }));
  return { agendas, slotsPerDay, days, places: slotsPerDay * OPEN_DAYS * placesPerSlotRow };
}

/** Practitioners for the direct-SQL ceiling: a place and a reason, no opening rules (the ceiling checks no calendar). */
export async function createCeilingAgendas(db: Db, count: number): Promise<BenchAgenda[]> {
  const agendas: BenchAgenda[] = [];
  for (let i = 0; i < count; i++) agendas.push(await insertRushAgenda(db, 1, null));
  return agendas;
}

async function insertRushAgenda(db: Db, capacity: number, open: { from: LocalDate; until: LocalDate; endTime: string } | null): Promise<BenchAgenda> {
  const n = ++rppsCounter;
  const practitioner = await db.insertInto('practitioners').values({
    rpps: String(90_000_000_000 + n), civility: 'MME', title: 'DR', first_name: 'Centre', last_name: `Vaccination ${n}`,
    profession_code: '10', specialty_code: 'SM54', sector: '1', online_booking: true, phone: '+33240000000',
  }).returning('id').executeTakeFirstOrThrow();
  const place = await db.insertInto('places').values({
    practitioner_id: practitioner.id, name: `Centre de vaccination ${n}`, address: '3 rue de la Paix', postal_code: '44000',
    commune_code: NANTES, latitude: 47.2, longitude: -1.55,
  }).returning('id').executeTakeFirstOrThrow();
  const reason = await db.insertInto('visit_reasons').values({
    practitioner_id: practitioner.id, name_fr: 'Vaccination', name_en: 'Vaccination', duration_minutes: SLOT_MINUTES,
    price_cents: 0, capacity,
  }).returning('id').executeTakeFirstOrThrow();
  if (open) {
    await db.insertInto('opening_rules').values([1, 2, 3, 4, 5].map((weekday) => ({
      practitioner_id: practitioner.id, place_id: place.id, weekday, start_time: FIRST_SLOT, end_time: open.endTime,
      reason_ids: sql<OpeningRulesTable['reason_ids']>`array[${reason.id}]::bigint[]`, valid_from: open.from, valid_until: open.until,
    }))).execute();
  }
  return { practitionerId: practitioner.id, placeId: place.id, reasonId: reason.id, capacity };
}

export interface SignedInPatient {
  accountId: string;
  patientId: string;
  /** Request headers of this patient's browser: session and CSRF cookies, CSRF header, JSON body. */
  headers: Record<string, string>;
}

/**
 * `count` accounts with a filled holder identity, each with a browser session started `signedInAgoMs` ago (so the
 * first request of each patient slides its idle expiry, as after a real sign-in). The password hash is a placeholder:
 * nobody logs in with it.
 */
export async function createSignedInPatients(
  db: Db, count: number, csrf: { cookie: string; token: string }, now: Date, signedInAgoMs: number,
): Promise<SignedInPatient[]> {
  const ids: { accountId: string; patientId: string }[] = [];
  for (let from = 0; from < count; from += 1000) {
    const size = Math.min(1000, count - from);
    const accounts = await db.insertInto('accounts').values(Array.from({ length: size }, (_, i) => ({
      email: `patient-${from + i}-${randomUUID().slice(0, 8)}@bench.example.fr`, phone: '+33612345678', phone_kind: 'mobile' as const,
      phone_verified_at: now, password_hash: '$argon2id$v=19$m=19456,t=2,p=1$YmVuY2g$placeholder', terms_accepted_at: now, privacy_accepted_at: now,
    }))).returning('id').execute();
    const patients = await db.insertInto('patients').values(accounts.map(({ id }) => ({
      account_id: id, is_holder: true, civility: 'mme' as const, first_name: 'Camille', last_name: 'Martin', birth_date: '1990-04-12',
    }))).returning(['id', 'account_id']).execute();
    ids.push(...patients.map((p) => ({ accountId: p.account_id!, patientId: p.id })));
  }
  const signedInAt = new Date(now.getTime() - signedInAgoMs);
  const patients: SignedInPatient[] = [];
  for (let from = 0; from < ids.length; from += 50) {
    patients.push(...await Promise.all(ids.slice(from, from + 50).map(async (id) => {
      const token = await createSessionToken(db, { accountId: id.accountId, remembered: false, now: signedInAt });
      return {
        ...id,
        headers: { cookie: `${SESSION_COOKIE}=${token}; ${csrf.cookie}`, 'x-csrf-token': csrf.token, 'content-type': 'application/json' },
      };
    })));
  }
  return patients;
}

/** Overlapping live bookings of one practitioner (C8), and group slots over their capacity (C7): both must be 0. */
export async function countInvariantBreaches(db: Db): Promise<{ overlaps: number; overCapacity: number }> {
  const overlaps = await sql<{ n: string }>`
    select count(*) as n
      from appointments a
      join appointments b on b.practitioner_id = a.practitioner_id and b.id > a.id and b.slot_group <> a.slot_group
                         and tstzrange(b.starts_at, b.ends_at) && tstzrange(a.starts_at, a.ends_at)
     where a.status in ('held', 'booked') and b.status in ('held', 'booked')`.execute(db);
  const overCapacity = await sql<{ n: string }>`
    select count(*) as n from (
      select a.practitioner_id, a.slot_group
        from appointments a join visit_reasons r on r.id = a.reason_id
       where a.status in ('held', 'booked')
       group by a.practitioner_id, a.slot_group
      having count(*) > max(r.capacity) or count(distinct (a.starts_at, a.ends_at)) > 1
    ) g`.execute(db);
  return { overlaps: Number(overlaps.rows[0]!.n), overCapacity: Number(overCapacity.rows[0]!.n) };
}

/** The first Monday strictly after `today` (Paris dates). */
function nextMonday(today: LocalDate): LocalDate {
  const weekday = isoWeekday(today);
  return addDays(today, 8 - weekday);
}

function timeToMinutes(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return h! * 60 + m!;
}

function minutesToTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Today's Paris date. */
export function parisToday(now: Date): LocalDate {
  return localDateAt(now.getTime());
}
