/** `npm start`: database, migrations, demo data on first run, web build if missing or stale, then the server. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { loadConfig, projectRoot } from './platform/config/config.ts';
import { provisionDatabase } from './platform/db/provision.ts';
import { buildApp, defaultWebDist } from './platform/http/app.ts';
import { freePort } from './platform/db/embedded-postgres.ts';
import { featureRoutes } from './features/routes.ts';
import { devMailboxPages } from './features/dev-mailbox/index.ts';
import { channelProviders, createDelivery, devMailboxEnabled } from './platform/delivery/create-delivery.ts';
import { prepareData } from './startup.ts';
import { startJobs } from './platform/jobs/jobs.ts';
import { featureJobs } from './features/jobs.ts';
import { startNotificationSending } from './features/notifications/index.ts';
import { createSessionMemory } from './features/accounts/session-memory.ts';
import { listenToChanges } from './features/changes.ts';

const config = loadConfig();
const started = Date.now();
console.log('Créneau: starting the database…');
const database = await provisionDatabase(config, {
  onUnexpectedExit: (code) => {
    console.error(`Créneau: the embedded PostgreSQL stopped unexpectedly (exit code ${code}); stopping.`);
    process.exit(1);
  },
}, config.databasePoolSize);
await prepareData(database.db, config);

/** The newest modification time of the files under `folder`. */
function newestChange(folder: string): number {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .reduce((newest, file) => Math.max(newest, statSync(path.join(folder, file)).mtimeMs), 0);
}

const builtAt = existsSync(path.join(defaultWebDist, 'index.html')) ? statSync(path.join(defaultWebDist, 'index.html')).mtimeMs : 0;
const webSources = [path.join(projectRoot, 'web', 'src'), path.join(projectRoot, 'src', 'platform', 'i18n')];
if (Math.max(...webSources.map(newestChange)) > builtAt) {
  console.log(builtAt ? 'Créneau: rebuilding the web app (its sources changed)…' : 'Créneau: building the web app (first run)…');
  const { build } = await import('vite');
  const nodeEnv = process.env.NODE_ENV;
  await build({ configFile: path.join(projectRoot, 'web', 'vite.config.ts'), logLevel: 'warn' });
  // Vite sets NODE_ENV=production when unset: the worker processes would inherit it and refuse the development mailbox.
  if (nodeEnv === undefined) delete process.env.NODE_ENV;
}

// The port is chosen before the app is built: links in messages need the final address.
const port = config.portRequired ? config.port : await freePort(config.port);
const url = config.publicUrl ?? `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}/`;
const now = () => new Date();
// The notifications workers: processes of their own (one saturates a core) forked now, booting while the app is built.
const notificationsStarting = startNotificationSending(config, {
  db: database.db, databaseUrl: database.connectionString, publicUrl: url, now,
});
// Sessions checked are remembered only while this process hears of ended ones (the listening connection below).
const sessionMemory = config.sessionMemory ? createSessionMemory() : undefined;
const app = await buildApp({
  context: {
    db: database.db,
    now,
    listSlotsCacheMs: config.listSlotsCacheMs,
    sessionMemory,
    delivery: createDelivery(config, database.db, now),
    publicUrl: url,
  },
  routes: featureRoutes,
  pages: [devMailboxPages(config)],
  webDist: defaultWebDist,
  trustProxy: config.trustProxy,
  logger: config.production ? 'verbose' : 'errors',
});
try {
  await app.listen({ host: config.host, port });
} catch (error) {
  console.error(`Créneau: cannot listen on ${config.host}:${port} (${(error as NodeJS.ErrnoException).code}); set another PORT.`);
  await (await notificationsStarting).stop();
  await database.shutdown();
  process.exit(1);
}
// Timers (expired holds every minute…) run after the server is up; a failing timer is logged, never fatal
// (expired holds are also purged inside every booking, and never block a slot).
const jobs = await startJobs({
  connectionString: database.connectionString,
  jobs: featureJobs(database.db, now),
  onError: (error) => console.error(`Créneau: a timer job failed: ${error.message}`),
}).catch((error: Error) => {
  console.error(`Créneau: WARNING the timers could not start (${error.message}); running without them.`);
  return { stop: async () => undefined };
});
// They send what booking changes write to the outbox.
const notifications = await notificationsStarting;
// One listening connection (reopened if lost) brings what other server processes change: agenda changes to the list
// cache, ended sessions to the session memory.
const changes = await listenToChanges({
  connectionString: database.connectionString,
  agendaChanges: config.listSlotsCacheMs > 0,
  sessionMemory,
  onError: (error) => console.error(`Créneau: change listener: ${error.message} (reconnecting).`),
});
console.log(`Créneau is ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${url}`);
console.log(`API documentation: ${url}api/docs`);
const providers = channelProviders(config);
console.log(`Messages: email → ${providers.email}, SMS → ${providers.sms}, voice calls → ${providers.voice}`
  + (devMailboxEnabled(config) ? ` (read them at ${url.replace(/\/+$/, '')}/dev/mailbox)` : ''));
console.log(`Appointment notifications: sent by ${notifications.description}`);
if (Object.values(providers).includes('none')) {
  console.warn('Créneau: WARNING some channels have no provider (set SMTP_URL, TWILIO_*): their messages fail with a 503.');
}

const shutdown = async () => {
  await notifications.stop();
  await changes.stop();
  await jobs.stop();
  await app.close();
  await database.shutdown();
  process.exit(0);
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
