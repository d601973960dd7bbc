/**
 * Absences and replacements as a practice enters them: Paris dates with optional wall-clock times (whole days by
 * default), stored as instants; and back again for display. Pure: no clock, no I/O.
 */
import { addDays, firstInstantAt, localDateAt, offsetAt, secondsOfTime, type LocalDate } from '../../availability/index.ts';

export interface PeriodInput {
  from: LocalDate;
  to: LocalDate;
  /** 'HH:MM'; default 00:00. */
  fromTime?: string;
  /** 'HH:MM', '24:00' allowed; default the end of `to`. */
  toTime?: string;
}

export interface PeriodFields {
  start: string;
  end: string;
  from: LocalDate;
  fromTime: string;
  to: LocalDate;
  toTime: string;
}

/** Longer periods are typing mistakes (a year typed wrong), not absences. */
const MAX_PERIOD_DAYS = 366;

/** The instants of a period typed in Paris wall-clock, or null when it ends before it starts or lasts too long. */
export function periodInstants(input: PeriodInput): { start: Date; end: Date } | null {
  const start = firstInstantAt(input.from, secondsOfTime(input.fromTime ?? '00:00'));
  const end = input.toTime === undefined || input.toTime === '24:00'
    ? firstInstantAt(addDays(input.to, 1), 0)
    : firstInstantAt(input.to, secondsOfTime(input.toTime));
  if (!(end > start) || end - start > MAX_PERIOD_DAYS * 86_400_000) return null;
  return { start: new Date(start), end: new Date(end) };
}

/** A stored period as the contract shows it: instants and the Paris wall clock (an end at midnight is '24:00'). */
export function periodFields(start: Date, end: Date): PeriodFields {
  const endsAtMidnight = wallTimeAt(end.getTime()) === '00:00';
  return {
    start: start.toISOString(),
    end: end.toISOString(),
    from: localDateAt(start.getTime()),
    fromTime: wallTimeAt(start.getTime()),
    to: endsAtMidnight ? addDays(localDateAt(end.getTime()), -1) : localDateAt(end.getTime()),
    toTime: endsAtMidnight ? '24:00' : wallTimeAt(end.getTime()),
  };
}

/** 'HH:MM' shown by Paris clocks at an instant. */
export function wallTimeAt(instant: number): string {
  return new Date(instant + offsetAt(instant)).toISOString().slice(11, 16);
}
