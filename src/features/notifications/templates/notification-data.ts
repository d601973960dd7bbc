/**
 * What a template needs to write a message: plain data the sender reads from the appointment when the message goes
 * out (never the texts themselves, which come from the catalogue in the recipient's language).
 */
import type { RecipientRole } from '../domain/schedule.ts';

export type NotificationKind =
  | 'confirmation'
  | 'reminder_7d'
  | 'reminder_24h'
  | 'reminder_sms_48h'
  | 'reminder_sms_24h'
  | 'moved'
  | 'cancelled'
  | 'no_show';

export const notificationKinds: readonly NotificationKind[] = [
  'confirmation', 'reminder_7d', 'reminder_24h', 'reminder_sms_48h', 'reminder_sms_24h', 'moved', 'cancelled', 'no_show',
];

/** The channel each kind is written for (E1–E5): SMS only for the SMS reminders. */
export const NOTIFICATION_CHANNEL: Readonly<Record<NotificationKind, 'email' | 'sms'>> = {
  confirmation: 'email',
  reminder_7d: 'email',
  reminder_24h: 'email',
  reminder_sms_48h: 'sms',
  reminder_sms_24h: 'sms',
  moved: 'email',
  cancelled: 'email',
  no_show: 'email',
};

export interface AppointmentFacts {
  id: string;
  start: Date;
  end: Date;
  /** « Dr Jean Martin », as practitionerDisplayName writes it. */
  practitionerName: string;
  /** In the recipient's language. */
  specialty: string;
  placeName: string | null;
  address: string;
  postalCode: string;
  city: string;
  /** In the recipient's language. Health data: emails only, never in SMS or calendar files. */
  reasonLabel: string;
  /** « Léa Martin »: who the appointment is for. */
  patientName: string;
  /** False when the appointment is for a relative of the account holder. */
  patientIsHolder: boolean;
  /** E.164; shown for cancellations under 4 hours (D3). */
  practicePhone: string | null;
}

export interface MessageLinks {
  moveUrl: string;
  cancelUrl: string;
}

export interface NotificationData {
  appointment: AppointmentFacts;
  /** « Déplacer » / « Annuler » links (D4) from appointmentLinks(); null where they make no sense (cancelled, no-show). */
  links: MessageLinks | null;
  /** The calendar event's SEQUENCE: 0 at booking, +1 at each move and at the cancellation. */
  sequence: number;
  recipientRole: RecipientRole;
  /** When the change the message tells of happened (booking, move, cancellation): the invite's DTSTAMP. */
  issuedAt: Date;
  /** The address emails are sent from: the invite's organizer. */
  senderEmail: string;
  /** The recipient's email: the invite's attendee. */
  recipientEmail?: string;
  /** The first appointment of a chain of moves (replaced_by): names the calendar event. Defaults to appointment.id. */
  calendarId?: string;
  /** moved: when the appointment was before the move. */
  previousStart?: Date;
  /** no_show: how many no-shows this practitioner has now declared for the patient (the third blocks, D5). */
  noShowCount?: number;
}

export interface EmailAttachment {
  filename: string;
  content: string;
  contentType: string;
}

export interface RenderedNotification {
  email?: { subject: string; text: string; html: string; attachments?: EmailAttachment[] };
  sms?: { text: string };
}
