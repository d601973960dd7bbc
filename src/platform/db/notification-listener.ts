/**
 * One connection per process listening to PostgreSQL notifications (LISTEN/NOTIFY) for whatever remembers database
 * state in memory: each subscription names a channel and hears its payloads. A notification is sent inside the
 * writing transaction and delivered only if it commits; while the connection is down nothing is heard, so each
 * subscription is told when listening stops (`lost`) and starts again (`listening`, with `recovered` true after a
 * loss), and must not trust what it remembers in between. A lost connection is reopened with a growing delay.
 */
import pg from 'pg';

export interface Subscription {
  channel: string;
  /** A payload sent on the channel (committed). */
  heard: (payload: string) => void;
  /** Listening (again): `recovered` is true when notifications may have been missed since the last `lost`. */
  listening?: (recovered: boolean) => void;
  /** The connection is gone: nothing is heard until `listening` is called again. */
  lost?: () => void;
}

export interface NotificationListenerOptions {
  connectionString: string;
  /** How the connection names itself in pg_stat_activity. */
  applicationName: string;
  subscriptions: readonly Subscription[];
  /** Where connection failures are reported (the listener keeps retrying). */
  onError?: (error: Error) => void;
  /** Delays between reconnection attempts, the last one repeated; default 0.1 s doubling up to 5 s. */
  retryDelaysMs?: readonly number[];
}

export interface NotificationListener {
  /** True while the connection is listening. */
  listening: () => boolean;
  stop: () => Promise<void>;
}

const DEFAULT_RETRY_DELAYS_MS = [100, 200, 400, 800, 1600, 3200, 5000];

/** Opens the listening connection (a first failure is reported and retried in the background, never thrown). */
export async function listenToNotifications(options: NotificationListenerOptions): Promise<NotificationListener> {
  const delays = options.retryDelaysMs?.length ? options.retryDelaysMs : DEFAULT_RETRY_DELAYS_MS;
  const byChannel = new Map(options.subscriptions.map((subscription) => [subscription.channel, subscription]));
  let client: pg.Client | undefined;
  let stopped = false;
  let listening = false;
  let failures = 0;
  let retryTimer: NodeJS.Timeout | undefined;

  /** Schedules the next attempt after a failed or lost connection. */
  const retryLater = () => {
    if (stopped || retryTimer) return;
    const delay = delays[Math.min(failures, delays.length - 1)]!;
    failures += 1;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void connect();
    }, delay);
  };

  /** Opens a connection, listens on every channel, and tells the subscriptions (recovered if it replaces a lost one). */
  const connect = async () => {
    const candidate = new pg.Client({ connectionString: options.connectionString, application_name: options.applicationName });
    let lost = false;
    const onLost = (error?: Error) => {
      if (lost) return;
      lost = true;
      const wasListening = listening && client === candidate;
      listening = false;
      if (client === candidate) client = undefined;
      if (wasListening) for (const subscription of options.subscriptions) subscription.lost?.();
      if (stopped) return;
      options.onError?.(error ?? new Error(`the ${options.applicationName} listening connection closed`));
      candidate.end().catch(() => undefined);
      retryLater();
    };
    candidate.on('error', onLost);
    candidate.on('end', () => onLost());
    candidate.on('notification', (message) => {
      if (message.payload) byChannel.get(message.channel)?.heard(message.payload);
    });
    try {
      await candidate.connect();
      for (const channel of byChannel.keys()) await candidate.query(`listen ${pg.escapeIdentifier(channel)}`);
    } catch (error) {
      onLost(error as Error);
      return;
    }
    if (stopped || lost) {
      await candidate.end().catch(() => undefined);
      return;
    }
    client = candidate;
    listening = true;
    const recovered = failures > 0;
    failures = 0;
    for (const subscription of options.subscriptions) subscription.listening?.(recovered);
  };

  await connect();
  return {
    listening: () => listening,
    async stop() {
      stopped = true;
      clearTimeout(retryTimer);
      const wasListening = listening;
      listening = false;
      if (wasListening) for (const subscription of options.subscriptions) subscription.lost?.();
      await client?.end().catch(() => undefined);
      client = undefined;
    },
  };
}
