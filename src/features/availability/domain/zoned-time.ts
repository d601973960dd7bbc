/**
 * Calendar dates and wall-clock times of a time zone (Europe/Paris for agendas), converted to and
 * from UTC instants with `Intl.DateTimeFormat` only.
 *
 * Daylight-saving changes are handled on purpose, not by accident:
 * - a wall time that does not exist (spring forward, 02:00–03:00 in Paris on the last Sunday of March)
 *   resolves to the first instant after the gap, so a window keeps exactly its existing part;
 * - a wall time that exists twice (fall back, 02:00–03:00 on the last Sunday of October) has an earlier
 *   and a later instant; callers choose (opening windows start at the earlier and end at the later one).
 */

/** The zone every agenda is kept in. */
export const PARIS = 'Europe/Paris';

/** A calendar date 'YYYY-MM-DD', with no time zone attached. */
export type LocalDate = string;

const DAY_MS = 86_400_000;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_TIME = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** Where the zone's clocks can show a given wall time: once, twice, or never. */
export type WallTimeResolution =
  | { kind: 'unique'; instant: number }
  | { kind: 'repeated'; earlier: number; later: number }
  | { kind: 'skipped'; gapEnd: number };

/** Midnight UTC of a date, in epoch ms, or NaN when the text is not a real calendar date. */
function utcMidnightOf(date: LocalDate): number {
  const match = LOCAL_DATE.exec(date);
  if (!match) return Number.NaN;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const back = new Date(0);
  back.setUTCFullYear(year, month - 1, day); // unlike Date.UTC, keeps years 0–99 as written
  const ms = back.getTime();
  // Date.UTC rolls 2026-02-30 over to March: a round trip tells real dates from impossible ones.
  return back.getUTCFullYear() === year && back.getUTCMonth() === month - 1 && back.getUTCDate() === day ? ms : Number.NaN;
}

/** The date of a UTC midnight, written 'YYYY-MM-DD'. */
function dateOfUtcMidnight(ms: number): LocalDate {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Whether `value` is a real calendar date written YYYY-MM-DD (2026-02-30 and 2026-13-45 are not). */
export function isLocalDate(value: string): boolean {
  return !Number.isNaN(utcMidnightOf(value));
}

/** Calendar arithmetic on dates: the date `days` later (earlier when negative), whatever the zone. */
export function addDays(date: LocalDate, days: number): LocalDate {
  const ms = utcMidnightOf(date);
  if (Number.isNaN(ms)) throw new RangeError(`not a calendar date: ${date}`);
  return dateOfUtcMidnight(ms + days * DAY_MS);
}

/** ISO weekday of a date: 1 Monday … 7 Sunday. */
export function isoWeekday(date: LocalDate): number {
  const ms = utcMidnightOf(date);
  if (Number.isNaN(ms)) throw new RangeError(`not a calendar date: ${date}`);
  return new Date(ms).getUTCDay() || 7;
}

/** Number of days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((utcMidnightOf(to) - utcMidnightOf(from)) / DAY_MS);
}

const dayPrefixes = new Map<number, string>();

/** Two or three digits, zero-padded. */
function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** An instant written as `Date#toISOString` writes it, four times faster: a calendar lists many slots. */
export function isoInstant(instant: number): string {
  const day = Math.floor(instant / DAY_MS);
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    if (dayPrefixes.size >= 10_000) dayPrefixes.clear();
    prefix = new Date(day * DAY_MS).toISOString().slice(0, 11);
    dayPrefixes.set(day, prefix);
  }
  const ms = instant - day * DAY_MS;
  const clock = `${pad(Math.floor(ms / 3_600_000), 2)}:${pad(Math.floor(ms / 60_000) % 60, 2)}:${pad(Math.floor(ms / 1000) % 60, 2)}`;
  return `${prefix}${clock}.${pad(ms % 1000, 3)}Z`;
}

/** Seconds since midnight of a wall time 'HH:MM' or 'HH:MM:SS'; '24:00' is the end of the day. */
export function secondsOfTime(time: string): number {
  const match = LOCAL_TIME.exec(time);
  const [hours, minutes, seconds] = match ? [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)] : [NaN, NaN, NaN];
  const total = hours * 3600 + minutes * 60 + seconds;
  if (!(minutes < 60 && seconds < 60 && total <= 86_400)) throw new RangeError(`not a wall-clock time: ${time}`);
  return total;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One cached formatter per zone: building one costs far more than using it. */
function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The zone's wall clock at an instant as the formatter reads it, written as if it were a UTC instant (whole seconds). */
function formattedWallMsAt(instant: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatterOf(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return Date.UTC(parts.year ?? 0, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
}

/** The instant truncated to its whole second (towards the past, also before 1970). */
function wholeSecondOf(instant: number): number {
  return instant - (((instant % 1000) + 1000) % 1000);
}

/**
 * Offsets are remembered per quarter hour of UTC: no zone changes its offset twice within 15 minutes, so one that is
 * the same at both ends of a quarter is the same throughout it. A quarter with a change in it is never remembered:
 * its instants ask the formatter. (`formatToParts` costs microseconds, and a booking converts dozens of instants.)
 */
const OFFSET_QUARTER_MS = 15 * 60_000;
const OFFSET_CACHE_SIZE = 100_000;
const offsetsByZone = new Map<string, Map<number, number>>();

/** How far the zone's clocks are ahead of UTC at an instant, in ms (Paris: one or two hours). */
export function offsetAt(instant: number, timeZone: string = PARIS): number {
  const quarter = Math.floor(instant / OFFSET_QUARTER_MS);
  let offsets = offsetsByZone.get(timeZone);
  if (!offsets) offsetsByZone.set(timeZone, offsets = new Map());
  const known = offsets.get(quarter);
  if (known !== undefined) return known;
  const offsetOf = (at: number) => formattedWallMsAt(at, timeZone) - wholeSecondOf(at);
  const first = quarter * OFFSET_QUARTER_MS;
  const atFirst = offsetOf(first);
  if (atFirst !== offsetOf(first + OFFSET_QUARTER_MS - 1)) return offsetOf(instant);
  if (offsets.size >= OFFSET_CACHE_SIZE) offsets.clear();
  offsets.set(quarter, atFirst);
  return atFirst;
}

/** The zone's wall clock at an instant, written as if it were a UTC instant (epoch ms, whole seconds). */
function wallMsAt(instant: number, timeZone: string): number {
  return wholeSecondOf(instant) + offsetAt(instant, timeZone);
}

/** The zone's calendar date at an instant. */
export function localDateAt(instant: number, timeZone: string = PARIS): LocalDate {
  return new Date(wallMsAt(instant, timeZone)).toISOString().slice(0, 10);
}

/** The first instant at which the zone's offset is `after`, searched between two instants to the millisecond. */
function transitionBetween(low: number, high: number, after: number, timeZone: string): number {
  let [before, at] = [low, high];
  while (at - before > 1) {
    const middle = Math.floor((before + at) / 2);
    if (offsetAt(middle, timeZone) === after) at = middle;
    else before = middle;
  }
  return at;
}

/** Resolves a wall time given as "wall ms" (the wall clock written as if UTC); see the file comment. */
function resolveWallMs(wallMs: number, timeZone: string): WallTimeResolution {
  // One day either side brackets any single change of offset (no zone changes twice within two days).
  const before = offsetAt(wallMs - DAY_MS, timeZone);
  const after = offsetAt(wallMs + DAY_MS, timeZone);
  if (before === after) return { kind: 'unique', instant: wallMs - before };
  const withBefore = wallMs - before;
  const withAfter = wallMs - after;
  const beforeHolds = offsetAt(withBefore, timeZone) === before;
  const afterHolds = offsetAt(withAfter, timeZone) === after;
  if (beforeHolds && afterHolds) {
    return { kind: 'repeated', earlier: Math.min(withBefore, withAfter), later: Math.max(withBefore, withAfter) };
  }
  if (beforeHolds) return { kind: 'unique', instant: withBefore };
  if (afterHolds) return { kind: 'unique', instant: withAfter };
  return { kind: 'skipped', gapEnd: transitionBetween(Math.min(withBefore, withAfter), Math.max(withBefore, withAfter), after, timeZone) };
}

const resolutions = new Map<string, WallTimeResolution>();
const RESOLUTION_CACHE_SIZE = 50_000;

/** Every instant at which the zone's clocks show `date` at `seconds` past midnight (memoised: agendas reuse few times). */
export function resolveWallTime(date: LocalDate, seconds: number, timeZone: string = PARIS): WallTimeResolution {
  const midnight = utcMidnightOf(date);
  if (Number.isNaN(midnight)) throw new RangeError(`not a calendar date: ${date}`);
  const key = `${timeZone} ${midnight + seconds * 1000}`;
  let resolution = resolutions.get(key);
  if (!resolution) {
    if (resolutions.size >= RESOLUTION_CACHE_SIZE) resolutions.clear();
    resolution = resolveWallMs(midnight + seconds * 1000, timeZone);
    resolutions.set(key, resolution);
  }
  return resolution;
}

/** The first instant the clocks show this wall time; a skipped time gives the end of the gap. */
export function firstInstantAt(date: LocalDate, seconds: number, timeZone: string = PARIS): number {
  const resolution = resolveWallTime(date, seconds, timeZone);
  return resolution.kind === 'unique' ? resolution.instant : resolution.kind === 'repeated' ? resolution.earlier : resolution.gapEnd;
}

/** The last instant the clocks show this wall time; a skipped time gives the end of the gap. */
export function lastInstantAt(date: LocalDate, seconds: number, timeZone: string = PARIS): number {
  const resolution = resolveWallTime(date, seconds, timeZone);
  return resolution.kind === 'unique' ? resolution.instant : resolution.kind === 'repeated' ? resolution.later : resolution.gapEnd;
}
