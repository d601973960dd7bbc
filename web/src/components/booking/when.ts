/** How an appointment's time, patient and place read (every date in Europe/Paris). */
import type { BookingPlace } from '../../api-booking.ts';
import { formatTime } from '../../format.ts';
import type { I18n } from '../../i18n.tsx';

const fullDays = new Map<string, Intl.DateTimeFormat>();

/** « lundi 2 mars 2026 »: with the year, since « Mes rendez-vous » spans years. */
export function formatFullDay(instant: string, locale: string): string {
  let format = fullDays.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Paris', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
    fullDays.set(locale, format);
  }
  return format.format(new Date(instant));
}

/** « lundi 2 mars 2026 à 08:30 ». */
export function appointmentWhen(start: string, t: I18n['t'], locale: string): string {
  return t('web.slot.name', { day: formatFullDay(start, locale), time: formatTime(start, locale) });
}

/** « Marie Dupont » (names may be missing on an old, pseudonymised row). */
export function patientName(patient: { firstName: string | null; lastName: string | null }): string {
  return [patient.firstName, patient.lastName].filter(Boolean).join(' ');
}

/** « Cabinet du Parc — 3 rue…, 44000 Nantes ». */
export function placeText(place: BookingPlace): string {
  const address = `${place.address}, ${place.postalCode} ${place.city}`;
  return place.name ? `${place.name} — ${address}` : address;
}
