/**
 * Which booked appointments a change of hours, reasons or absences leaves outside the opening hours (issue 6: such a
 * change never cancels anything; the practice handles the list). An appointment is outside when a public holiday of
 * its place's area or an absence touches it, or when no opening window of its place for its reason contains it.
 */
import {
  addDays, localDateAt, normalize, openingWindowsOn, PARIS, type InstantRange, type LocalDate, type OpeningRule,
} from '../../availability/index.ts';

/** A weekly rule with where and for what it opens. */
export interface PlacedRule extends OpeningRule {
  placeId: string;
  reasonIds: readonly string[];
}

export interface BookedTime {
  id: string;
  start: Date;
  end: Date;
  placeId: string;
  reasonId: string;
  /** The public-holiday area of the appointment's place. */
  holidayArea: string;
}

export interface HoursInForce {
  rules: readonly PlacedRule[];
  absences: readonly InstantRange[];
  /** Holiday dates by area. */
  holidays: ReadonlyMap<string, ReadonlySet<LocalDate>>;
}

export type OutsideWhy = 'holiday' | 'absence' | 'closed';

/** The appointments outside the hours in force, each with why, in the given order. */
export function listOutsideHours<T extends BookedTime>(booked: readonly T[], hours: HoursInForce): { appointment: T; why: OutsideWhy }[] {
  const rulesByAgenda = new Map<string, PlacedRule[]>();
  const rulesOf = (placeId: string, reasonId: string) => {
    const key = `${placeId}:${reasonId}`;
    let rules = rulesByAgenda.get(key);
    if (!rules) {
      rules = hours.rules.filter((rule) => rule.placeId === placeId && rule.reasonIds.includes(reasonId));
      rulesByAgenda.set(key, rules);
    }
    return rules;
  };
  return booked.flatMap((appointment) => {
    const why = whyOutsideHours(appointment, hours, rulesOf(appointment.placeId, appointment.reasonId));
    return why === null ? [] : [{ appointment, why }];
  });
}

/** Why one appointment is outside the hours (holiday first, then absence, then closed), or null when inside. */
export function whyOutsideHours(appointment: BookedTime, hours: HoursInForce, agendaRules: readonly PlacedRule[]): OutsideWhy | null {
  const dates = datesTouched(appointment);
  const holidays = hours.holidays.get(appointment.holidayArea);
  if (holidays && dates.some((date) => holidays.has(date))) return 'holiday';
  const [start, end] = [appointment.start.getTime(), appointment.end.getTime()];
  if (hours.absences.some((absence) => absence.start.getTime() < end && start < absence.end.getTime())) return 'absence';
  const windows = normalize(dates.flatMap((date) => openingWindowsOn(date, agendaRules, PARIS)));
  return windows.some((window) => window.start <= start && end <= window.end) ? null : 'closed';
}

/** The Paris dates an appointment spans (one, unless it runs past midnight). */
function datesTouched(appointment: BookedTime): LocalDate[] {
  const first = localDateAt(appointment.start.getTime());
  const last = localDateAt(appointment.end.getTime() - 1);
  const dates = [first];
  while (dates[dates.length - 1]! < last) dates.push(addDays(dates[dates.length - 1]!, 1));
  return dates;
}
