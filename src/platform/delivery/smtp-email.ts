/** Emails over SMTP with nodemailer, from SMTP_URL (`smtp://user:pass@host:587`, `smtps://…`). */
import nodemailer from 'nodemailer';
import { DeliveryUnavailable, type EmailMessage } from './delivery.ts';

export interface SmtpSettings {
  url: string;
  /** The From header, e.g. `Créneau <no-reply@creneau.fr>`. */
  from: string;
  /** Connecting and greeting limit; a send fails after it rather than keeping the user waiting. */
  timeoutMs?: number;
}

export interface EmailSender {
  sendEmail(message: EmailMessage): Promise<void>;
}

/** One SMTP connection per message: few messages, nothing left open between them, nothing to close at shutdown. */
export function smtpEmailSender(settings: SmtpSettings): EmailSender {
  const timeout = settings.timeoutMs ?? 10_000;
  const transport = nodemailer.createTransport(
    { url: settings.url, connectionTimeout: timeout, greetingTimeout: timeout, socketTimeout: 3 * timeout, dnsTimeout: timeout },
    { from: settings.from },
  );
  return {
    async sendEmail(message) {
      try {
        await transport.sendMail({
          to: message.to,
          subject: message.subject,
          text: message.text,
          html: message.html,
          headers: { 'X-Creneau-Kind': message.kind },
        });
      } catch (error) {
        throw new DeliveryUnavailable('email', message.kind, smtpFailure(error));
      }
    },
  };
}

/** What went wrong, from the error's codes only: nodemailer's messages may quote the recipient's address. */
function smtpFailure(error: unknown): string {
  const { code, responseCode } = (error ?? {}) as { code?: unknown; responseCode?: unknown };
  return ['smtp', typeof code === 'string' ? code : 'error', typeof responseCode === 'number' ? String(responseCode) : '']
    .filter(Boolean).join(' ');
}
