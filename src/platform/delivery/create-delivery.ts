/** Picks, per channel, the provider configured in the environment, else the development mailbox. */
import type { Config } from '../config/config.ts';
import type { Db } from '../db/database.ts';
import { DeliveryUnavailable, deliveryChannels, type Delivery, type DeliveryChannel } from './delivery.ts';
import { devMailboxDelivery } from './dev-mailbox.ts';
import { smtpEmailSender } from './smtp-email.ts';
import { twilioTextSender } from './twilio.ts';

type ProviderConfig = Pick<Config, 'smtpUrl' | 'mailFrom' | 'twilio' | 'production'>;

export type ChannelProvider = 'smtp' | 'twilio' | 'dev-mailbox' | 'none';

/** Which implementation serves each channel: a provider, else the mailbox in development, else none (production). */
export function channelProviders(config: ProviderConfig): Record<DeliveryChannel, ChannelProvider> {
  const fallback: ChannelProvider = config.production ? 'none' : 'dev-mailbox';
  const text: ChannelProvider = config.twilio ? 'twilio' : fallback;
  return { email: config.smtpUrl ? 'smtp' : fallback, sms: text, voice: text };
}

/** The development mailbox pages exist only outside production and when some channel lands in the mailbox. */
export function devMailboxEnabled(config: ProviderConfig): boolean {
  const providers = channelProviders(config);
  return deliveryChannels.some((channel) => providers[channel] === 'dev-mailbox');
}

/**
 * `smtpConnections` keeps that many SMTP connections open (the notifications worker sends many messages); the
 * returned `close` ends them at shutdown.
 */
export function createDelivery(
  config: ProviderConfig, db: Db, now: () => Date = () => new Date(), options: { smtpConnections?: number } = {},
): Delivery & { close(): void } {
  const providers = channelProviders(config);
  const mailbox = devMailboxDelivery(db, now);
  const email = config.smtpUrl
    ? smtpEmailSender({ url: config.smtpUrl, from: config.mailFrom, ...(options.smtpConnections ? { pooledConnections: options.smtpConnections } : {}) })
    : undefined;
  const text = config.twilio ? twilioTextSender(config.twilio) : undefined;
  // In production a channel without a provider fails visibly: codes must never sit unread in a table.
  const refuse = (channel: DeliveryChannel, kind: string) => Promise.reject(new DeliveryUnavailable(channel, kind, 'no provider configured'));
  return {
    close: () => email?.close(),
    sendEmail: (message) => email?.sendEmail(message)
      ?? (providers.email === 'dev-mailbox' ? mailbox.sendEmail(message) : refuse('email', message.kind)),
    sendSms: (message) => text?.sendSms(message)
      ?? (providers.sms === 'dev-mailbox' ? mailbox.sendSms(message) : refuse('sms', message.kind)),
    callVoice: (message) => text?.callVoice(message)
      ?? (providers.voice === 'dev-mailbox' ? mailbox.callVoice(message) : refuse('voice', message.kind)),
  };
}
