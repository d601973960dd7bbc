/**
 * Dates, times and phone numbers as messages show them: always on the Paris wall clock (appointments are in France,
 * whatever the reader's device zone), 24-hour times (« 09:00 »), French numbers grouped by two.
 */
import { translate, type Language } from '../../../platform/i18n/catalogue.ts';

const TIME_ZONE = 'Europe/Paris';
const LOCALES: Record<Language, string> = { fr: 'fr-FR', en: 'en-GB' };

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One cached formatter per language and options: building one costs far more than using it. */
function formatter(lang: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = lang + JSON.stringify(options);
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(LOCALES[lang], { timeZone: TIME_ZONE, ...options });
    formatters.set(key, found);
  }
  return found;
}

/** The parts of an instant on the Paris clock, by type (weekday, day, month, year, hour, minute). */
function partsOf(instant: Date, lang: Language, options: Intl.DateTimeFormatOptions): Record<string, string> {
  const parts: Record<string, string> = {};
  for (const part of formatter(lang, options).formatToParts(instant)) parts[part.type] = part.value;
  return parts;
}

/** « 09:00 » on the Paris clock. */
export function parisTime(instant: Date, lang: Language): string {
  const parts = partsOf(instant, lang, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return `${parts.hour}:${parts.minute}`;
}

/** « mardi 14 avril 2026 à 09:00 » / « Tuesday 14 April 2026 at 09:00 ». */
export function parisDateTime(instant: Date, lang: Language): string {
  const parts = partsOf(instant, lang, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  const date = translate(lang, 'notifications.date', {
    weekday: parts.weekday ?? '', day: parts.day ?? '', month: parts.month ?? '', year: parts.year ?? '',
  });
  return translate(lang, 'notifications.date_time', { date, time: parisTime(instant, lang) });
}

/** The same, saying it is Paris time (emails may be read abroad). */
export function parisDateTimeLabelled(instant: Date, lang: Language): string {
  return translate(lang, 'notifications.paris_time', { dateTime: parisDateTime(instant, lang) });
}

/** « mar. 14/04 à 09:00 » / « Tue 14/04 at 09:00 »: short, for an SMS. */
export function parisShortDateTime(instant: Date, lang: Language): string {
  const weekday = partsOf(instant, lang, { weekday: 'short' }).weekday ?? '';
  const numeric = partsOf(instant, lang, { day: '2-digit', month: '2-digit' });
  return translate(lang, 'notifications.sms.date_time', {
    weekday, dayMonth: `${numeric.day}/${numeric.month}`, time: parisTime(instant, lang),
  });
}

/** « 01 23 45 67 89 » for a French +33 number; other numbers as given. */
export function displayPhone(phone: string): string {
  const french = /^\+33(\d{9})$/.exec(phone.replace(/\s/g, ''));
  if (!french?.[1]) return phone;
  return `0${french[1]}`.replace(/(\d{2})(?=\d)/g, '$1 ');
}
