/**
 * The one catalogue of user-facing texts, French first and English second: the server's, with every text. Each
 * feature keeps its texts in messages/<feature>.ts; the web app ships a catalogue of the texts it shows, built from
 * the same files (web-catalogue.ts).
 */
import { buildCatalogue, languages, type Language, type MessageKeysOf } from './catalogue-builder.ts';
import { common } from './messages/common.ts';
import { availability } from './messages/availability.ts';
import { web } from './messages/web.ts';
import { search } from './messages/search.ts';
import { practitioners } from './messages/practitioners.ts';
import { passwords } from './messages/passwords.ts';
import { delivery } from './messages/delivery.ts';
import { accountEmails, accountSettings } from './messages/account-settings.ts';
import { accountCodes, accounts } from './messages/accounts.ts';
import { webAccounts } from './messages/web-accounts.ts';
import { booking } from './messages/booking.ts';
import { bookingManage } from './messages/booking-manage.ts';
import { webBooking } from './messages/web-booking.ts';
import { notifications } from './messages/notifications.ts';
import { practiceAuth } from './messages/practice-auth.ts';
import { practice } from './messages/practice.ts';
import { webPractice } from './messages/web-practice.ts';

export { languages, type Language };

const sources = [common, availability, web, search, practitioners, passwords, delivery, accountSettings, accountEmails, accounts, accountCodes, webAccounts, booking, bookingManage, webBooking, notifications, practiceAuth, practice, webPractice] as const;

export type MessageKey = MessageKeysOf<(typeof sources)[number]>;

const catalogue = buildCatalogue<MessageKey>(sources);

/** The text for `key` in `lang`, with `{name}` placeholders filled from `params`. */
export const translate = catalogue.translate;

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
export const isMessageKey = catalogue.isMessageKey;

export const allMessages = catalogue.allMessages;
