/**
 * The practice's day and week views (SPEC J1, docs/api-practice.md « Agenda »), read in ONE query: places, reasons,
 * weekly rules, absences, replacements, holidays, and the period's appointments and live holds (holds without any
 * patient data). The domain (domain/agenda-view.ts) turns them into opening intervals and free slots.
 */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { executePrepared } from '../../platform/db/prepared.ts';
import { translate, type Language } from '../../platform/i18n/catalogue.ts';
import { addDays, daysBetween, firstInstantAt, localDateAt, type LocalDate, type Occupancy } from '../availability/index.ts';
import { holidayAreaOf } from '../reference/index.ts';
import { buildAgendaDays, listAgendaSlots, type AgendaDay, type AgendaSlot } from './domain/agenda-view.ts';
import { periodFields } from './domain/periods.ts';
import { AgendaDateTooFar } from './errors.ts';
import { toPlacedRule } from './outside-hours.ts';
import { patientNameSql } from './patient-names.ts';
import type { AbsenceView, ReplacementView } from './settings-views.ts';

export type AgendaStatus = 'booked' | 'no_show' | 'done' | 'cancelled';

export interface AgendaAppointment {
  id: string;
  start: string;
  end: string;
  status: AgendaStatus;
  source: 'online' | 'practice';
  placeId: string;
  reason: { id: string; label: string };
  patient: { name: string } | null;
  replacement: boolean;
  cancelledBy: 'patient' | 'practice' | null;
}

export interface AgendaHold {
  start: string;
  end: string;
  placeId: string;
  expiresAt: string;
  label: string;
}

export interface Agenda {
  practitionerId: string;
  from: LocalDate;
  days: number;
  timeZone: 'Europe/Paris';
  calendar: AgendaDay[];
  appointments: AgendaAppointment[];
  holds: AgendaHold[];
  freeSlots: AgendaSlot[];
  absences: AbsenceView[];
  replacements: ReplacementView[];
}

/** How far from today the agenda may be read, either way. */
const MAX_DAYS_AWAY = 366;

type Epoch = number;

interface AgendaRow {
  /** [id, departement] */
  places: [string, string][] | null;
  /** [id, duration, capacity, video] */
  reasons: [string, number, number, boolean][] | null;
  rules: [string, string[], number, string, string, LocalDate | null, LocalDate | null][] | null;
  /** [id, start, end] */
  absences: [string, Epoch, Epoch][] | null;
  /** [id, first name, last name, start, end] */
  replacements: [string, string, string, Epoch, Epoch][] | null;
  /** [area, day, name] */
  holidays: [string, LocalDate, string][] | null;
  /** [id, status, source, place, reason, reason label, start, end, hold expiry, patient name, cancelled by] */
  rows: [string, string, 'online' | 'practice', string, string, string, Epoch, Epoch, Epoch | null, string | null, 'patient' | 'practice' | null][] | null;
}

/** The agenda of `days` Paris dates from `from`, in the practice's language. */
export async function readAgenda(
  db: Db, practitionerId: string, request: { from?: LocalDate; days: number }, lang: Language, now: Date,
): Promise<Agenda> {
  const today = localDateAt(now.getTime());
  const firstDate = request.from ?? today;
  if (Math.abs(daysBetween(today, firstDate)) > MAX_DAYS_AWAY) throw new AgendaDateTooFar();
  const lastDate = addDays(firstDate, request.days - 1);
  const from = new Date(firstInstantAt(firstDate, 0));
  const to = new Date(firstInstantAt(addDays(lastDate, 1), 0));
  const [row] = await executePrepared(db, agendaSql(practitionerId, { firstDate, lastDate, from, to }, lang, now));
  return toAgenda(practitionerId, firstDate, request.days, row!, lang, now);
}

/** The one statement of the agenda. */
function agendaSql(practitionerId: string, period: { firstDate: LocalDate; lastDate: LocalDate; from: Date; to: Date }, lang: Language, now: Date) {
  const label = sql.ref(lang === 'en' ? 'r.name_en' : 'r.name_fr');
  const epoch = (column: string) => sql`date_part('epoch', ${sql.ref(column)})`;
  return sql<AgendaRow>`
    select
      (select json_agg(json_build_array(pl.id::text, c.departement) order by pl.id)
         from places pl join communes c on c.code = pl.commune_code where pl.practitioner_id = ${practitionerId}) as places,
      (select json_agg(json_build_array(r.id::text, r.duration_minutes, r.capacity, r.video) order by r.position, r.id)
         from visit_reasons r where r.practitioner_id = ${practitionerId}) as reasons,
      (select json_agg(json_build_array(o.place_id::text, o.reason_ids::text[], o.weekday, o.start_time::text,
                                        o.end_time::text, o.valid_from, o.valid_until))
         from opening_rules o
        where o.practitioner_id = ${practitionerId}
          and (o.valid_from is null or o.valid_from <= ${period.lastDate}::date)
          and (o.valid_until is null or o.valid_until >= ${period.firstDate}::date)) as rules,
      (select json_agg(json_build_array(x.id::text, ${epoch('x.starts_at')}, ${epoch('x.ends_at')}) order by x.starts_at)
         from absences x
        where x.practitioner_id = ${practitionerId} and x.starts_at < ${period.to} and x.ends_at > ${period.from}) as absences,
      (select json_agg(json_build_array(x.id::text, x.replacement_first_name, x.replacement_last_name,
                                        ${epoch('x.starts_at')}, ${epoch('x.ends_at')}) order by x.starts_at)
         from replacements x
        where x.practitioner_id = ${practitionerId} and x.starts_at < ${period.to} and x.ends_at > ${period.from}) as replacements,
      (select json_agg(json_build_array(h.area, h.day, h.name))
         from public_holidays h where h.day between ${period.firstDate}::date and ${period.lastDate}::date) as holidays,
      -- The lower bound on starts_at lets the index read only the period (appointments last a day at most).
      (select json_agg(json_build_array(a.id, a.status, a.source, a.place_id::text, a.reason_id::text, ${label},
                                        ${epoch('a.starts_at')}, ${epoch('a.ends_at')}, ${epoch('a.hold_expires_at')},
                                        case when a.status = 'held' then null else ${patientNameSql} end, a.cancelled_by)
                       order by a.starts_at, a.id)
         from appointments a
         join visit_reasons r on r.id = a.reason_id
        where a.practitioner_id = ${practitionerId}
          and a.starts_at < ${period.to} and a.starts_at > ${period.from}::timestamptz - interval '1 day'
          and a.ends_at > ${period.from}
          and (a.status in ('booked', 'no_show', 'done')
               or (a.status = 'cancelled' and a.replaced_by is null)
               or (a.status = 'held' and a.hold_expires_at > ${now}))) as rows`;
}

/** The contract's agenda from the row read. */
function toAgenda(practitionerId: string, firstDate: LocalDate, days: number, row: AgendaRow, lang: Language, now: Date): Agenda {
  const instant = (epoch: Epoch) => new Date(epoch * 1000);
  const replacements = (row.replacements ?? []).map(([id, firstName, lastName, start, end]) => ({
    id, firstName, lastName, ...periodFields(instant(start), instant(end)),
  }));
  const rows = row.rows ?? [];
  const occupancies: Occupancy[] = rows
    .filter(([, status]) => status === 'booked' || status === 'held')
    .map(([, , , placeId, reasonId, , start, end, holdExpiresAt]) => ({
      placeId, reasonId, start: instant(start), end: instant(end), holdExpiresAt: holdExpiresAt === null ? null : instant(holdExpiresAt),
    }));
  const terms = {
    firstDate, days, now,
    places: (row.places ?? []).map(([id, departement]) => ({ id, holidayArea: holidayAreaOf(departement) })),
    reasons: (row.reasons ?? []).map(([id, durationMinutes, capacity, video]) => ({ id, durationMinutes, capacity, video })),
    rules: (row.rules ?? []).map(toPlacedRule),
    absences: (row.absences ?? []).map(([, start, end]) => ({ start: instant(start), end: instant(end) })),
    replacements: replacements.map((replacement) => ({ start: new Date(replacement.start), end: new Date(replacement.end) })),
    holidays: holidayNames(row.holidays ?? []),
    occupancies,
  };
  const byReplacement = (start: Epoch, end: Epoch) =>
    terms.replacements.some((replacement) => replacement.start.getTime() < end * 1000 && start * 1000 < replacement.end.getTime());
  const holdLabel = translate(lang, 'practice.agenda.hold_label');
  return {
    practitionerId,
    from: firstDate,
    days,
    timeZone: 'Europe/Paris',
    calendar: buildAgendaDays(terms),
    appointments: rows.filter(([, status]) => status !== 'held').map(([id, status, source, placeId, reasonId, reasonLabel, start, end, , name, cancelledBy]) => ({
      id, status: status as AgendaStatus, source, placeId, reason: { id: reasonId, label: reasonLabel },
      start: instant(start).toISOString(), end: instant(end).toISOString(),
      patient: name ? { name } : null, replacement: byReplacement(start, end), cancelledBy,
    })),
    holds: rows.filter(([, status]) => status === 'held').map(([, , , placeId, , , start, end, expiresAt]) => ({
      start: instant(start).toISOString(), end: instant(end).toISOString(), placeId, expiresAt: instant(expiresAt!).toISOString(), label: holdLabel,
    })),
    freeSlots: listAgendaSlots(terms),
    absences: (row.absences ?? []).map(([id, start, end]) => ({ id, ...periodFields(instant(start), instant(end)) })),
    replacements,
  };
}

/** Holiday names by area, then by day. */
function holidayNames(rows: readonly [string, LocalDate, string][]): Map<string, Map<LocalDate, string>> {
  const byArea = new Map<string, Map<LocalDate, string>>();
  for (const [area, day, name] of rows) {
    if (!byArea.has(area)) byArea.set(area, new Map());
    byArea.get(area)!.set(day, name);
  }
  return byArea;
}
