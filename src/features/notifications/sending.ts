/**
 * How the server runs its notification workers: in processes of their own (src/notifications-worker.ts), since one
 * process saturates a core at ~550 messages/s (docs/performance.md « Notifications ») and any number of workers share
 * the outbox through its claims (claims.ts); supervised, a worker that dies is started again
 * (platform/processes/supervise.ts). With CRENEAU_NOTIFICATION_WORKERS=0, one worker inside the server, as before.
 */
import path from 'node:path';
import { projectRoot, type Config } from '../../platform/config/config.ts';
import type { Db } from '../../platform/db/database.ts';
import { createDelivery } from '../../platform/delivery/create-delivery.ts';
import type { RestartPolicy } from '../../platform/processes/restart-policy.ts';
import { superviseProcesses, type SupervisedProcesses } from '../../platform/processes/supervise.ts';
import { senderAddress } from './compose.ts';
import { startNotificationWorker } from './worker.ts';

/** The production entry of a worker process (also `npm run notifications:worker`). */
export const notificationWorkerEntry = path.join(projectRoot, 'src', 'notifications-worker.ts');

export interface NotificationProcessesOptions {
  count: number;
  /** The server's database and its public address, which the workers cannot work out themselves. */
  databaseUrl: string;
  publicUrl: string;
  /** The rest of the workers' settings (SMTP_URL, CRENEAU_NOTIFICATION_*…): the server's own by default. */
  env?: NodeJS.ProcessEnv;
  restart?: RestartPolicy;
  log?: (line: string) => void;
}

/** Forks `count` worker processes; `ready` resolves once they work. */
export function startNotificationProcesses(options: NotificationProcessesOptions): SupervisedProcesses {
  return superviseProcesses({
    name: 'notifications worker',
    script: notificationWorkerEntry,
    count: options.count,
    env: { ...(options.env ?? process.env), DATABASE_URL: options.databaseUrl, PUBLIC_URL: options.publicUrl },
    ...(options.restart ? { restart: options.restart } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
}

export interface NotificationSending {
  /** Who sends, for the startup lines. */
  description: string;
  /** Lets the messages in flight finish; before the database stops. */
  stop: () => Promise<void>;
}

/**
 * The server's workers, as `config.notificationWorkers` says; forks at once (the processes boot while the caller goes
 * on), resolves once they work. Never rejects: workers that cannot start leave the messages waiting in the outbox.
 */
export async function startNotificationSending(
  config: Config, server: { db: Db; databaseUrl: string; publicUrl: string; now: () => Date },
): Promise<NotificationSending> {
  if (config.notificationWorkers > 0) {
    const count = config.notificationWorkers;
    const processes = startNotificationProcesses({ count, databaseUrl: server.databaseUrl, publicUrl: server.publicUrl });
    const ready = await processes.ready;
    if (ready < count) console.error(`Créneau: WARNING only ${ready} of ${count} notifications worker processes started.`);
    return { description: `${ready} worker process${ready === 1 ? '' : 'es'} (CRENEAU_NOTIFICATION_WORKERS)`, stop: processes.stop };
  }
  const delivery = createDelivery(config, server.db, server.now, { smtpConnections: config.notificationSmtpConnections });
  try {
    const worker = await startNotificationWorker({
      db: server.db,
      delivery,
      publicUrl: server.publicUrl,
      senderEmail: senderAddress(config.mailFrom),
      now: server.now,
      concurrency: config.notificationConcurrency,
      pollMs: config.notificationPollMs,
      onError: (message) => console.error(`Créneau: ${message}`),
    });
    const stop = async () => {
      await worker.stop();
      delivery.close();
    };
    return { description: 'the server process (CRENEAU_NOTIFICATION_WORKERS=0)', stop };
  } catch (error) {
    const reason = (error as Error).message;
    console.error(`Créneau: WARNING the notifications worker could not start (${reason}); messages wait in the outbox.`);
    delivery.close();
    return { description: 'nobody (the worker could not start)', stop: async () => undefined };
  }
}
