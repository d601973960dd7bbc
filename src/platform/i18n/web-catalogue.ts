/**
 * The web app's catalogue: its own message files and the server texts it shows itself (field errors recognised and
 * placed under their field, sector explanations, the 8-day choice buttons, refusals). The texts only the server
 * sends (code messages, emails, notifications, the development mailbox, search and practice API errors) stay out
 * of the bundle. Built from the same per-feature files as the server's catalogue.ts: each text is written once.
 */
import { buildCatalogue, languages, type Language, type MessageKeysOf } from './catalogue-builder.ts';
import { common } from './messages/common.ts';
import { passwords } from './messages/passwords.ts';
import { practitioners } from './messages/practitioners.ts';
import { accounts } from './messages/accounts.ts';
import { accountSettings } from './messages/account-settings.ts';
import { booking } from './messages/booking.ts';
import { bookingManage } from './messages/booking-manage.ts';
import { web } from './messages/web.ts';
import { webAccounts } from './messages/web-accounts.ts';
import { webBooking } from './messages/web-booking.ts';
import type { webPractice } from './messages/web-practice.ts';

export { languages, type Language };

const sources = [common, passwords, practitioners, accounts, accountSettings, booking, bookingManage, web, webAccounts, webBooking] as const;

/**
 * The keys the web app may use: `t()` refuses the server-only ones at type-check time. The practitioner space's texts
 * (web-practice.ts) are among them but not in `sources`: its lazily loaded chunk adds them (`extendCatalogue`) before
 * it renders, so patients never download them.
 */
export type MessageKey = MessageKeysOf<(typeof sources)[number] | typeof webPractice>;

const catalogue = buildCatalogue<MessageKey>(sources);

export const translate = catalogue.translate;
export const allMessages = catalogue.allMessages;
export const extendCatalogue = catalogue.extend;
