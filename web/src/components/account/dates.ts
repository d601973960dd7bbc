/** Birth dates: checks against today's Paris date, age in years, and « 12 mars 1980 » display. */
import { parisDate } from '../../format.ts';

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** Whole years between a birth date and `today` (both YYYY-MM-DD Paris dates). */
export function ageOn(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/** A real calendar date, not in the future, at most 120 years ago (the server's rule). */
export function isPlausibleBirthDate(value: string, today: string = parisDate()): boolean {
  if (!isoDate.test(value)) return false;
  const date = new Date(`${value}T12:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) return false;
  return value <= today && ageOn(value, today) <= 120;
}

/** Adult (18 or more) at today's Paris date, or null while the date is not a plausible birth date. */
export function isAdult(birthDate: string, today: string = parisDate()): boolean | null {
  return isPlausibleBirthDate(birthDate, today) ? ageOn(birthDate, today) >= 18 : null;
}

/** « 12 mars 1980 »: a calendar date shown as the same date in Europe/Paris whatever the browser's zone. */
export function formatBirthDate(date: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' })
    .format(new Date(`${date}T12:00:00Z`));
}
