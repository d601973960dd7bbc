/**
 * Weekly opening hours as a practice enters them (SPEC J1): per place, several intervals a day (the gaps are breaks),
 * each for a set of visit reasons, optionally bounded by validity dates. Pure checks before anything is stored.
 */

/** One weekly interval: ISO weekday, wall-clock 'HH:MM' times in Paris, inclusive validity dates or null. */
export interface WeeklyInterval {
  weekday: number;
  start: string;
  end: string;
  reasonIds: readonly string[];
  validFrom: string | null;
  validUntil: string | null;
}

export type OpeningProblem = { kind: 'invalid' } | { kind: 'overlap'; weekday: number };

/** Opening times move in steps of 5 minutes, like the shortest visit reason. */
const STEP_MINUTES = 5;
const TIME = /^([01]\d|2[0-4]):([0-5]\d)$/;

/** Minutes after midnight of a 'HH:MM' time ('24:00' closes at midnight), or NaN. */
export function minutesOf(time: string): number {
  const match = TIME.exec(time);
  if (!match) return NaN;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes <= 24 * 60 ? minutes : NaN;
}

/** The first problem of a place's weekly hours, or null when they can be stored as they are. */
export function findOpeningProblem(intervals: readonly WeeklyInterval[]): OpeningProblem | null {
  if (intervals.some((interval) => !isWellFormed(interval))) return { kind: 'invalid' };
  for (let i = 0; i < intervals.length; i++) {
    for (let j = i + 1; j < intervals.length; j++) {
      if (overlap(intervals[i]!, intervals[j]!)) return { kind: 'overlap', weekday: intervals[i]!.weekday };
    }
  }
  return null;
}

/** Start before end on the 5-minute grid, a real weekday, at least one reason, validity dates in order. */
function isWellFormed(interval: WeeklyInterval): boolean {
  const [start, end] = [minutesOf(interval.start), minutesOf(interval.end)];
  return Number.isInteger(interval.weekday) && interval.weekday >= 1 && interval.weekday <= 7
    && start < end && start % STEP_MINUTES === 0 && end % STEP_MINUTES === 0
    && interval.reasonIds.length > 0
    && (interval.validFrom === null || interval.validUntil === null || interval.validFrom <= interval.validUntil);
}

/** Two intervals clash when they share a weekday, some time of day (touching is fine) and some validity date. */
function overlap(a: WeeklyInterval, b: WeeklyInterval): boolean {
  if (a.weekday !== b.weekday) return false;
  if (!(minutesOf(a.start) < minutesOf(b.end) && minutesOf(b.start) < minutesOf(a.end))) return false;
  const aFrom = a.validFrom ?? '0000-01-01';
  const bFrom = b.validFrom ?? '0000-01-01';
  const aUntil = a.validUntil ?? '9999-12-31';
  const bUntil = b.validUntil ?? '9999-12-31';
  return aFrom <= bUntil && bFrom <= aUntil;
}
