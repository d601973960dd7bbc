/**
 * What the availability computation reads, for many practitioners at once: one query per table,
 * whatever the number of practitioners (the search page asks for ten at a time).
 */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { InstantRange, Occupancy, OpeningRule } from './domain/free-slots.ts';
import type { LocalDate } from './domain/zoned-time.ts';

/** A practitioner, one of its places and one of its reasons, as the caller names them. */
export interface AgendaKey {
  practitionerId: string;
  placeId: string;
  reasonId: string;
}

/** What exists of an agenda key: null columns when the row is missing or belongs to someone else. */
export interface BookingTargetRow {
  practitionerId: string | null;
  onlineBooking: boolean | null;
  placeId: string | null;
  departement: string | null;
  reasonId: string | null;
  onlineBookable: boolean | null;
  durationMinutes: number | null;
  capacity: number | null;
  video: boolean | null;
}

/** Appointments last at most a working day (reasons: 480 minutes), so older starts need not be read. */
const LONGEST_APPOINTMENT = '1 day';

/** Column arrays for `unnest`, so a list of keys travels as three parameters. */
function keyColumns(keys: readonly AgendaKey[]) {
  return {
    practitioners: keys.map((key) => key.practitionerId),
    places: keys.map((key) => key.placeId),
    reasons: keys.map((key) => key.reasonId),
  };
}

/** For each key, in order: the practitioner, the place and the reason as far as they exist and belong together. */
export async function loadBookingTargets(db: Db, keys: readonly AgendaKey[]): Promise<BookingTargetRow[]> {
  const { practitioners, places, reasons } = keyColumns(keys);
  const { rows } = await sql<BookingTargetRow>`
    select p.id::text as "practitionerId", p.online_booking as "onlineBooking",
           pl.id::text as "placeId", c.departement,
           r.id::text as "reasonId", r.online_bookable as "onlineBookable", r.duration_minutes as "durationMinutes",
           r.capacity, r.video
      from unnest(${practitioners}::bigint[], ${places}::bigint[], ${reasons}::bigint[]) with ordinality
           as k(practitioner_id, place_id, reason_id, position)
      left join practitioners p on p.id = k.practitioner_id
      left join places pl on pl.id = k.place_id and pl.practitioner_id = p.id
      left join communes c on c.code = pl.commune_code
      left join visit_reasons r on r.id = k.reason_id and r.practitioner_id = p.id
     order by k.position`.execute(db);
  return rows;
}

/** For each key, in order: the weekly rules of its place that offer its reason and apply somewhere in [first, last]. */
export async function loadOpeningRules(db: Db, keys: readonly AgendaKey[], first: LocalDate, last: LocalDate): Promise<OpeningRule[][]> {
  const { practitioners, places, reasons } = keyColumns(keys);
  const { rows } = await sql<OpeningRule & { position: string }>`
    select k.position::text as position, o.weekday, o.start_time::text as "startTime", o.end_time::text as "endTime",
           o.valid_from as "validFrom", o.valid_until as "validUntil"
      from unnest(${practitioners}::bigint[], ${places}::bigint[], ${reasons}::bigint[]) with ordinality
           as k(practitioner_id, place_id, reason_id, position)
      join opening_rules o on o.practitioner_id = k.practitioner_id and o.place_id = k.place_id
                          and o.reason_ids @> array[k.reason_id]
     where (o.valid_from is null or o.valid_from <= ${last}::date)
       and (o.valid_until is null or o.valid_until >= ${first}::date)`.execute(db);
  const rules: OpeningRule[][] = keys.map(() => []);
  for (const { position, ...rule } of rows) rules[Number(position) - 1]!.push(rule);
  return rules;
}

/** Absences of the practitioners overlapping [from, to), per practitioner. */
export async function loadAbsences(db: Db, practitionerIds: readonly string[], from: Date, to: Date): Promise<Map<string, InstantRange[]>> {
  const { rows } = await sql<InstantRange & { practitionerId: string }>`
    select practitioner_id::text as "practitionerId", starts_at as start, ends_at as "end"
      from absences
     where practitioner_id = any(${practitionerIds}::bigint[]) and starts_at < ${to} and ends_at > ${from}`.execute(db);
  return groupByPractitioner(rows);
}

/** Replacement periods of the practitioners overlapping [from, to), per practitioner. */
export async function loadReplacements(db: Db, practitionerIds: readonly string[], from: Date, to: Date): Promise<Map<string, InstantRange[]>> {
  const { rows } = await sql<InstantRange & { practitionerId: string }>`
    select practitioner_id::text as "practitionerId", starts_at as start, ends_at as "end"
      from replacements
     where practitioner_id = any(${practitionerIds}::bigint[]) and starts_at < ${to} and ends_at > ${from}`.execute(db);
  return groupByPractitioner(rows);
}

/** Booked appointments and holds (expired ones included: the domain decides) overlapping [from, to), per practitioner. */
export async function loadOccupancies(db: Db, practitionerIds: readonly string[], from: Date, to: Date): Promise<Map<string, Occupancy[]>> {
  // The lower bound on starts_at lets the index appointments_practitioner_time read only the window, not the history.
  // Instants travel as epoch milliseconds: a busy page reads thousands, and parsing timestamp text costs more than the query.
  const { rows } = await sql<{ practitionerId: string; placeId: string; reasonId: string; start: number; end: number; holdExpiresAt: number | null }>`
    select practitioner_id::text as "practitionerId", place_id::text as "placeId", reason_id::text as "reasonId",
           (extract(epoch from starts_at) * 1000)::float8 as start, (extract(epoch from ends_at) * 1000)::float8 as "end",
           (extract(epoch from hold_expires_at) * 1000)::float8 as "holdExpiresAt"
      from appointments
     where practitioner_id = any(${practitionerIds}::bigint[])
       and status in ('held', 'booked')
       and starts_at < ${to} and starts_at > ${from}::timestamptz - ${LONGEST_APPOINTMENT}::interval
       and ends_at > ${from}`.execute(db);
  return groupByPractitioner(rows.map((row) => ({
    ...row,
    start: new Date(row.start),
    end: new Date(row.end),
    holdExpiresAt: row.holdExpiresAt === null ? null : new Date(row.holdExpiresAt),
  })));
}

/** Public holidays of each area within [first, last], per area. */
export async function loadHolidays(db: Db, areas: readonly string[], first: LocalDate, last: LocalDate): Promise<Map<string, LocalDate[]>> {
  const { rows } = await sql<{ area: string; day: LocalDate }>`
    select area, day from public_holidays
     where area = any(${areas}::text[]) and day between ${first}::date and ${last}::date`.execute(db);
  const byArea = new Map<string, LocalDate[]>();
  for (const { area, day } of rows) byArea.set(area, [...(byArea.get(area) ?? []), day]);
  return byArea;
}

/** Rows grouped by their practitioner, the practitioner id stripped. */
function groupByPractitioner<T extends { practitionerId: string }>(rows: readonly T[]): Map<string, Omit<T, 'practitionerId'>[]> {
  const groups = new Map<string, Omit<T, 'practitionerId'>[]>();
  for (const { practitionerId, ...rest } of rows) {
    const group = groups.get(practitionerId);
    if (group) group.push(rest);
    else groups.set(practitionerId, [rest]);
  }
  return groups;
}
