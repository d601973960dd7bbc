/** Paris wall-clock arithmetic for the agenda: weekdays, weeks from Monday, « HH:MM » of an instant, and back. */
import { addDays, parisDate } from '../../format.ts';

const wallClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

function partsOf(instant: Date): Record<string, number> {
  const parts: Record<string, number> = {};
  for (const part of wallClock.formatToParts(instant)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  return parts;
}

/** ISO weekday of a Paris date: 1 Monday … 7 Sunday. */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The Monday of the week holding `date`. */
export function mondayOf(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

/** « 08:30 » in Paris, whatever the UI language. */
export function parisTime(instant: string): string {
  const parts = partsOf(new Date(instant));
  return `${String(parts.hour).padStart(2, '0')}:${String(parts.minute).padStart(2, '0')}`;
}

/** Minutes since Paris midnight of an instant. */
export function parisMinutes(instant: string): number {
  const parts = partsOf(new Date(instant));
  return (parts.hour ?? 0) * 60 + (parts.minute ?? 0);
}

/** The Paris date of an instant (YYYY-MM-DD). */
export function parisDay(instant: string): string {
  return parisDate(new Date(instant));
}

/** The instant (ISO UTC) of a Paris date and wall-clock time « HH:MM ». */
export function parisInstant(date: string, time: string): string {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  const [year = 1970, month = 1, day = 1] = date.split('-').map(Number);
  const asUtc = Date.UTC(year, month - 1, day, hours, minutes);
  let guess = asUtc;
  // Two passes settle the offset on either side of a daylight-saving change.
  for (let pass = 0; pass < 2; pass++) {
    const p = partsOf(new Date(guess));
    const shown = Date.UTC(p.year ?? year, (p.month ?? month) - 1, p.day ?? day, p.hour ?? 0, p.minute ?? 0);
    guess += asUtc - shown;
  }
  return new Date(guess).toISOString();
}

export function isDate(value: string | null | undefined): value is string {
  return Boolean(value && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(new Date(`${value}T12:00:00Z`).getTime()));
}

export function isTime(value: string | null | undefined): value is string {
  return Boolean(value && /^([01]\d|2[0-3]):[0-5]\d$/.test(value));
}

const longDates = new Map<string, Intl.DateTimeFormat>();

/** « 12 avril 1990 » from a date (birth dates, validity dates). */
export function formatLongDate(date: string, locale: string): string {
  let format = longDates.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });
    longDates.set(locale, format);
  }
  return format.format(new Date(`${date}T12:00:00Z`));
}
