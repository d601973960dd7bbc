/**
 * The reminder schedule of one appointment (SPEC E2, E3, A7): which reminders go out, on which channel, to whom and
 * when. Pure: the booking time stands for « now ». Decisions (docs/decisions.md « Notifications — content »):
 * - « 7 days », « 48 h » and « 24 h » before are read on the Paris wall clock: the same time 7, 2 or 1 days earlier
 *   (an appointment at 09:00 is reminded at 09:00 the day before, also across a daylight-saving change, where that
 *   is 23 or 25 hours of real time). « Booked more than 7 days ahead » uses the same clock: booked before the
 *   7-day reminder time. So the two can never disagree.
 * - A reminder that would fire less than an hour after the booking is not planned: the confirmation says it all
 *   (booked 30 h ahead → the 24 h email and SMS still go 6 h later; booked 10 h ahead → none).
 * - Emails go to the holder and to a relative with an email of its own; the SMS goes to the relative's own phone when
 *   it has one (none when it is a landline), else to the holder's; SMS only to mobiles; a null kind is not a mobile.
 */
import { addDays, firstInstantAt, localDateAt, offsetAt, PARIS } from '../../availability/domain/zoned-time.ts';

export type ReminderKind = 'reminder_7d' | 'reminder_24h' | 'reminder_sms_48h' | 'reminder_sms_24h';
export type RecipientRole = 'holder' | 'relative';
export type PhoneKind = 'mobile' | 'landline';
export type Channel = 'email' | 'sms';

/** A person the appointment's messages may reach: the account holder, and the relative it is for (if any). */
export interface Recipient {
  role: RecipientRole;
  email: string | null;
  /** E.164 (+33612345678). */
  phone: string | null;
  phoneKind: PhoneKind | null;
}

export interface PlannedMessage {
  kind: ReminderKind;
  channel: Channel;
  /** An email address or an E.164 phone number, depending on the channel. */
  to: string;
  role: RecipientRole;
  sendAt: Date;
}

export interface ReminderInput {
  start: Date;
  /** When the appointment was booked (or moved to this time): reminders already due then are not planned. */
  bookedAt: Date;
  recipients: readonly Recipient[];
}

/** How many calendar days before the start each reminder fires, at the start's Paris wall-clock time. */
export const REMINDER_DAYS_BEFORE: Readonly<Record<ReminderKind, number>> = {
  reminder_7d: 7,
  reminder_sms_48h: 2,
  reminder_24h: 1,
  reminder_sms_24h: 1,
};

export const REMINDER_CHANNEL: Readonly<Record<ReminderKind, Channel>> = {
  reminder_7d: 'email',
  reminder_sms_48h: 'sms',
  reminder_24h: 'email',
  reminder_sms_24h: 'sms',
};

/** A reminder closer than this to the booking would arrive on the heels of the confirmation. */
export const REMINDER_MIN_LEAD_MS = 60 * 60 * 1000;

const DAY_MS = 86_400_000;

/** The reminders of an appointment booked far ahead (E2, E3) and of one booked within the week. */
const FAR_AHEAD: readonly ReminderKind[] = ['reminder_7d', 'reminder_sms_48h', 'reminder_24h'];
const WITHIN_THE_WEEK: readonly ReminderKind[] = ['reminder_sms_24h', 'reminder_24h'];

/** Every reminder to send for this appointment, soonest first (emails before the SMS at the same time). */
export function planReminders(input: ReminderInput): PlannedMessage[] {
  const kinds = isMoreThanSevenDaysAhead(input.start, input.bookedAt) ? FAR_AHEAD : WITHIN_THE_WEEK;
  const planned: PlannedMessage[] = [];
  for (const kind of kinds) {
    const sendAt = reminderTime(input.start, kind);
    if (sendAt.getTime() - input.bookedAt.getTime() < REMINDER_MIN_LEAD_MS) continue;
    const channel = REMINDER_CHANNEL[kind];
    const addressees = channel === 'email' ? emailAddressees(input.recipients) : smsAddressees(input.recipients);
    for (const { to, role } of addressees) planned.push({ kind, channel, to, role, sendAt });
  }
  return planned.sort(bySendTime);
}

/** Booked before the 7-day reminder time, i.e. strictly more than 7 days (Paris calendar) ahead. */
export function isMoreThanSevenDaysAhead(start: Date, bookedAt: Date): boolean {
  return bookedAt.getTime() < reminderTime(start, 'reminder_7d').getTime();
}

/** When a reminder fires: the start's Paris wall-clock time, that many days earlier. */
export function reminderTime(start: Date, kind: ReminderKind): Date {
  return sameWallTimeDaysBefore(start, REMINDER_DAYS_BEFORE[kind]);
}

/**
 * The same Paris wall-clock time `days` calendar days earlier. A time that does not exist that day (spring gap)
 * gives the end of the gap; one that exists twice (autumn) gives the earlier instant.
 */
export function sameWallTimeDaysBefore(instant: Date, days: number): Date {
  const ms = instant.getTime();
  const wallMs = ms + offsetAt(ms, PARIS);
  const msIntoDay = ((wallMs % DAY_MS) + DAY_MS) % DAY_MS;
  const wholeSeconds = Math.floor(msIntoDay / 1000);
  const date = addDays(localDateAt(ms, PARIS), -days);
  return new Date(firstInstantAt(date, wholeSeconds, PARIS) + (msIntoDay - wholeSeconds * 1000));
}

/** The holder's email and the relative's own one, each address once. */
function emailAddressees(recipients: readonly Recipient[]): Array<{ to: string; role: RecipientRole }> {
  const seen = new Set<string>();
  const addressees: Array<{ to: string; role: RecipientRole }> = [];
  for (const recipient of holderFirst(recipients)) {
    const email = recipient.email?.trim();
    if (!email || seen.has(email.toLowerCase())) continue;
    seen.add(email.toLowerCase());
    addressees.push({ to: email, role: recipient.role });
  }
  return addressees;
}

/** The phone of the appointment: the relative's own when it has one, else the holder's; only if it is a mobile. */
function smsAddressees(recipients: readonly Recipient[]): Array<{ to: string; role: RecipientRole }> {
  const relative = recipients.find((recipient) => recipient.role === 'relative' && recipient.phone?.trim());
  const owner = relative ?? recipients.find((recipient) => recipient.role === 'holder' && recipient.phone?.trim());
  if (!owner || owner.phoneKind !== 'mobile') return [];
  return [{ to: owner.phone!.trim(), role: owner.role }];
}

function holderFirst(recipients: readonly Recipient[]): Recipient[] {
  return [...recipients].sort((a, b) => Number(a.role !== 'holder') - Number(b.role !== 'holder'));
}

function bySendTime(a: PlannedMessage, b: PlannedMessage): number {
  return a.sendAt.getTime() - b.sendAt.getTime()
    || Number(a.channel !== 'email') - Number(b.channel !== 'email')
    || Number(a.role !== 'holder') - Number(b.role !== 'holder');
}
