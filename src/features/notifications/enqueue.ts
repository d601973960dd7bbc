/**
 * The transactional outbox's entry point (SPEC E1–E5, D2–D5): booking use cases call
 * `enqueueAppointmentNotification` INSIDE their transaction, so the message intents commit or roll back with the
 * appointment change itself: no booking without its confirmation, no confirmation of a booking that failed.
 * The worker (worker.ts) sends them later; reminders wait for their `send_at`.
 */
import type { Db } from '../../platform/db/database.ts';
import type { NotificationKind } from '../../platform/db/schema.ts';
import { calendarUid } from './domain/ics.ts';
import { planReminders } from './domain/schedule.ts';
import {
  dropPendingIntents, ensureCalendarIdentity, findCalendarIdentity, findPredecessors, idempotencyKey, insertIntents,
  saveCalendarIdentity, type CalendarIdentity, type NewIntent,
} from './outbox.ts';
import {
  emailRecipients, loadNotificationSubject, toSubject, type NotificationSubject, type SubjectRow,
} from './subjects.ts';

export type AppointmentEvent = 'booked' | 'moved' | 'cancelled' | 'no_show';

export interface AppointmentNotification {
  appointmentId: string;
  /** booked: confirmation + reminders; moved (called with the NEW appointment): moved + reminders; cancelled; no_show. */
  event: AppointmentEvent;
  now: Date;
}

/** The message each event sends at once, by email (E1, E5, D5). */
const IMMEDIATE_KIND: Readonly<Record<AppointmentEvent, NotificationKind>> = {
  booked: 'confirmation',
  moved: 'moved',
  cancelled: 'cancelled',
  no_show: 'no_show',
};

/** Writes the intents this change owes the patient and drops the stale ones; returns how many were written. */
export async function enqueueAppointmentNotification(trx: Db, { appointmentId, event, now }: AppointmentNotification): Promise<number> {
  const calendar = await advanceCalendar(trx, appointmentId, event);
  await dropSuperseded(trx, appointmentId, event, calendar.sequence, now);
  const subject = await loadNotificationSubject(trx, appointmentId);
  // E4: switched off per reason or per patient, nothing is written; the appointment itself is untouched.
  if (!subject || !subject.notificationsOn) return 0;
  return insertIntents(trx, planIntents(subject, event, calendar.sequence, now), now);
}

/** What a writer storing a new booking's intents itself needs: its calendar UID and the intents, keyed. */
export interface NewBookingIntents {
  calendarUid: string;
  intents: Array<Pick<NewIntent, 'kind' | 'channel' | 'role' | 'sendAt' | 'plannedStart'> & { key: string }>;
}

/**
 * The intents a booking about to be written owes (E1–E4), for a writer that stores them in the same statement as the
 * booking (booking's `booking_confirm`): the same plan as `enqueueAppointmentNotification(…, 'booked')`, from the
 * subject as it will read once booked, at calendar sequence 0 (a new appointment). Switched off (E4): none.
 */
export function intentsForNewBooking(
  appointmentId: string, start: Date, subject: Omit<SubjectRow, 'appointmentId' | 'status' | 'start'>, now: Date,
): NewBookingIntents {
  const planned = toSubject({ ...subject, appointmentId, status: 'booked', start });
  const intents = planned.notificationsOn ? planIntents(planned, 'booked', 0, now) : [];
  return {
    calendarUid: calendarUid(appointmentId),
    intents: intents.map((intent) => ({
      key: idempotencyKey(intent), kind: intent.kind, channel: intent.channel, role: intent.role,
      sendAt: intent.sendAt, plannedStart: intent.plannedStart,
    })),
  };
}

/** The messages of one event: the immediate email to each recipient, then the reminders of a booked time (E2, E3). */
export function planIntents(subject: NotificationSubject, event: AppointmentEvent, version: number, now: Date): NewIntent[] {
  const base = { appointmentId: subject.appointmentId, version, plannedStart: subject.start };
  const immediate: NewIntent[] = emailRecipients(subject.recipients)
    .map((role) => ({ ...base, kind: IMMEDIATE_KIND[event], channel: 'email', role, sendAt: now }));
  if ((event !== 'booked' && event !== 'moved') || subject.status !== 'booked') return immediate;
  const reminders = planReminders({ start: subject.start, bookedAt: now, recipients: subject.recipients })
    .map((planned): NewIntent => ({ ...base, kind: planned.kind, channel: planned.channel, role: planned.role, sendAt: planned.sendAt }));
  return [...immediate, ...reminders];
}

/**
 * The calendar identity after this event (RFC 5545 UID and SEQUENCE, also the intents' version): a booking starts
 * at 0; a move keeps the moved appointment's UID with the next sequence (a new row, or the same row moved in place).
 */
async function advanceCalendar(trx: Db, appointmentId: string, event: AppointmentEvent): Promise<CalendarIdentity> {
  if (event !== 'moved') return ensureCalendarIdentity(trx, appointmentId, { uid: calendarUid(appointmentId), sequence: 0 });
  const own = await findCalendarIdentity(trx, appointmentId);
  const next = own ? { uid: own.uid, sequence: own.sequence + 1 } : await successorOf(trx, appointmentId);
  await saveCalendarIdentity(trx, appointmentId, next);
  return next;
}

/** The identity of a row a move created: its predecessor's UID, one sequence further. */
async function successorOf(trx: Db, appointmentId: string): Promise<CalendarIdentity> {
  const [predecessor] = await findPredecessors(trx, appointmentId);
  if (predecessor === undefined) return { uid: calendarUid(appointmentId), sequence: 1 };
  const previous = await findCalendarIdentity(trx, predecessor) ?? { uid: calendarUid(predecessor), sequence: 0 };
  return { uid: previous.uid, sequence: previous.sequence + 1 };
}

/** Pending messages that this change makes wrong: the old time's reminders, anything left of a cancelled appointment. */
async function dropSuperseded(trx: Db, appointmentId: string, event: AppointmentEvent, version: number, now: Date): Promise<void> {
  if (event === 'booked') return;
  if (event === 'moved') {
    await dropPendingIntents(trx, await findPredecessors(trx, appointmentId), 'moved', now);
    await dropPendingIntents(trx, [appointmentId], 'moved', now, version);
    return;
  }
  await dropPendingIntents(trx, [appointmentId], event, now);
}

