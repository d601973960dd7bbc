/**
 * The practice's day and week view (SPEC J1) from what the agenda query read: each day's opening intervals per place
 * (a break is the gap between two), and the free slots of every reason at every place — the availability feature's
 * own computation, here without the online-booking switches, since the practice may book any reason.
 */
import {
  addDays, isoWeekday, listFreeSlots, openingWindowsOn, PARIS,
  type InstantRange, type LocalDate, type Occupancy, type ReasonTerms,
} from '../../availability/index.ts';
import type { PlacedRule } from './outside-hours.ts';

export interface AgendaPlace {
  id: string;
  holidayArea: string;
}

export interface AgendaTerms {
  firstDate: LocalDate;
  days: number;
  now: Date;
  places: readonly AgendaPlace[];
  reasons: readonly ReasonTerms[];
  rules: readonly PlacedRule[];
  absences: readonly InstantRange[];
  replacements: readonly InstantRange[];
  /** Holiday names by area, then by date. */
  holidays: ReadonlyMap<string, ReadonlyMap<LocalDate, string>>;
  /** Live rows: booked appointments and holds (an expired hold is ignored by the computation). */
  occupancies: readonly Occupancy[];
}

export interface OpeningInterval {
  start: string;
  end: string;
  placeId: string;
  reasonIds: string[];
}

export interface AgendaDay {
  date: LocalDate;
  /** The public holiday's name when it closes one of the practitioner's places that day. */
  holiday: string | null;
  opening: OpeningInterval[];
}

export interface AgendaSlot {
  start: string;
  end: string;
  placeId: string;
  reasonId: string;
  replacement: boolean;
  remaining: number;
}

/** One entry per date: the holiday, and the opening intervals of every place open that day, by start. */
export function buildAgendaDays(terms: AgendaTerms): AgendaDay[] {
  return datesOf(terms).map((date) => {
    const holiday = terms.places.map((place) => terms.holidays.get(place.holidayArea)?.get(date)).find((name) => name) ?? null;
    const opening = terms.places
      .filter((place) => !terms.holidays.get(place.holidayArea)?.has(date))
      .flatMap((place) => openingOf(date, place.id, terms.rules))
      .sort((a, b) => a.start.localeCompare(b.start) || a.placeId.localeCompare(b.placeId));
    return { date, holiday, opening };
  });
}

/** Free slots of every reason offered at every place over the period, by start. */
export function listAgendaSlots(terms: AgendaTerms): AgendaSlot[] {
  const slots: AgendaSlot[] = [];
  for (const place of terms.places) {
    const holidays = [...(terms.holidays.get(place.holidayArea)?.keys() ?? [])];
    for (const reason of terms.reasons) {
      const rules = terms.rules.filter((rule) => rule.placeId === place.id && rule.reasonIds.includes(reason.id));
      if (!rules.length) continue;
      const days = listFreeSlots({
        placeId: place.id, reason, rules, absences: terms.absences, replacements: terms.replacements, holidays,
        occupancies: terms.occupancies, firstDate: terms.firstDate, days: terms.days, now: terms.now,
      });
      for (const day of days) for (const slot of day.slots) slots.push({ ...slot, placeId: place.id, reasonId: reason.id });
    }
  }
  return slots.sort((a, b) => a.start.localeCompare(b.start) || a.placeId.localeCompare(b.placeId) || Number(a.reasonId) - Number(b.reasonId));
}

/** A place's intervals on a date; rules with the same times (one per reason) are shown as one interval. */
function openingOf(date: LocalDate, placeId: string, rules: readonly PlacedRule[]): OpeningInterval[] {
  const weekday = isoWeekday(date);
  const byTimes = new Map<string, OpeningInterval>();
  for (const rule of rules) {
    if (rule.placeId !== placeId || rule.weekday !== weekday) continue;
    const [window] = openingWindowsOn(date, [rule], PARIS);
    if (!window) continue;
    const key = `${window.start}-${window.end}`;
    const known = byTimes.get(key);
    if (known) known.reasonIds = [...new Set([...known.reasonIds, ...rule.reasonIds])];
    else byTimes.set(key, { start: new Date(window.start).toISOString(), end: new Date(window.end).toISOString(), placeId, reasonIds: [...rule.reasonIds] });
  }
  return [...byTimes.values()];
}

function datesOf(terms: AgendaTerms): LocalDate[] {
  return Array.from({ length: terms.days }, (_, i) => addDays(terms.firstDate, i));
}
