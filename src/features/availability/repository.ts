/**
 * What the availability computation reads, for many agendas at once and in ONE round trip: each agenda's
 * practitioner, place and reason, its opening rules, absences, replacements and live appointments, and the
 * holidays of the period, aggregated as JSON per agenda. One prepared statement per request keeps the
 * database's planning and the network's system calls (costly on small machines) to a minimum.
 */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { executePrepared } from '../../platform/db/prepared.ts';
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
  /** The practitioner's switch and the place's own (B7): either off hides the agenda from patients. */
  onlineBooking: boolean | null;
  placeId: string | null;
  departement: string | null;
  reasonId: string | null;
  onlineBookable: boolean | null;
  durationMinutes: number | null;
  capacity: number | null;
  video: boolean | null;
}

/** Everything one agenda's free slots depend on over a period. */
export interface AgendaInputs {
  target: BookingTargetRow;
  rules: OpeningRule[];
  absences: InstantRange[];
  replacements: InstantRange[];
  occupancies: Occupancy[];
  /** Public holidays of every area within the period, by area. */
  holidays: Map<string, LocalDate[]>;
}

/** The period read: Paris dates for rules and holidays, instants for everything timed. */
export interface AgendaPeriod {
  firstDate: LocalDate;
  lastDate: LocalDate;
  from: Date;
  to: Date;
}

/** Appointments last at most a working day (reasons: 480 minutes), so older starts need not be read. */
const LONGEST_APPOINTMENT = '1 day';

interface AgendaRow extends BookingTargetRow {
  /** [weekday, start, end, validFrom, validUntil] */
  rules: [number, string, string, LocalDate | null, LocalDate | null][];
  /** [start, end] in epoch seconds */
  absences: [number, number][];
  replacements: [number, number][];
  /** [place id, reason id, start, end, hold expiry | null], instants in epoch seconds */
  occupancies: [string, string, number, number, number | null][];
  /** [area, day] */
  holidays: [string, LocalDate][] | null;
}

/**
 * For each key, in order, the agenda's target rows and its inputs over the period. Instants travel as epoch
 * seconds inside JSON (float8 `date_part`, cheaper than numeric `extract`): a busy page reads thousands, and
 * parsing timestamp text costs more than the query.
 */
export async function loadAgendas(
  db: Db, keys: readonly AgendaKey[], period: AgendaPeriod, { occupancies: withOccupancies = true }: { occupancies?: boolean } = {},
): Promise<AgendaInputs[]> {
  if (!keys.length) return [];
  // Without occupancies (a hold checking its slot on the grid) the statement skips reading the period's appointments.
  const occupied = withOccupancies ? occupanciesJson(period) : sql`'[]'::json`;
  const rows = await executePrepared(db, sql<AgendaRow>`
    select p.id::text as "practitionerId", p.online_booking and pl.online_booking as "onlineBooking",
           pl.id::text as "placeId", c.departement,
           r.id::text as "reasonId", r.online_bookable as "onlineBookable", r.duration_minutes as "durationMinutes",
           r.capacity, r.video,
           coalesce((select json_agg(json_build_array(o.weekday, o.start_time::text, o.end_time::text, o.valid_from, o.valid_until))
                       from opening_rules o
                      where o.practitioner_id = p.id and o.place_id = pl.id and o.reason_ids @> array[r.id]
                        and (o.valid_from is null or o.valid_from <= ${period.lastDate}::date)
                        and (o.valid_until is null or o.valid_until >= ${period.firstDate}::date)), '[]') as rules,
           coalesce((select json_agg(json_build_array(date_part('epoch', a.starts_at), date_part('epoch', a.ends_at)))
                       from absences a
                      where a.practitioner_id = p.id and a.starts_at < ${period.to} and a.ends_at > ${period.from}), '[]') as absences,
           coalesce((select json_agg(json_build_array(date_part('epoch', x.starts_at), date_part('epoch', x.ends_at)))
                       from replacements x
                      where x.practitioner_id = p.id and x.starts_at < ${period.to} and x.ends_at > ${period.from}), '[]') as replacements,
           ${occupied} as occupancies,
           (select json_agg(json_build_array(h.area, h.day))
              from public_holidays h
             where h.day between ${period.firstDate}::date and ${period.lastDate}::date) as holidays
      from ${agendaKeys(keys)}
      left join practitioners p on p.id = k.practitioner_id
      left join places pl on pl.id = k.place_id and pl.practitioner_id = p.id
      left join communes c on c.code = pl.commune_code
      left join visit_reasons r on r.id = k.reason_id and r.practitioner_id = p.id
     order by k.position`);
  const holidays = holidaysByArea(rows[0]?.holidays ?? null);
  return rows.map(({ rules, absences, replacements, occupancies, holidays: _, ...target }) => ({
    target,
    rules: rules.map(([weekday, startTime, endTime, validFrom, validUntil]) => ({ weekday, startTime, endTime, validFrom, validUntil })),
    absences: absences.map(toRange),
    replacements: replacements.map(toRange),
    occupancies: occupancies.map(([placeId, reasonId, start, end, holdExpiresAt]) => ({
      placeId, reasonId, start: new Date(start * 1000), end: new Date(end * 1000),
      holdExpiresAt: holdExpiresAt === null ? null : new Date(holdExpiresAt * 1000),
    })),
    holidays,
  }));
}

/** SQL: the live appointments of the agenda's practitioner over the period, as JSON arrays (see AgendaRow). */
function occupanciesJson(period: AgendaPeriod) {
  // The lower bound on starts_at lets the index appointments_practitioner_time read only the period.
  return sql`coalesce((select json_agg(json_build_array(ap.place_id::text, ap.reason_id::text,
                                                   date_part('epoch', ap.starts_at), date_part('epoch', ap.ends_at),
                                                   date_part('epoch', ap.hold_expires_at)))
                    from appointments ap
                   where ap.practitioner_id = p.id and ap.status in ('held', 'booked')
                     and ap.starts_at < ${period.to}
                     and ap.starts_at > ${period.from}::timestamptz - ${LONGEST_APPOINTMENT}::interval
                     and ap.ends_at > ${period.from}), '[]')`;
}

/**
 * The keys as rows, in order. One key is given as such: PostgreSQL then settles on a generic plan for the statement,
 * where with arrays it plans it again at every call (~1 ms: a hold's day, a practitioner's calendar).
 */
function agendaKeys(keys: readonly AgendaKey[]) {
  const [only] = keys;
  if (keys.length === 1 && only) {
    return sql`(select ${only.practitionerId}::bigint, ${only.placeId}::bigint, ${only.reasonId}::bigint, 1::bigint)
                 as k(practitioner_id, place_id, reason_id, position)`;
  }
  return sql`unnest(${keys.map((k) => k.practitionerId)}::bigint[], ${keys.map((k) => k.placeId)}::bigint[],
                    ${keys.map((k) => k.reasonId)}::bigint[]) with ordinality as k(practitioner_id, place_id, reason_id, position)`;
}

/** A range read as epoch seconds. */
function toRange([start, end]: [number, number]): InstantRange {
  return { start: new Date(start * 1000), end: new Date(end * 1000) };
}

/** The period's holidays grouped by area. */
function holidaysByArea(pairs: [string, LocalDate][] | null): Map<string, LocalDate[]> {
  const byArea = new Map<string, LocalDate[]>();
  for (const [area, day] of pairs ?? []) {
    const days = byArea.get(area);
    if (days) days.push(day);
    else byArea.set(area, [day]);
  }
  return byArea;
}
