/**
 * Free slots of one practitioner, at one place, for one visit reason, as pure interval algebra:
 * expand the weekly opening rules day by day in the agenda's time zone → normalise → subtract
 * absences (and, for video reasons, replacements) and busy time → keep the slots of each window's
 * grid that still fit. No I/O and no clock: `now` is an argument.
 */
import { intersect, keepContained, normalize, overlapsEach, subtract, type Interval } from './intervals.ts';
import { addDays, firstInstantAt, isoInstant, isoWeekday, lastInstantAt, PARIS, secondsOfTime, type LocalDate } from './zoned-time.ts';

/** A weekly opening rule of the place for the reason: wall-clock times in the agenda's zone. */
export interface OpeningRule {
  /** ISO weekday: 1 Monday … 7 Sunday. */
  weekday: number;
  /** 'HH:MM' or 'HH:MM:SS'. */
  startTime: string;
  endTime: string;
  /** First and last dates the rule applies (inclusive); null means unbounded. */
  validFrom: LocalDate | null;
  validUntil: LocalDate | null;
}

/** A range of instants: an absence or a replacement (may span several days). */
export interface InstantRange {
  start: Date;
  end: Date;
}

/** A live row of the agenda: a booked appointment or a slot hold (C2), of any reason and place. */
export interface Occupancy extends InstantRange {
  reasonId: string;
  placeId: string;
  /** Set for holds: once past, the hold no longer takes the time. Null for a booked appointment. */
  holdExpiresAt: Date | null;
}

/** What the reason asks of a slot (SPEC J2, C7, G1). */
export interface ReasonTerms {
  id: string;
  durationMinutes: number;
  /** Patients per slot: more than one for group motives (C7). */
  capacity: number;
  /** Video consultations are not offered during a replacement (G1). */
  video: boolean;
}

export interface FreeSlotsInput {
  placeId: string;
  reason: ReasonTerms;
  rules: readonly OpeningRule[];
  absences: readonly InstantRange[];
  replacements: readonly InstantRange[];
  /** Public holidays: the agenda is closed all day. */
  holidays: readonly LocalDate[];
  occupancies: readonly Occupancy[];
  firstDate: LocalDate;
  days: number;
  now: Date;
  timeZone?: string;
}

/** A slot a patient can choose; `remaining` places are left on it. */
export interface FreeSlot {
  start: string;
  end: string;
  /** Given by the practitioner's replacement (C1 blue dot). */
  replacement: boolean;
  remaining: number;
}

export interface CalendarDay {
  date: LocalDate;
  slots: FreeSlot[];
}

/** A slot of the grid, before we know whether it is free. */
interface Candidate extends Interval {
  date: LocalDate;
}

const MINUTE_MS = 60_000;

/** The free slots of every date from `firstDate` for `days` days, empty days included. */
export function listFreeSlots(input: FreeSlotsInput): CalendarDay[] {
  const timeZone = input.timeZone ?? PARIS;
  const durationMs = input.reason.durationMinutes * MINUTE_MS;
  const dates = datesFrom(input.firstDate, input.days);
  const holidays = new Set(input.holidays);
  const windowsByDate = dates.map((date) => (holidays.has(date) ? [] : openingWindowsOn(date, input.rules, timeZone)));
  const candidates = dates.flatMap((date, i) => alignSlots(windowsByDate[i]!, durationMs, date));

  const replaced = normalize(input.replacements.map(toInterval));
  const live = input.occupancies.filter((occupancy) => isLive(occupancy, input.now));
  const { bookingsPerSlot, blockers } = sortOccupancies(live, candidates, input.placeId, input.reason.id);
  const free = subtract(bookableTime(windowsByDate.flat(), input, replaced), normalize(blockers));

  const nowMs = input.now.getTime();
  const offered = keepContained(candidates, free)
    .filter((slot) => slot.start > nowMs && remainingPlaces(slot, input.reason, bookingsPerSlot) > 0);
  const byReplacement = overlapsEach(offered, intersect(free, replaced));
  return groupByDate(dates, offered.map((slot, i) => ({
    date: slot.date,
    slot: toFreeSlot(slot, byReplacement[i]!, remainingPlaces(slot, input.reason, bookingsPerSlot)),
  })));
}

/** The dates of the calendar, in order. */
function datesFrom(firstDate: LocalDate, days: number): LocalDate[] {
  return Array.from({ length: Math.max(0, days) }, (_, i) => addDays(firstDate, i));
}

/** Whether a rule applies on a date: right weekday, inside its validity dates. */
function ruleAppliesOn(rule: OpeningRule, date: LocalDate, weekday: number): boolean {
  return rule.weekday === weekday
    && (rule.validFrom === null || rule.validFrom <= date)
    && (rule.validUntil === null || date <= rule.validUntil);
}

/** The opening windows of one date as instants, merged where rules overlap or touch. */
export function openingWindowsOn(date: LocalDate, rules: readonly OpeningRule[], timeZone: string): Interval[] {
  const weekday = isoWeekday(date);
  return normalize(rules
    .filter((rule) => ruleAppliesOn(rule, date, weekday))
    // Opens the first time the clock shows the start and closes the last time it shows the end (DST: see zoned-time.ts).
    .map((rule) => ({
      start: firstInstantAt(date, secondsOfTime(rule.startTime), timeZone),
      end: lastInstantAt(date, secondsOfTime(rule.endTime), timeZone),
    })));
}

/** The grid of a date: back-to-back slots from each window's start, the last one ending inside the window. */
function alignSlots(windows: readonly Interval[], durationMs: number, date: LocalDate): Candidate[] {
  const slots: Candidate[] = [];
  for (const window of windows) {
    for (let start = window.start; start + durationMs <= window.end; start += durationMs) {
      slots.push({ start, end: start + durationMs, date });
    }
  }
  return slots;
}

/** The opening time left once absences (and, for a video reason, replacements) are taken out. */
function bookableTime(windows: readonly Interval[], input: FreeSlotsInput, replaced: readonly Interval[]): Interval[] {
  const open = subtract(normalize(windows), normalize(input.absences.map(toInterval)));
  return input.reason.video ? subtract(open, replaced) : open;
}

/** Whether a row still takes its time: appointments always, holds until they expire. */
function isLive(occupancy: Occupancy, now: Date): boolean {
  return occupancy.holdExpiresAt === null || occupancy.holdExpiresAt.getTime() > now.getTime();
}

/**
 * Splits live rows into bookings of exactly one slot of our grid for our reason at our place (they share
 * the slot up to the capacity, C7) and everything else, which blocks the time it overlaps.
 */
function sortOccupancies(live: readonly Occupancy[], candidates: readonly Candidate[], placeId: string, reasonId: string) {
  const slotEnds = new Map(candidates.map((slot) => [slot.start, slot.end]));
  const bookingsPerSlot = new Map<number, number>();
  const blockers: Interval[] = [];
  for (const occupancy of live) {
    const range = toInterval(occupancy);
    const sharesSlot = occupancy.reasonId === reasonId && occupancy.placeId === placeId && slotEnds.get(range.start) === range.end;
    if (sharesSlot) bookingsPerSlot.set(range.start, (bookingsPerSlot.get(range.start) ?? 0) + 1);
    else blockers.push(range);
  }
  return { bookingsPerSlot, blockers };
}

/** A Date range as epoch milliseconds. */
function toInterval(range: InstantRange): Interval {
  return { start: range.start.getTime(), end: range.end.getTime() };
}

/** Places left on a slot: the reason's capacity minus the patients who booked exactly that slot. */
function remainingPlaces(slot: Interval, reason: ReasonTerms, bookingsPerSlot: ReadonlyMap<number, number>): number {
  return reason.capacity - (bookingsPerSlot.get(slot.start) ?? 0);
}

/** The public shape of a slot. */
function toFreeSlot(slot: Interval, replacement: boolean, remaining: number): FreeSlot {
  return { start: isoInstant(slot.start), end: isoInstant(slot.end), replacement, remaining };
}

/** One calendar entry per date, in order, empty days included. */
function groupByDate(dates: readonly LocalDate[], slots: readonly { date: LocalDate; slot: FreeSlot }[]): CalendarDay[] {
  const byDate = new Map<LocalDate, FreeSlot[]>(dates.map((date) => [date, []]));
  for (const { date, slot } of slots) byDate.get(date)!.push(slot);
  return dates.map((date) => ({ date, slots: byDate.get(date)! }));
}
