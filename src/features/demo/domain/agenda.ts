/**
 * The next four weeks of a demo agenda: vacation weeks (absences or a replacement, C1), and booked appointments
 * filling about 60 % of the free slots. Appointments follow the slot grid of the availability domain (back-to-back
 * slots of the window's first reason from the window's start), never overlap one another, and skip holidays and
 * absences, so the exclusion constraint `appointments_no_overlap` accepts them all.
 */
import { addDays, firstInstantAt, isoWeekday, lastInstantAt, localDateAt, type LocalDate } from '../../availability/index.ts';
import type { Random } from './random.ts';
import type { ReasonPlan } from './reasons.ts';
import type { WindowPlan } from './week.ts';

const MINUTE_MS = 60_000;

/** The period the demo agendas are filled for, from the moment of seeding. */
export interface Horizon {
  now: number;
  /** Paris dates from today on, `weekday` ISO. */
  dates: readonly { date: LocalDate; weekday: number }[];
  /** Public holidays per holiday area (see holidayAreaOf). */
  holidays: ReadonlyMap<string, ReadonlySet<LocalDate>>;
  /** Instants of (day, wall-clock minute) already resolved: every agenda reuses the same few. */
  instants: Map<number, number>;
}

/** The four weeks from `now` (Paris dates), with the holidays that close agendas. */
export function horizonFrom(now: Date, days: number, holidays: ReadonlyMap<string, ReadonlySet<LocalDate>>): Horizon {
  const today = localDateAt(now.getTime());
  const dates = Array.from({ length: days }, (_, i) => {
    const date = addDays(today, i);
    return { date, weekday: isoWeekday(date) };
  });
  return { now: now.getTime(), dates, holidays, instants: new Map() };
}

/**
 * The instant a window opens (`opening`: the first time the clock shows it) or closes (the last time), as the
 * availability domain resolves wall-clock times across daylight-saving changes; memoised per horizon.
 */
function instantOf(horizon: Horizon, dayIndex: number, minutes: number, opening: boolean): number {
  const key = (dayIndex * 2000 + minutes) * 2 + (opening ? 0 : 1);
  let instant = horizon.instants.get(key);
  if (instant === undefined) {
    const date = horizon.dates[dayIndex]!.date;
    instant = opening ? firstInstantAt(date, minutes * 60) : lastInstantAt(date, minutes * 60);
    horizon.instants.set(key, instant);
  }
  return instant;
}

export interface Period {
  start: number;
  end: number;
}

export interface AwayPlan {
  absences: Period[];
  /** A replacement consults in the agenda during the period (C1 blue dot); video reasons are not offered then (G1). */
  replacement: Period | null;
}

/** Professions where a « remplaçant » commonly takes over the practice during holidays. */
const REPLACED_PROFESSIONS = new Set(['doctor', 'midwife']);

/** From local midnight of one date to local midnight of another. */
function periodOf(first: LocalDate, endExclusive: LocalDate): Period {
  return { start: firstInstantAt(first, 0), end: firstInstantAt(endExclusive, 0) };
}

/** A vacation week for about one practitioner in ten (a replacement instead for a third of doctors), a training day for some. */
export function planAway(random: Random, horizon: Horizon, professionKind: string): AwayPlan {
  const plan: AwayPlan = { absences: [], replacement: null };
  const mondays = horizon.dates.filter(({ weekday }, i) => weekday === 1 && i > 0 && i + 7 <= horizon.dates.length);
  if (mondays.length > 0 && random.chance(0.1)) {
    const monday = random.pick(mondays).date;
    const week = periodOf(monday, addDays(monday, 7));
    if (REPLACED_PROFESSIONS.has(professionKind) && random.chance(0.35)) plan.replacement = week;
    else plan.absences.push(week);
  }
  if (random.chance(0.07)) {
    const day = random.pick(horizon.dates.slice(1).filter(({ weekday }) => weekday <= 5)).date;
    const training = periodOf(day, addDays(day, 1));
    const clash = [...plan.absences, ...(plan.replacement ? [plan.replacement] : [])]
      .some((p) => p.start < training.end && training.start < p.end);
    if (!clash) plan.absences.push(training);
  }
  return plan;
}

/** One booked appointment; group bookings of one session share `groupKey` (the slot_group). */
export interface BookingPlan {
  placeIndex: number;
  reasonIndex: number;
  start: number;
  end: number;
  groupKey: number | null;
}

/** How full this practitioner's agenda is: about 60 % on average, one in twenty fully booked for two weeks (F1). */
export interface FillProfile {
  level: number;
  saturated: boolean;
}

export function drawFillProfile(random: Random): FillProfile {
  return { level: 0.35 + 0.45 * random.next(), saturated: random.chance(0.05) };
}

/** Target share of slots taken on the n-th day: nearer days are fuller, the mean over four weeks is the level. */
export function fillOnDay(profile: FillProfile, dayIndex: number, days: number): number {
  if (profile.saturated) return dayIndex < 14 ? 1 : 0.75;
  const trend = 0.15 - (0.3 * dayIndex) / Math.max(1, days - 1);
  return Math.min(0.98, Math.max(0.02, profile.level + trend));
}

const overlaps = (periods: readonly Period[], start: number, end: number) => periods.some((p) => p.start < end && start < p.end);

/** Step probability so that a share `fill` of grid slots ends up taken when bookings may span `meanSteps` slots. */
function bookingProbability(fill: number, meanSteps: number): number {
  return fill >= 1 ? 1 : fill / (fill + (1 - fill) * meanSteps);
}

/** A window's slot grid and what gets booked on it, prepared once for all the dates of the horizon. */
interface WindowGrid {
  stepMs: number;
  choices: { index: number; durationMs: number; steps: number }[];
  /** Cumulative demand of the choices, for weighted draws. */
  cumulative: number[];
  /** Mean number of grid steps a booking spans. */
  meanSteps: number;
}

function gridOf(window: WindowPlan, reasons: readonly ReasonPlan[]): WindowGrid {
  const stepMs = reasons[window.reasonIndexes[0]!]!.durationMinutes * MINUTE_MS;
  const choices = window.reasonIndexes.map((index) => {
    const durationMs = reasons[index]!.durationMinutes * MINUTE_MS;
    return { index, durationMs, steps: Math.ceil(durationMs / stepMs) };
  });
  const cumulative: number[] = [];
  let total = 0;
  let weightedSteps = 0;
  window.reasonIndexes.forEach((index, i) => {
    total += reasons[index]!.demand;
    weightedSteps += reasons[index]!.demand * choices[i]!.steps;
    cumulative.push(total);
  });
  return { stepMs, choices, cumulative, meanSteps: weightedSteps / total };
}

/** Books one in-person or video window of one date: a walk along the grid of the window's first reason. */
function fillWindow(
  random: Random, window: WindowPlan, grid: WindowGrid, start: number, end: number, now: number, fill: number,
  out: BookingPlan[],
): void {
  const { stepMs, choices, cumulative } = grid;
  const probability = bookingProbability(fill, grid.meanSteps);
  const total = cumulative[cumulative.length - 1]!;
  for (let cursor = start; cursor + stepMs <= end;) {
    if (cursor <= now || !random.chance(probability)) {
      cursor += stepMs;
      continue;
    }
    const target = random.next() * total;
    let pick = 0;
    while (cumulative[pick]! <= target && pick < choices.length - 1) pick++;
    let choice = choices[pick]!;
    if (cursor + choice.durationMs > end) choice = choices[0]!;
    out.push({ placeIndex: window.placeIndex, reasonIndex: choice.index, start: cursor, end: cursor + choice.durationMs, groupKey: null });
    cursor += choice.steps * stepMs;
  }
}

/** Books the sessions of a group window: each session gets a share of its capacity (C7). */
function fillGroupWindow(
  random: Random, window: WindowPlan, reasons: readonly ReasonPlan[], start: number, end: number, now: number, fill: number,
  out: BookingPlan[], nextGroupKey: () => number,
): void {
  const reason = reasons[window.reasonIndexes[0]!]!;
  const durationMs = reason.durationMinutes * MINUTE_MS;
  for (let cursor = start; cursor + durationMs <= end; cursor += durationMs) {
    if (cursor <= now) continue;
    let participants = 0;
    for (let seat = 0; seat < reason.capacity; seat++) if (random.chance(fill)) participants++;
    if (participants === 0) continue;
    const groupKey = nextGroupKey();
    for (let i = 0; i < participants; i++) {
      out.push({ placeIndex: window.placeIndex, reasonIndex: window.reasonIndexes[0]!, start: cursor, end: cursor + durationMs, groupKey });
    }
  }
}

export interface FillInput {
  windows: readonly WindowPlan[];
  reasons: readonly ReasonPlan[];
  /** Holiday area of each place. */
  placeAreas: readonly string[];
  away: AwayPlan;
  profile: FillProfile;
}

/** Expands the weekly windows over the horizon and books them; appointments come out in time order per window. */
export function planBookings(random: Random, horizon: Horizon, input: FillInput): BookingPlan[] {
  const out: BookingPlan[] = [];
  let groups = 0;
  const nextGroupKey = () => ++groups;
  const replaced = input.away.replacement ? [input.away.replacement] : [];
  const grids = input.windows.map((window) => gridOf(window, input.reasons));
  horizon.dates.forEach(({ date, weekday }, dayIndex) => {
    const fill = fillOnDay(input.profile, dayIndex, horizon.dates.length);
    input.windows.forEach((window, w) => {
      if (window.weekday !== weekday) return;
      if (horizon.holidays.get(input.placeAreas[window.placeIndex] ?? '')?.has(date)) return;
      const start = instantOf(horizon, dayIndex, window.startMinutes, true);
      const end = instantOf(horizon, dayIndex, window.endMinutes, false);
      if (end <= horizon.now || overlaps(input.away.absences, start, end)) return;
      if (window.role === 'video' && overlaps(replaced, start, end)) return;
      if (window.role === 'group') fillGroupWindow(random, window, input.reasons, start, end, horizon.now, fill, out, nextGroupKey);
      else fillWindow(random, window, grids[w]!, start, end, horizon.now, fill, out);
    });
  });
  return out;
}
