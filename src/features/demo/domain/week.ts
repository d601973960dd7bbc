/**
 * The weekly opening hours of a demo practitioner (J1): mornings about 08:30–12:30 and afternoons 14:00–19:00 on
 * four or five weekdays (nurses: short early-morning and evening « permanences »), some Saturday mornings, a second
 * place on one or two days, lunch or evening video slots, a weekly group session. Windows of one practitioner
 * never overlap: one person cannot be in two places at once.
 */
import { drawFrom, sample, type Random } from './random.ts';
import type { ReasonPlan } from './reasons.ts';

export type WindowRole = 'in-person' | 'video' | 'group';

/** One weekly opening rule: wall-clock minutes since midnight, Europe/Paris. */
export interface WindowPlan {
  /** ISO weekday: 1 Monday … 7 Sunday. */
  weekday: number;
  startMinutes: number;
  endMinutes: number;
  placeIndex: number;
  /** Indexes into the practitioner's reasons; for in-person windows the main reason comes first. */
  reasonIndexes: number[];
  role: WindowRole;
}

export interface WeekInput {
  professionKind: string;
  specialtyCode: string;
  placeCount: number;
  reasons: readonly ReasonPlan[];
}

const SATURDAY_SHARE: Record<string, number> = { SM54: 0.35, G15_40: 0.25, G15_60: 0.45, G15_70: 0.3, SM39: 0.3 };
const LATEST_END = 21 * 60;

/** The practitioner's habits: the same hours most days. */
interface DayStyle {
  morning: [number, number];
  afternoon: [number, number];
  continuous: boolean;
  /** Nurses keep short « permanences » at the practice (blood tests at 7:00, evening care) and visit patients at home. */
  permanences: boolean;
}

function drawStyle(random: Random, specialtyCode: string): DayStyle {
  if (specialtyCode === 'G15_60') {
    return {
      morning: [drawFrom(random, [[420, 3], [450, 3], [480, 1]]), drawFrom(random, [[540, 3], [570, 2], [600, 2]])],
      afternoon: [drawFrom(random, [[1020, 1], [1050, 1]]), drawFrom(random, [[1110, 1], [1140, 1]])],
      continuous: false,
      permanences: true,
    };
  }
  const morningStart = drawFrom(random, [[480, 3], [510, 4], [540, 3]]);
  const morningEnd = drawFrom(random, [[720, 5], [750, 4]]);
  const afternoonStart = drawFrom(random, [[810, 3], [840, 5]]);
  const afternoonEnd = drawFrom(random, [[1050, 2], [1080, 4], [1110, 3], [1140, 3]]);
  return {
    morning: [morningStart, morningEnd], afternoon: [afternoonStart, afternoonEnd], continuous: random.chance(0.08),
    permanences: false,
  };
}

/** Weekdays worked, Monday to Friday: often one day off, Wednesday most often (part-time with children). */
function drawWorkingWeekdays(random: Random): number[] {
  const count = drawFrom(random, [[5, 45], [4, 42], [3, 13]]);
  const off = new Set<number>();
  while (off.size < 5 - count) off.add(drawFrom(random, [[1, 1], [2, 1], [3, 3], [4, 1.5], [5, 1.5]]));
  return [1, 2, 3, 4, 5].filter((day) => !off.has(day));
}

/** The in-person windows of one day: both halves most days, sometimes only one. */
function dayWindows(random: Random, style: DayStyle, weekday: number): [number, number][] {
  if (style.permanences) return weekday >= 6 || random.chance(0.6) ? [style.morning] : [style.morning, style.afternoon];
  if (weekday >= 6) return [[style.morning[0] + (random.chance(0.5) ? 30 : 0), style.morning[1]]];
  if (style.continuous) return [[style.morning[0], style.afternoon[1]]];
  const shape = drawFrom(random, [['full', 80], ['morning', 10], ['afternoon', 10]] as const);
  const lateEnd = random.chance(0.15) ? 30 : 0;
  const afternoon: [number, number] = [style.afternoon[0], Math.min(LATEST_END, style.afternoon[1] + lateEnd)];
  if (shape === 'morning') return [style.morning];
  if (shape === 'afternoon') return [afternoon];
  return [style.morning, afternoon];
}

/** Which in-person windows each extra reason is offered in: most in all, some mornings or afternoons only. */
function reasonsOfWindow(windowStart: number, extras: readonly { index: number; scope: 'all' | 'morning' | 'afternoon' }[]): number[] {
  return extras
    .filter(({ scope }) => scope === 'all' || (scope === 'morning' ? windowStart < 12 * 60 : windowStart >= 12 * 60))
    .map(({ index }) => index);
}

/** True when [start, end) overlaps no window of that weekday. */
function isFree(windows: readonly WindowPlan[], weekday: number, start: number, end: number): boolean {
  return windows.every((w) => w.weekday !== weekday || end <= w.startMinutes || w.endMinutes <= start);
}

/** A one-hour video window at lunch or after the last patient, on one to three working days. */
function addVideoWindows(random: Random, windows: WindowPlan[], reasonIndexes: number[], days: readonly number[]): void {
  for (const weekday of sample(random, days, random.int(1, 3))) {
    const ofDay = windows.filter((w) => w.weekday === weekday).sort((a, b) => a.startMinutes - b.startMinutes);
    const lastEnd = ofDay[ofDay.length - 1]?.endMinutes ?? 17 * 60;
    const lunch = ofDay.length === 2 ? [ofDay[1]!.startMinutes - 60, ofDay[1]!.startMinutes] : null;
    const candidates = [lunch, [lastEnd, lastEnd + 60]].filter((c): c is number[] => c !== null);
    for (const [start, end] of random.chance(0.5) ? candidates : candidates.reverse()) {
      if (end! <= LATEST_END && isFree(windows, weekday, start!, end!)) {
        windows.push({ weekday, startMinutes: start!, endMinutes: end!, placeIndex: 0, reasonIndexes, role: 'video' });
        break;
      }
    }
  }
}

/** One weekly group session (C7), on a free morning or after the last patient of a day. */
function addGroupWindow(random: Random, windows: WindowPlan[], reasonIndex: number, durationMinutes: number): void {
  for (const weekday of sample(random, [1, 2, 3, 4, 5, 6], 6)) {
    const ofDay = windows.filter((w) => w.weekday === weekday);
    const start = ofDay.length === 0 ? 10 * 60 : Math.max(...ofDay.map((w) => w.endMinutes));
    const end = start + durationMinutes;
    if (end <= LATEST_END && isFree(windows, weekday, start, end)) {
      windows.push({ weekday, startMinutes: start, endMinutes: end, placeIndex: 0, reasonIndexes: [reasonIndex], role: 'group' });
      return;
    }
  }
}

/** The weekly windows of a practitioner; every in-person window offers the main reason (index 0). */
export function planWeek(random: Random, input: WeekInput): WindowPlan[] {
  const style = drawStyle(random, input.specialtyCode);
  const weekdays = drawWorkingWeekdays(random);
  if (random.chance(SATURDAY_SHARE[input.specialtyCode] ?? 0.1)) weekdays.push(6);
  if (input.specialtyCode === 'G15_60' && random.chance(0.1)) weekdays.push(7);
  const secondPlaceDays = input.placeCount > 1 ? sample(random, weekdays.filter((d) => d <= 5), random.int(1, 2)) : [];
  if (secondPlaceDays.length >= weekdays.length) secondPlaceDays.pop();

  const extras = input.reasons.flatMap((reason, index) => (reason.role === 'in-person'
    ? [{ index, scope: drawFrom(random, [['all', 70], ['morning', 15], ['afternoon', 15]] as const) }]
    : []));
  const windows: WindowPlan[] = [];
  for (const weekday of weekdays) {
    for (const [startMinutes, endMinutes] of dayWindows(random, style, weekday)) {
      windows.push({
        weekday, startMinutes, endMinutes, role: 'in-person',
        placeIndex: secondPlaceDays.includes(weekday) ? 1 : 0,
        reasonIndexes: [0, ...reasonsOfWindow(startMinutes, extras)],
      });
    }
  }
  // A reason limited to mornings (or afternoons) of someone who never works them is offered everywhere instead.
  for (const extra of extras) {
    const inPerson = windows.filter((w) => w.role === 'in-person');
    if (!inPerson.some((w) => w.reasonIndexes.includes(extra.index))) for (const w of inPerson) w.reasonIndexes.push(extra.index);
  }
  const videoIndexes = input.reasons.flatMap((reason, index) => (reason.role === 'video' ? [index] : []));
  if (videoIndexes.length > 0) addVideoWindows(random, windows, videoIndexes, weekdays.filter((d) => d <= 5));
  input.reasons.forEach((reason, index) => {
    if (reason.role === 'group') addGroupWindow(random, windows, index, reason.durationMinutes);
  });
  return windows.sort((a, b) => a.weekday - b.weekday || a.startMinutes - b.startMinutes);
}

/** 'HH:MM:00' of minutes since midnight, as the `time` columns store it. */
export function timeOfMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  return `${String(hours).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00`;
}
