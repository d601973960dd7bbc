/**
 * A notifications worker in a process of its own, as the crash test and the bench run it (fork with IPC):
 *   env CRENEAU_WORKER_DATABASE_URL, CRENEAU_WORKER_SMTP_URL, CRENEAU_WORKER_CONCURRENCY (default 16).
 * Sends 'ready' once working; SIGTERM stops it gracefully (SIGKILL is what the crash test sends).
 */
import { openDatabase } from '../../src/platform/db/database.ts';
import { loadConfig } from '../../src/platform/config/config.ts';
import { createDelivery } from '../../src/platform/delivery/create-delivery.ts';
import { startNotificationWorker } from '../../src/features/notifications/index.ts';

const concurrency = Number(process.env.CRENEAU_WORKER_CONCURRENCY ?? 16);
const database = openDatabase(process.env.CRENEAU_WORKER_DATABASE_URL!, concurrency + 4);
const config = loadConfig({ SMTP_URL: process.env.CRENEAU_WORKER_SMTP_URL!, MAIL_FROM: 'Créneau <rdv@creneau.example>' });
const worker = await startNotificationWorker({
  db: database.db,
  delivery: createDelivery(config, database.db, undefined, { smtpConnections: Number(process.env.CRENEAU_WORKER_SMTP_CONNECTIONS ?? 4) }),
  publicUrl: 'https://creneau.example',
  senderEmail: 'rdv@creneau.example',
  concurrency,
  pollMs: Number(process.env.CRENEAU_WORKER_POLL_MS ?? 100),
  onError: (message) => process.stderr.write(`${message}\n`),
});
process.send?.({ ready: true, key: worker.key });

process.once('SIGTERM', async () => {
  await worker.stop();
  await database.close();
  process.exit(0);
});
