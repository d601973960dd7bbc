/**
 * `npm run notifications:worker`: one notifications worker process — what `npm start` forks
 * CRENEAU_NOTIFICATION_WORKERS times, and what a deployment may run on other machines (workers share the outbox
 * through its claims, src/features/notifications/claims.ts). Needs DATABASE_URL; PUBLIC_URL for the links in
 * messages; SMTP_URL, MAIL_FROM, TWILIO_* and CRENEAU_NOTIFICATION_* as the server reads them.
 * Forked with an IPC channel, it sends `{ ready: true, key }` once working and stops when that channel closes (its
 * parent died). SIGTERM (and SIGINT when run alone) stops it gracefully: the messages in flight finish first.
 * Errors go to stderr as codes only: addresses and texts (health data) never reach a log.
 */
import { loadConfig, type Config } from './platform/config/config.ts';
import { openDatabase } from './platform/db/database.ts';
import { channelProviders, createDelivery } from './platform/delivery/create-delivery.ts';
import { senderAddress, startNotificationWorker } from './features/notifications/index.ts';

const forked = typeof process.send === 'function';
const fail = (line: string): never => {
  process.stderr.write(`Créneau notifications worker: ${line}\n`);
  process.exit(1);
};

/** An error's code or name and where it was thrown, never its message (it may quote an address or a text). */
function describeError(error: unknown): string {
  const { code, name, stack } = (error ?? {}) as { code?: unknown; name?: unknown; stack?: unknown };
  const label = typeof code === 'string' ? code : typeof name === 'string' ? name : 'error';
  const frames = typeof stack === 'string' ? stack.split('\n').slice(1, 4).map((line) => line.trim()).join(' ← ') : '';
  return frames ? `${label} ${frames}` : label;
}

process.on('uncaughtException', (error) => fail(`stopped by an unexpected error (${describeError(error)})`));
process.on('unhandledRejection', (error) => fail(`stopped by an unexpected error (${describeError(error)})`));

/** The settings, or the start stops with the error (configuration errors name settings, never their values). */
function readConfig(): Config {
  try {
    return loadConfig();
  } catch (error) {
    return fail((error as Error).message);
  }
}

const config = readConfig();
const databaseUrl = config.databaseUrl ?? fail('DATABASE_URL is required (the PostgreSQL database of the Créneau server, '
  + 'postgres://user:password@host:5432/creneau); `npm start` sets it for the workers it starts itself.');
const publicUrl = config.publicUrl ?? `http://localhost:${config.port}/`;
if (!config.publicUrl && !forked) {
  process.stderr.write(`Créneau notifications worker: PUBLIC_URL is not set; links in messages point to ${publicUrl}\n`);
}

const now = () => new Date();
// The worker's connections: one per message in flight, its liveness lock, and a few for the batched « sent » marks.
const database = openDatabase(databaseUrl, config.notificationConcurrency + 4);
const delivery = createDelivery(config, database.db, now, { smtpConnections: config.notificationSmtpConnections });
const worker = await startNotificationWorker({
  db: database.db,
  delivery,
  publicUrl,
  senderEmail: senderAddress(config.mailFrom),
  now,
  concurrency: config.notificationConcurrency,
  pollMs: config.notificationPollMs,
  onError: (message) => process.stderr.write(`Créneau: ${message}\n`),
}).catch((error: unknown) => fail(`cannot start (${describeError(error)})`));

let stopping = false;
/** Lets the messages in flight finish, then closes connections; a stop that hangs ends after 30 s anyway. */
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  setTimeout(() => process.exit(1), 30_000).unref();
  await worker.stop();
  delivery.close();
  await database.close();
  process.exit(0);
}
process.once('SIGTERM', () => void stop());
if (forked) {
  // Ctrl-C reaches the whole process group: the parent decides when its workers stop (it sends SIGTERM).
  process.on('SIGINT', () => undefined);
  process.once('disconnect', () => void stop());
  if (process.connected) process.send?.({ ready: true, key: worker.key });
  else void stop();
} else {
  process.once('SIGINT', () => void stop());
  const providers = channelProviders(config);
  console.log(`Créneau notifications worker ${worker.key} running: ${config.notificationConcurrency} messages at once, `
    + `email → ${providers.email}, SMS → ${providers.sms}, links to ${publicUrl}`);
}
