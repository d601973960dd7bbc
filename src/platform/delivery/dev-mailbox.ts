/** The development mailbox as a delivery: messages are kept in `dev_mailbox` and read at /dev/mailbox. */
import type { Db } from '../db/database.ts';
import { DeliveryUnavailable, type Delivery, type DeliveryChannel, type EmailMessage, type TextMessage } from './delivery.ts';

interface StoredMessage {
  channel: DeliveryChannel;
  kind: string;
  recipient: string;
  subject: string | null;
  text: string;
  html: string | null;
  attachments?: string | null;
}

/** Stores each message instead of sending it; `now` is the app's clock, so tests see their injected time. */
export function devMailboxDelivery(db: Db, now: () => Date = () => new Date()): Delivery {
  const store = async (message: StoredMessage): Promise<void> => {
    try {
      await db.insertInto('dev_mailbox').values({ ...message, sent_at: now() }).execute();
    } catch (error) {
      throw new DeliveryUnavailable(message.channel, message.kind, `dev mailbox: ${(error as { code?: string }).code ?? 'error'}`);
    }
  };
  return {
    sendEmail: (m: EmailMessage) =>
      store({
        channel: 'email', kind: m.kind, recipient: m.to, subject: m.subject, text: m.text, html: m.html,
        attachments: m.attachments?.length ? JSON.stringify(m.attachments.map(({ filename, contentType, content }) => ({ filename, contentType, content }))) : null,
      }),
    sendSms: (m: TextMessage) => store({ channel: 'sms', kind: m.kind, recipient: m.to, subject: null, text: m.text, html: null }),
    callVoice: (m: TextMessage) => store({ channel: 'voice', kind: m.kind, recipient: m.to, subject: null, text: m.text, html: null }),
  };
}
