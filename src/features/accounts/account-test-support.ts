/**
 * For the tests of account management: a Delivery that records what leaves (and can be made to fail),
 * with readers for the code or link a person would find in the message; a session's headers after rotation.
 */
import assert from 'node:assert/strict';
import type { SignedInTest } from '../../../test/support/accounts.ts';
import { SESSION_COOKIE } from './sessions.ts';
import type { Delivery, DeliveryChannel, EmailMessage, TextMessage } from '../../platform/delivery/delivery.ts';
import { DeliveryUnavailable } from '../../platform/delivery/delivery.ts';

export interface SentMessage {
  channel: DeliveryChannel;
  to: string;
  kind: string;
  subject: string | null;
  text: string;
  html: string | null;
}

export interface RecordingDelivery extends Delivery {
  sent: SentMessage[];
  /** While true, every message is refused as by a provider that is down. */
  failing: boolean;
  /** Messages sent to `to`, oldest first. */
  to(to: string): SentMessage[];
  /** The 6-digit code of the last message to `to` (SMS, email, or a voice call reading digits one by one). */
  lastCode(to: string): string;
}

export function recordingDelivery(): RecordingDelivery {
  const sent: SentMessage[] = [];
  const delivery: RecordingDelivery = {
    sent,
    failing: false,
    async sendEmail(message: EmailMessage) {
      if (delivery.failing) throw new DeliveryUnavailable('email', message.kind, 'test: provider down');
      sent.push({ channel: 'email', to: message.to, kind: message.kind, subject: message.subject, text: message.text, html: message.html });
    },
    async sendSms(message: TextMessage) {
      if (delivery.failing) throw new DeliveryUnavailable('sms', message.kind, 'test: provider down');
      sent.push({ channel: 'sms', to: message.to, kind: message.kind, subject: null, text: message.text, html: null });
    },
    async callVoice(message: TextMessage) {
      if (delivery.failing) throw new DeliveryUnavailable('voice', message.kind, 'test: provider down');
      sent.push({ channel: 'voice', to: message.to, kind: message.kind, subject: null, text: message.text, html: null });
    },
    to: (to) => sent.filter((message) => message.to === to),
    lastCode(to) {
      const last = delivery.to(to).at(-1);
      if (!last) throw new Error(`nothing was sent to ${to}`);
      const match = /(\d(?: ?\d){5})/.exec(last.text);
      if (!match?.[1]) throw new Error(`no code in the last message to ${to}`);
      return match[1].replace(/ /g, '');
    },
  };
  return delivery;
}

/** The request headers of a session after the answer rotated its token (Set-Cookie read like a browser). */
export function rotatedHeaders(session: SignedInTest, setCookie: string | string[] | undefined): Record<string, string> {
  const lines = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  const line = lines.find((l) => l.startsWith(`${SESSION_COOKIE}=`));
  assert.ok(line, 'the answer sets a new session cookie');
  const token = line.slice(SESSION_COOKIE.length + 1).split(';')[0]!;
  const cookie = session.cookie.replace(new RegExp(`${SESSION_COOKIE}=[^;]*`), `${SESSION_COOKIE}=${token}`);
  return { cookie, 'x-csrf-token': session.csrfToken };
}
