/** Display formats: every date and time in Europe/Paris, money from integer cents, French phone numbers. */
const timeZone = 'Europe/Paris';

const formatters = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const cacheKey = locale + JSON.stringify(options);
  let formatter = formatters.get(cacheKey);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { timeZone, ...options });
    formatters.set(cacheKey, formatter);
  }
  return formatter;
}

/** Noon UTC of a Paris calendar date: the same date in Paris whatever the season. */
function noonOf(date: string): Date {
  return new Date(`${date}T12:00:00Z`);
}

/** « 08:30 ». */
export function formatTime(instant: string, locale: string): string {
  return dateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(new Date(instant));
}

/** « lundi 2 mars » from an instant. */
export function formatInstantDay(instant: string, locale: string): string {
  return dateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long' }).format(new Date(instant));
}

/** « lundi 2 mars » from a Paris date (YYYY-MM-DD). */
export function formatDay(date: string, locale: string): string {
  return dateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long' }).format(noonOf(date));
}

/** « lundi » from a Paris date. */
export function formatWeekday(date: string, locale: string): string {
  return dateTimeFormat(locale, { weekday: 'long' }).format(noonOf(date));
}

/** « 2 mars » from a Paris date. */
export function formatDayMonth(date: string, locale: string): string {
  return dateTimeFormat(locale, { day: 'numeric', month: 'short' }).format(noonOf(date));
}

/** The calendar date in Paris (YYYY-MM-DD) of an instant, today by default. */
export function parisDate(instant: Date = new Date()): string {
  const parts = dateTimeFormat('en-GB', { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** The Paris date `days` after `date`. */
export function addDays(date: string, days: number): string {
  const next = noonOf(date);
  next.setUTCDate(next.getUTCDate() + days);
  return next.toISOString().slice(0, 10);
}

/** « 30,00 € » (fr-FR) or « €30.00 » (en-GB) from integer cents. */
export function formatMoney(cents: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

/** « 1,3 km ». */
export function formatDistance(km: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'unit', unit: 'kilometer', maximumFractionDigits: km < 10 ? 1 : 0 }).format(km);
}

/** « 02 40 12 34 56 » for a French +33 number; other numbers as given. */
export function formatPhone(phone: string): string {
  const french = /^\+33(\d{9})$/.exec(phone.replace(/\s/g, ''));
  if (!french?.[1]) return phone;
  return `0${french[1]}`.replace(/(\d{2})(?=\d)/g, '$1 ');
}
