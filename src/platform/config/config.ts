/** Settings read once from the environment, with defaults that make a fresh clone run. */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface Config {
  /** External PostgreSQL; when absent, an embedded server is started with data under `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  host: string;
  port: number;
  /** True when PORT was set: then that port or nothing, since a proxy or a client expects it. */
  portRequired: boolean;
  /** Practitioners generated on first start when the database is empty (0 with DATABASE_URL or in production). */
  demoPractitioners: number;
  /** Public URL printed at start and used in links. */
  publicUrl: string | undefined;
  production: boolean;
  /**
   * How long search result lists may reuse computed next free slots, and holds the agenda days they check slots
   * against (docs/decisions.md « Performance », « Booking — performance »); both forgotten at each agenda change.
   */
  listSlotsCacheMs: number;
  /**
   * Whether each server process remembers the sessions it checked, while it hears of ended ones
   * (CRENEAU_SESSION_MEMORY, `0` turns it off; docs/decisions.md « Accounts — sessions in memory »).
   */
  sessionMemory: boolean;
  /**
   * PostgreSQL connections of the server's pool (CRENEAU_DATABASE_POOL_SIZE); default 4 per core, 8 to 20: more
   * concurrent transactions than the cores can run only queue inside PostgreSQL (docs/performance.md « Booking »).
   */
  databasePoolSize: number;
  /**
   * TRUST_PROXY: behind a reverse proxy, which X-Forwarded-For hops give the client IP used by rate limits
   * (`true`, a hop count, or addresses/CIDRs separated by commas); absent: the socket address (no proxy).
   */
  trustProxy: boolean | number | string[];
  /** SMTP server for emails (`smtp://user:pass@host:587`, `smtps://…`); absent: emails go to the development mailbox. */
  smtpUrl: string | undefined;
  /** Sender of every email. */
  mailFrom: string;
  /** Twilio-compatible provider for SMS and voice calls; absent: they go to the development mailbox. */
  twilio: TwilioConfig | undefined;
  /**
   * Notification worker processes `npm start` forks (CRENEAU_NOTIFICATION_WORKERS; src/notifications-worker.ts):
   * one saturates a core at ~550 messages/s; default one per core, at most 2; 0: the worker runs inside the server.
   */
  notificationWorkers: number;
  /**
   * Messages a notification worker has in flight at once (CRENEAU_NOTIFICATION_CONCURRENCY, default 16): also the
   * bound on the copies its crash may send.
   */
  notificationConcurrency: number;
  /** SMTP connections each notification worker keeps open (CRENEAU_NOTIFICATION_SMTP_CONNECTIONS, default 4). */
  notificationSmtpConnections: number;
  /** How often an idle notification worker looks at the outbox (CRENEAU_NOTIFICATION_POLL_MS, default 500). */
  notificationPollMs: number;
}

export interface TwilioConfig {
  accountSid: string;
  authToken: string;
  /** The calling and sending number (E.164) or sender id. */
  from: string;
  /** Base URL of the REST API (another region, or a compatible gateway). */
  apiUrl: string;
}

/** Twilio settings when TWILIO_ACCOUNT_SID is set; a half-configured provider stops the start with the missing names. */
function twilioConfig(env: NodeJS.ProcessEnv): TwilioConfig | undefined {
  if (!env.TWILIO_ACCOUNT_SID) return undefined;
  const missing = ['TWILIO_AUTH_TOKEN', 'TWILIO_FROM'].filter((name) => !env[name]);
  if (missing.length) throw new Error(`TWILIO_ACCOUNT_SID is set but ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} missing`);
  return {
    accountSid: env.TWILIO_ACCOUNT_SID,
    authToken: env.TWILIO_AUTH_TOKEN ?? '',
    from: env.TWILIO_FROM ?? '',
    apiUrl: (env.TWILIO_API_URL || 'https://api.twilio.com').replace(/\/+$/, ''),
  };
}

/** TRUST_PROXY read as Fastify's trustProxy: 'true', a hop count, or a list of proxy addresses. */
function trustProxyOf(value: string | undefined): boolean | number | string[] {
  if (!value || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value.split(',').map((part) => part.trim()).filter(Boolean);
}

/** Four connections per core, at least 8 and at most 20 (8 on the 2-core machines the project runs on). */
export function defaultPoolSize(): number {
  return Math.min(20, Math.max(8, 4 * os.availableParallelism()));
}

/** One notification worker process per core, at most 2 (the target rate needs 2; more only share the same database). */
export function defaultNotificationWorkers(): number {
  return Math.min(2, os.availableParallelism());
}

/** A whole-number setting, `fallback` when absent; anything else stops the start with the setting's name. */
function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  if (!/^\d+$/.test(value.trim()) || Number(value) < min) throw new Error(`${name} must be a whole number, at least ${min}`);
  return Number(value);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(projectRoot, env.CRENEAU_DATA_DIR ?? '.data'),
    host: env.HOST ?? '127.0.0.1',
    port: Number(env.PORT ?? 3000),
    portRequired: Boolean(env.PORT),
    // Demo data goes into the embedded development database only, unless asked for explicitly.
    demoPractitioners: Number(env.CRENEAU_DEMO_PRACTITIONERS ?? (env.DATABASE_URL || env.NODE_ENV === 'production' ? 0 : 2000)),
    publicUrl: env.PUBLIC_URL || undefined,
    production: env.NODE_ENV === 'production',
    listSlotsCacheMs: Number(env.CRENEAU_LIST_SLOTS_CACHE_MS ?? 30_000),
    sessionMemory: env.CRENEAU_SESSION_MEMORY !== '0',
    databasePoolSize: Number(env.CRENEAU_DATABASE_POOL_SIZE || defaultPoolSize()),
    trustProxy: trustProxyOf(env.TRUST_PROXY),
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || 'Créneau <no-reply@creneau.localhost>',
    twilio: twilioConfig(env),
    notificationWorkers: wholeNumber(env, 'CRENEAU_NOTIFICATION_WORKERS', defaultNotificationWorkers(), 0),
    notificationConcurrency: wholeNumber(env, 'CRENEAU_NOTIFICATION_CONCURRENCY', 16, 1),
    notificationSmtpConnections: wholeNumber(env, 'CRENEAU_NOTIFICATION_SMTP_CONNECTIONS', 4, 1),
    notificationPollMs: wholeNumber(env, 'CRENEAU_NOTIFICATION_POLL_MS', 500, 1),
  };
}
