/**
 * The one catalogue of user-facing texts, French first and English second, shared by the server
 * (error messages) and the web app. Each feature keeps its texts in messages/<feature>.ts.
 */
import { common } from './messages/common.ts';
import { availability } from './messages/availability.ts';
import { web } from './messages/web.ts';
import { search } from './messages/search.ts';
import { practitioners } from './messages/practitioners.ts';
import { passwords } from './messages/passwords.ts';
import { delivery } from './messages/delivery.ts';
import { accountSettings } from './messages/account-settings.ts';
import { accounts } from './messages/accounts.ts';
import { webAccounts } from './messages/web-accounts.ts';
import { booking } from './messages/booking.ts';
import { bookingManage } from './messages/booking-manage.ts';
import { webBooking } from './messages/web-booking.ts';
import { notifications } from './messages/notifications.ts';
import { practiceAuth } from './messages/practice-auth.ts';
import { practice } from './messages/practice.ts';
import { webPractice } from './messages/web-practice.ts';

export const languages = ['fr', 'en'] as const;
export type Language = (typeof languages)[number];

const sources = [common, availability, web, search, practitioners, passwords, delivery, accountSettings, accounts, webAccounts, booking, bookingManage, webBooking, notifications, practiceAuth, practice, webPractice] as const;

type Keys<T> = T extends { fr: infer F } ? keyof F : never;
export type MessageKey = Keys<(typeof sources)[number]>;

const catalogue: Record<Language, Record<string, string>> = { fr: {}, en: {} };
for (const source of sources) {
  Object.assign(catalogue.fr, source.fr);
  Object.assign(catalogue.en, source.en);
}

/** The text for `key` in `lang`, with `{name}` placeholders filled from `params`. */
export function translate(lang: Language, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = catalogue[lang][key] ?? catalogue.fr[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Picks our language from an Accept-Language header: English only when preferred over French. */
export function languageFromHeader(header: string | undefined): Language {
  if (!header) return 'fr';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().toLowerCase().split(';');
      const q = rest.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.split('-')[0] ?? '', q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((entry) => (languages as readonly string[]).includes(entry.tag))
    .sort((a, b) => b.q - a.q);
  return (ranked[0]?.tag as Language | undefined) ?? 'fr';
}

/** Whether `key` names a text of the catalogue (zod schemas carry keys as their messages). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(catalogue.fr, key);
}

export function allMessages(lang: Language): Readonly<Record<string, string>> {
  return catalogue[lang];
}
