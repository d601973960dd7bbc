/**
 * What the notifications read of an appointment, when writing its intents and again when firing them: its state,
 * the E4 switches, and who can be reached (A7: the account holder, and the relative it is for when that relative
 * has a contact of its own). One query for any number of appointments, so that a worker batch reads once.
 */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { AppointmentStatus } from '../../platform/db/schema.ts';
import type { Language } from '../../platform/i18n/catalogue.ts';
import type { Channel, Recipient, RecipientRole } from './domain/schedule.ts';

export interface NotificationSubject {
  appointmentId: string;
  status: AppointmentStatus;
  start: Date;
  /** E4: the reason's notifications are on and the practice did not switch them off for this patient. */
  notificationsOn: boolean;
  /** The holder's account language: every message of the appointment is written in it. */
  language: Language;
  recipients: Recipient[];
}

export interface SubjectRow {
  appointmentId: string;
  status: AppointmentStatus;
  start: Date;
  reasonOn: boolean;
  fileOff: boolean;
  isHolder: boolean | null;
  patientEmail: string | null;
  patientPhone: string | null;
  patientPhoneKind: 'mobile' | 'landline' | null;
  accountEmail: string | null;
  accountPhone: string | null;
  accountPhoneKind: 'mobile' | 'landline' | null;
  language: Language | null;
}

/** The subjects of these appointments, by id (a missing id: no such appointment). */
export async function loadNotificationSubjects(db: Db, appointmentIds: readonly string[]): Promise<Map<string, NotificationSubject>> {
  if (!appointmentIds.length) return new Map();
  const { rows } = await sql<SubjectRow>`
    select a.id as "appointmentId", a.status, a.starts_at as start,
           r.notifications as "reasonOn", coalesce(pf.notifications_off, false) as "fileOff",
           pt.is_holder as "isHolder", pt.email as "patientEmail", pt.phone as "patientPhone", pt.phone_kind as "patientPhoneKind",
           ac.email as "accountEmail", ac.phone as "accountPhone", ac.phone_kind as "accountPhoneKind", ac.language
      from appointments a
      join visit_reasons r on r.id = a.reason_id
      left join patients pt on pt.id = a.patient_id
      left join accounts ac on ac.id = pt.account_id
      left join patient_files pf on pf.practitioner_id = a.practitioner_id and pf.patient_id = a.patient_id
     where a.id = any(${[...new Set(appointmentIds)]}::uuid[])`.execute(db);
  return new Map(rows.map((row) => [row.appointmentId, toSubject(row)]));
}

/** One subject, or undefined. */
export async function loadNotificationSubject(db: Db, appointmentId: string): Promise<NotificationSubject | undefined> {
  return (await loadNotificationSubjects(db, [appointmentId])).get(appointmentId);
}

/** A subject from its row (also built by booking for an appointment it is about to write, enqueue.ts). */
export function toSubject(row: SubjectRow): NotificationSubject {
  const recipients: Recipient[] = [];
  if (row.accountEmail !== null || row.accountPhone !== null) {
    recipients.push({ role: 'holder', email: row.accountEmail, phone: row.accountPhone, phoneKind: row.accountPhoneKind });
  }
  // A relative's own contact (A7); the holder's patient row carries none: the account's contact is the holder's.
  if (row.isHolder === false && (row.patientEmail || row.patientPhone)) {
    recipients.push({ role: 'relative', email: row.patientEmail, phone: row.patientPhone, phoneKind: row.patientPhoneKind });
  }
  return {
    appointmentId: row.appointmentId,
    status: row.status,
    start: row.start,
    notificationsOn: row.reasonOn && !row.fileOff,
    language: row.language ?? 'fr',
    recipients,
  };
}

/** The emails an immediate message goes to: the holder's, then a relative's own one, each address once (A7). */
export function emailRecipients(recipients: readonly Recipient[]): RecipientRole[] {
  const seen = new Set<string>();
  const roles: RecipientRole[] = [];
  for (const role of ['holder', 'relative'] as const) {
    const email = recipients.find((recipient) => recipient.role === role)?.email?.trim().toLowerCase();
    if (!email || seen.has(email)) continue;
    seen.add(email);
    roles.push(role);
  }
  return roles;
}

/** Where a message for `role` on `channel` goes now; SMS only to a mobile (E3). */
export function currentAddress(recipients: readonly Recipient[], role: RecipientRole, channel: Channel): string | null {
  const recipient = recipients.find((candidate) => candidate.role === role);
  if (!recipient) return null;
  if (channel === 'email') return recipient.email?.trim() || null;
  return recipient.phoneKind === 'mobile' ? recipient.phone?.trim() || null : null;
}
