/**
 * « Rendez-vous hors horaires » (issue 6): the upcoming booked appointments that the hours, reasons and absences in
 * force no longer cover, read in ONE query (appointments, rules, absences, holidays) and judged by the domain.
 * Answered after every settings change, inside its transaction, and by GET …/appointments/outside-hours.
 */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { Language } from '../../platform/i18n/catalogue.ts';
import { localDateAt, type LocalDate } from '../availability/index.ts';
import { holidayAreaOf } from '../reference/index.ts';
import { listOutsideHours, type OutsideWhy, type PlacedRule } from './domain/outside-hours.ts';
import { patientNameSql } from './patient-names.ts';

export interface OutsideHoursView {
  id: string;
  start: string;
  end: string;
  placeId: string;
  reason: { id: string; label: string };
  patient: { name: string } | null;
  why: OutsideWhy;
}

interface OutsideHoursRow {
  /** [id, place id, departement, reason id, reason label, patient name, start, end] (epoch seconds) */
  booked: [string, string, string, string, string, string | null, number, number][] | null;
  /** [place id, reason ids, weekday, start, end, valid from, valid until] */
  rules: [string, string[], number, string, string, LocalDate | null, LocalDate | null][] | null;
  absences: [number, number][] | null;
  holidays: [string, LocalDate][] | null;
}

/** The practitioner's upcoming booked appointments outside the hours in force, soonest first. */
export async function findOutsideHours(db: Db, practitionerId: string, lang: Language, now: Date): Promise<OutsideHoursView[]> {
  const label = sql.ref(lang === 'en' ? 'r.name_en' : 'r.name_fr');
  const { rows: [row] } = await sql<OutsideHoursRow>`
    select
      (select json_agg(json_build_array(a.id, a.place_id::text, c.departement, a.reason_id::text, ${label},
                                        ${patientNameSql}, date_part('epoch', a.starts_at), date_part('epoch', a.ends_at))
                       order by a.starts_at, a.id)
         from appointments a
         join places pl on pl.id = a.place_id
         join communes c on c.code = pl.commune_code
         join visit_reasons r on r.id = a.reason_id
        where a.practitioner_id = ${practitionerId} and a.status = 'booked' and a.starts_at > ${now}) as booked,
      (select json_agg(json_build_array(o.place_id::text, o.reason_ids::text[], o.weekday, o.start_time::text,
                                        o.end_time::text, o.valid_from, o.valid_until))
         from opening_rules o where o.practitioner_id = ${practitionerId}) as rules,
      (select json_agg(json_build_array(date_part('epoch', x.starts_at), date_part('epoch', x.ends_at)))
         from absences x where x.practitioner_id = ${practitionerId} and x.ends_at > ${now}) as absences,
      (select json_agg(json_build_array(h.area, h.day)) from public_holidays h where h.day >= ${localDateAt(now.getTime())}::date) as holidays`
    .execute(db);
  const booked = (row?.booked ?? []).map(([id, placeId, departement, reasonId, reasonLabel, patientName, start, end]) => ({
    id, placeId, reasonId, reasonLabel, patientName, holidayArea: holidayAreaOf(departement),
    start: new Date(start * 1000), end: new Date(end * 1000),
  }));
  const outside = listOutsideHours(booked, {
    rules: (row?.rules ?? []).map(toPlacedRule),
    absences: (row?.absences ?? []).map(([start, end]) => ({ start: new Date(start * 1000), end: new Date(end * 1000) })),
    holidays: holidaySets(row?.holidays ?? []),
  });
  return outside.map(({ appointment, why }) => ({
    id: appointment.id,
    start: appointment.start.toISOString(),
    end: appointment.end.toISOString(),
    placeId: appointment.placeId,
    reason: { id: appointment.reasonId, label: appointment.reasonLabel },
    patient: appointment.patientName ? { name: appointment.patientName } : null,
    why,
  }));
}

/** A rule read as JSON, as the domain wants it. */
export function toPlacedRule([placeId, reasonIds, weekday, startTime, endTime, validFrom, validUntil]:
  [string, string[], number, string, string, LocalDate | null, LocalDate | null]): PlacedRule {
  return { placeId, reasonIds, weekday, startTime, endTime, validFrom, validUntil };
}

/** Holiday dates by area. */
function holidaySets(pairs: readonly [string, LocalDate][]): Map<string, Set<LocalDate>> {
  const byArea = new Map<string, Set<LocalDate>>();
  for (const [area, day] of pairs) {
    if (!byArea.has(area)) byArea.set(area, new Set());
    byArea.get(area)!.add(day);
  }
  return byArea;
}
