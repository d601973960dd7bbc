/**
 * The one way messages leave Créneau: features call `context.delivery`, never a provider.
 * Implementations: SMTP email, a Twilio-compatible SMS/voice client, and the development mailbox
 * (a table read at /dev/mailbox) for every channel without a provider. See createDelivery().
 */
import { AppError } from '../errors.ts';
import type { Language } from '../i18n/catalogue.ts';

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** A short label of what the message is ('signup_code'): shown in the mailbox and logs instead of the content. */
  kind: string;
  /** Files sent with the email (the appointment's .ics invitation). */
  attachments?: EmailAttachment[];
  /**
   * The Message-ID header, `<id@domain>`, derived from the sender's idempotency key: a message sent twice (a retry
   * after a crash) carries the same id, so mail clients and providers can recognise the copy. Omitted: a fresh one.
   */
  messageId?: string;
}

export interface EmailAttachment {
  filename: string;
  /** MIME type, e.g. 'text/calendar; method=REQUEST; charset=utf-8'. */
  contentType: string;
  /** The file's text (attachments here are text: calendar invitations). */
  content: string;
}

export interface TextMessage {
  /** E.164 phone number (+33612345678). */
  to: string;
  text: string;
  kind: string;
  /** Language the voice call reads `text` in (default French); SMS ignore it. */
  language?: Language;
}

export interface Delivery {
  sendEmail(message: EmailMessage): Promise<void>;
  sendSms(message: TextMessage): Promise<void>;
  /** A robot voice call reading `text` (landlines, A2): digits one by one, twice. */
  callVoice(message: TextMessage): Promise<void>;
}

export type DeliveryChannel = 'email' | 'sms' | 'voice';
export const deliveryChannels: readonly DeliveryChannel[] = ['email', 'sms', 'voice'];

/**
 * The provider could not take the message (down, refused, misconfigured): the user may retry.
 * `reason` is for operators' logs and never holds a recipient or a message body.
 */
export class DeliveryUnavailable extends AppError {
  constructor(
    readonly channel: DeliveryChannel,
    readonly messageKind: string,
    readonly reason: string,
  ) {
    super('unavailable', 'error.delivery_unavailable');
  }
}
