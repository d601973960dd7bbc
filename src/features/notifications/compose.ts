/**
 * Turns claimed intents into messages: reads, once per worker batch, what the templates need (the appointment in
 * each recipient language, the calendar identity, the time before a move, the no-show count, the message links),
 * then renders each intent in its recipient's language (templates/render.ts). The email's Message-ID is derived
 * from the intent's idempotency key, so a message sent again after a crash carries the same id.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { EmailMessage, TextMessage } from '../../platform/delivery/delivery.ts';
import type { Language } from '../../platform/i18n/catalogue.ts';
import { appointmentLinks, countsTowardBlock, forgivenAtOf, loadAppointmentViews, type AppointmentView } from '../booking/index.ts';
import type { ClaimedIntent } from './claims.ts';
import type { NotificationSubject } from './subjects.ts';
import { renderNotification, type AppointmentFacts, type NotificationData } from './templates/render.ts';

export type Outgoing = { channel: 'email'; message: EmailMessage } | { channel: 'sms'; message: TextMessage };

export interface ComposeSettings {
  publicUrl: string;
  /** The From address (the invitation's organizer, and the Message-ID's domain). */
  senderEmail: string;
  now: Date;
}

interface Extras {
  appointmentId: string;
  calendarUid: string | null;
  previousStart: Date | null;
  noShowCount: number;
}

/** The kinds whose message carries « Déplacer » / « Annuler » links (D4): those of a still booked appointment. */
const WITH_LINKS = new Set(['confirmation', 'moved', 'reminder_7d', 'reminder_24h', 'reminder_sms_48h', 'reminder_sms_24h']);

/** Reads what the batch needs, then gives a function rendering one intent for its current address (null: no content). */
export async function composeBatch(
  db: Db, batch: readonly ClaimedIntent[], subjects: ReadonlyMap<string, NotificationSubject>, settings: ComposeSettings,
): Promise<(intent: ClaimedIntent, to: string) => Promise<Outgoing | null>> {
  const ids = [...new Set(batch.map((intent) => intent.appointmentId))].filter((id) => subjects.has(id));
  const languages = [...new Set(ids.map((id) => subjects.get(id)!.language))];
  const views = new Map<string, AppointmentView>();
  for (const language of languages) {
    const inLanguage = ids.filter((id) => subjects.get(id)!.language === language);
    for (const view of await loadAppointmentViews(db, inLanguage, language, settings.now)) views.set(view.id, view);
  }
  const extras = await loadExtras(db, batch, ids);
  return async (intent, to) => {
    const view = views.get(intent.appointmentId);
    const subject = subjects.get(intent.appointmentId);
    if (!view || !subject) return null;
    const data = await notificationData(db, intent, view, extras.get(intent.appointmentId), to, settings);
    return render(intent, data, subject.language, to, settings.senderEmail);
  };
}

/** The templates' input for one intent. */
async function notificationData(
  db: Db, intent: ClaimedIntent, view: AppointmentView, extra: Extras | undefined, to: string, settings: ComposeSettings,
): Promise<NotificationData> {
  const appointment = factsOf(view);
  const links = WITH_LINKS.has(intent.kind) ? await appointmentLinks(db, { id: view.id, start: appointment.start }, settings.publicUrl) : null;
  return {
    appointment,
    links,
    // The cancellation removes the event: one SEQUENCE past the last invitation sent (0 at booking, +1 per move).
    sequence: intent.kind === 'cancelled' ? intent.version + 1 : intent.version,
    recipientRole: intent.role,
    issuedAt: intent.createdAt,
    senderEmail: settings.senderEmail,
    ...(intent.channel === 'email' ? { recipientEmail: to } : {}),
    ...(extra?.calendarUid ? { calendarId: extra.calendarUid.replace(/@creneau$/, '') } : {}),
    ...(extra?.previousStart ? { previousStart: extra.previousStart } : {}),
    ...(intent.kind === 'no_show' ? { noShowCount: extra?.noShowCount ?? 1 } : {}),
  };
}

function render(intent: ClaimedIntent, data: NotificationData, language: Language, to: string, senderEmail: string): Outgoing | null {
  const rendered = renderNotification(intent.kind, data, language);
  if (intent.channel === 'sms') return rendered.sms ? { channel: 'sms', message: { to, text: rendered.sms.text, kind: intent.kind, language } } : null;
  if (!rendered.email) return null;
  const { subject, text, html, attachments } = rendered.email;
  return {
    channel: 'email',
    message: {
      to, subject, text, html, kind: intent.kind, messageId: messageIdOf(intent.idempotencyKey, senderEmail),
      ...(attachments?.length ? { attachments } : {}),
    },
  };
}

/** The address of a From header: `Créneau <rdv@creneau.fr>` → `rdv@creneau.fr`. */
export function senderAddress(mailFrom: string): string {
  return (/<([^<>\s]+@[^<>\s]+)>/.exec(mailFrom)?.[1] ?? mailFrom).trim();
}

/** `<hash of the idempotency key@sender's domain>`: stable for one message, reveals nothing of it. */
export function messageIdOf(idempotencyKey: string, senderEmail: string): string {
  const domain = senderEmail.split('@')[1] || 'creneau.localhost';
  return `<${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 40)}@${domain}>`;
}

function factsOf(view: AppointmentView): AppointmentFacts {
  return {
    id: view.id,
    start: new Date(view.start),
    end: new Date(view.end),
    practitionerName: view.practitioner.name,
    specialty: view.practitioner.specialty,
    placeName: view.place.name,
    address: view.place.address,
    postalCode: view.place.postalCode,
    city: view.place.city,
    reasonLabel: view.reason.label,
    patientName: [view.patient.firstName, view.patient.lastName].filter(Boolean).join(' '),
    patientIsHolder: view.patient.isHolder,
    practicePhone: view.practitioner.phone,
  };
}

/**
 * Calendar UID of each appointment; the start before the move for « moved » messages (the row it replaced); the
 * patient's no-shows with that practitioner since last unblocked (D5) for « no_show » messages. Each subquery runs
 * only where it is needed.
 */
async function loadExtras(db: Db, batch: readonly ClaimedIntent[], ids: readonly string[]): Promise<Map<string, Extras>> {
  if (!ids.length) return new Map();
  const moved = batch.filter((intent) => intent.kind === 'moved').map((intent) => intent.appointmentId);
  const missed = batch.filter((intent) => intent.kind === 'no_show').map((intent) => intent.appointmentId);
  const { rows } = await sql<Extras>`
    select a.id as "appointmentId", c.uid as "calendarUid",
           case when a.id = any(${moved}::uuid[]) then
             (select p.starts_at from appointments p where p.replaced_by = a.id order by p.starts_at limit 1) end as "previousStart",
           case when a.id = any(${missed}::uuid[]) then
             (select count(*)::int from appointments n
               where n.practitioner_id = a.practitioner_id and n.patient_id = a.patient_id and n.status = 'no_show'
                 and ${countsTowardBlock('n', forgivenAtOf(sql.ref('a.practitioner_id'), sql.ref('a.patient_id')))}) else 0 end as "noShowCount"
      from appointments a
      left join appointment_calendar c on c.appointment_id = a.id
     where a.id = any(${[...ids]}::uuid[])`.execute(db);
  return new Map(rows.map((row) => [row.appointmentId, row]));
}
