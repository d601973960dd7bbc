/**
 * The content of every appointment message (E1–E5, D2–D5), in the recipient's language: email (subject, HTML and an
 * equivalent plain text, the .ics invitation where the calendar must change) or SMS. Pure: the sender reads the
 * data when the message goes out and passes it here; rendering the same data twice gives the same bytes.
 */
import { translate, type Language } from '../../../platform/i18n/catalogue.ts';
import { buildCalendarInvite, calendarUid, type InviteMethod } from '../domain/ics.ts';
import { emailDocument, placeLine, practitionerLine, type EmailKind } from './email-content.ts';
import { renderEmailHtml, renderEmailText } from './email-layout.ts';
import { displayPhone } from './format.ts';
import {
  NOTIFICATION_CHANNEL, type AppointmentFacts, type EmailAttachment, type NotificationData, type NotificationKind,
  type RenderedNotification,
} from './notification-data.ts';
import { reminderSmsText } from './sms-text.ts';

export type {
  AppointmentFacts, EmailAttachment, MessageLinks, NotificationData, NotificationKind, RenderedNotification,
} from './notification-data.ts';
export { NOTIFICATION_CHANNEL, notificationKinds } from './notification-data.ts';

/** The calendar change each email carries: added (or updated) on booking and move, removed on cancellation. */
const INVITE_METHOD: Partial<Record<NotificationKind, InviteMethod>> = {
  confirmation: 'REQUEST',
  moved: 'REQUEST',
  cancelled: 'CANCEL',
};

/** The message of `kind` for one recipient. */
export function renderNotification(kind: NotificationKind, data: NotificationData, language: Language): RenderedNotification {
  const clean = { ...data, appointment: cleanFacts(data.appointment) };
  if (NOTIFICATION_CHANNEL[kind] === 'sms') return { sms: { text: reminderSmsText(clean, language) } };
  const document = emailDocument(kind as EmailKind, clean, language);
  const method = INVITE_METHOD[kind];
  return {
    email: {
      subject: document.subject,
      text: renderEmailText(document),
      html: renderEmailHtml(document),
      ...(method ? { attachments: [calendarAttachment(clean, method, language)] } : {}),
    },
  };
}

/** The .ics file: summary and place, no visit reason and no link token (calendars are often shared). */
function calendarAttachment(data: NotificationData, method: InviteMethod, lang: Language): EmailAttachment {
  const a = data.appointment;
  const line = (label: 'practitioner' | 'patient' | 'phone', value: string) =>
    translate(lang, 'notifications.fact_line', { label: translate(lang, `notifications.fact.${label}`), value });
  const description = [
    line('practitioner', practitionerLine(a)),
    line('patient', a.patientName),
    ...(a.practicePhone ? [line('phone', displayPhone(a.practicePhone))] : []),
    ...(method === 'REQUEST' ? [translate(lang, 'notifications.calendar.manage')] : []),
  ].join('\n');
  const content = buildCalendarInvite({
    uid: calendarUid(data.calendarId ?? a.id),
    sequence: data.sequence,
    method,
    start: a.start,
    end: a.end,
    summary: translate(lang, 'notifications.calendar.summary', { practitioner: a.practitionerName }),
    location: placeLine(a),
    description,
    organizerEmail: data.senderEmail,
    ...(data.recipientEmail ? { attendeeEmail: data.recipientEmail } : {}),
    now: data.issuedAt,
  });
  return {
    filename: translate(lang, 'notifications.calendar.filename'),
    content,
    contentType: `text/calendar; charset=utf-8; method=${method}`,
  };
}

/** Data as one-line texts: a line break or control character typed in a name cannot reshape a subject or an SMS. */
function cleanFacts(a: AppointmentFacts): AppointmentFacts {
  const oneLine = (value: string) => value.replace(/[\u0000-\u001F\u007F\u2028\u2029]+/g, ' ').replace(/ {2,}/g, ' ').trim();
  return {
    ...a,
    practitionerName: oneLine(a.practitionerName),
    specialty: oneLine(a.specialty),
    placeName: a.placeName === null ? null : oneLine(a.placeName),
    address: oneLine(a.address),
    postalCode: oneLine(a.postalCode),
    city: oneLine(a.city),
    reasonLabel: oneLine(a.reasonLabel),
    patientName: oneLine(a.patientName),
    practicePhone: a.practicePhone === null ? null : oneLine(a.practicePhone),
  };
}
