/**
 * Whether an intent still deserves sending when it fires, judged on the appointment as it is NOW (re-read by the
 * worker), never as it was when the intent was written: a reminder of a cancelled, moved or past appointment is
 * dropped, so is anything once notifications are switched off (E4) or once its recipient has no usable contact.
 */
import type { NotificationKind } from '../../platform/db/schema.ts';
import type { Channel, RecipientRole } from './domain/schedule.ts';
import { currentAddress, type NotificationSubject } from './subjects.ts';

export type FiringVerdict = { send: true; to: string } | { send: false; outcome: string };

export interface FiringIntent {
  kind: NotificationKind;
  channel: Channel;
  role: RecipientRole;
  plannedStart: Date;
}

/** The status an appointment must still have for each kind of message. */
const REQUIRED_STATUS: Readonly<Record<NotificationKind, 'booked' | 'cancelled' | 'no_show'>> = {
  confirmation: 'booked',
  moved: 'booked',
  reminder_7d: 'booked',
  reminder_24h: 'booked',
  reminder_sms_48h: 'booked',
  reminder_sms_24h: 'booked',
  cancelled: 'cancelled',
  no_show: 'no_show',
};

/** Send (to the recipient's current address) or drop (with the reason kept as the intent's outcome). */
export function judgeFiring(intent: FiringIntent, subject: NotificationSubject | undefined, now: Date): FiringVerdict {
  if (!subject) return { send: false, outcome: 'appointment_gone' };
  if (!subject.notificationsOn) return { send: false, outcome: 'notifications_off' };
  const required = REQUIRED_STATUS[intent.kind];
  if (subject.status !== required) return { send: false, outcome: `appointment_${subject.status}` };
  if (required === 'booked') {
    // Moved in place since (a practice changing the time): the intents of the new time are the ones to send.
    if (subject.start.getTime() !== intent.plannedStart.getTime()) return { send: false, outcome: 'rescheduled' };
    if (subject.start.getTime() <= now.getTime()) return { send: false, outcome: 'started' };
  }
  const to = currentAddress(subject.recipients, intent.role, intent.channel);
  if (to === null) return { send: false, outcome: intent.channel === 'sms' ? 'no_mobile' : 'no_email' };
  return { send: true, to };
}
