/**
 * SMS and robot voice calls through a Twilio-compatible REST API (api.twilio.com or a gateway speaking its protocol):
 * POST /2010-04-01/Accounts/{sid}/Messages.json or Calls.json, form-encoded, HTTP Basic auth sid:token, 201 + JSON.
 */
import type { TwilioConfig } from '../config/config.ts';
import type { Language } from '../i18n/catalogue.ts';
import { DeliveryUnavailable, type DeliveryChannel, type TextMessage } from './delivery.ts';

export interface TextSender {
  sendSms(message: TextMessage): Promise<void>;
  callVoice(message: TextMessage): Promise<void>;
}

/** Twilio refuses a `Twiml` parameter longer than this. */
const twimlLimit = 4000;

const voiceLocales: Record<Language, string> = { fr: 'fr-FR', en: 'en-GB' };

export function twilioTextSender(settings: TwilioConfig, timeoutMs = 10_000): TextSender {
  const authorization = `Basic ${Buffer.from(`${settings.accountSid}:${settings.authToken}`).toString('base64')}`;
  const resourceUrl = (resource: 'Messages' | 'Calls') =>
    `${settings.apiUrl}/2010-04-01/Accounts/${encodeURIComponent(settings.accountSid)}/${resource}.json`;

  /** Creates one Message or Call resource; anything but a 2xx answer carrying the new resource's sid is a failure. */
  async function create(channel: DeliveryChannel, kind: string, resource: 'Messages' | 'Calls', fields: Record<string, string>) {
    let response: Response;
    try {
      response = await fetch(resourceUrl(resource), {
        method: 'POST',
        headers: { authorization, accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields).toString(),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new DeliveryUnavailable(channel, kind, `twilio ${networkFailure(error)}`);
    }
    const answer = (await response.json().catch(() => null)) as { sid?: unknown; code?: unknown } | null;
    if (!response.ok) {
      // Twilio's error body is { code, message, more_info, status }; its message may quote the number, so only the code is kept.
      const code = typeof answer?.code === 'number' ? ` code ${answer.code}` : '';
      throw new DeliveryUnavailable(channel, kind, `twilio http ${response.status}${code}`);
    }
    if (typeof answer?.sid !== 'string') throw new DeliveryUnavailable(channel, kind, `twilio http ${response.status} without sid`);
  }

  return {
    sendSms: (message) => create('sms', message.kind, 'Messages', { To: message.to, From: settings.from, Body: message.text }),
    async callVoice(message) {
      const twiml = voiceTwiml(message.text, message.language ?? 'fr');
      if (twiml.length > twimlLimit) throw new DeliveryUnavailable('voice', message.kind, 'twiml too long');
      await create('voice', message.kind, 'Calls', { To: message.to, From: settings.from, Twiml: twiml });
    },
  };
}

/** The TwiML of a voice call: the text said twice, digits one by one so that a code can be written down. */
export function voiceTwiml(text: string, language: Language): string {
  const say = `<Say language="${voiceLocales[language]}">${escapeXml(spellDigits(text))}</Say>`;
  return `<Response>${say}<Pause length="1"/>${say}</Response>`;
}

/** « 123456 » → « 1 2 3 4 5 6 »: a speech engine would otherwise read « cent vingt-trois mille… ». */
export function spellDigits(text: string): string {
  return text.replace(/\d{2,}/g, (digits) => digits.split('').join(' '));
}

/** Escapes XML text and drops the control characters XML 1.0 cannot carry. */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** A network failure's kind (refused, timed out…), never its message. */
function networkFailure(error: unknown): string {
  const err = error as { name?: string; cause?: { code?: unknown } };
  if (err?.name === 'TimeoutError') return 'timeout';
  return typeof err?.cause?.code === 'string' ? err.cause.code : 'network error';
}
