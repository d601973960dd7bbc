/**
 * The server process's one listening connection (platform/db/notification-listener.ts), started by main.ts: what
 * other server processes change reaches this one's memories — agenda changes its result lists and agenda days
 * (when they are remembered), ended sessions its session memory (when there is one). Reopened if lost.
 */
import { listenToNotifications, type NotificationListener } from '../platform/db/notification-listener.ts';
import { agendaChangesSubscription, announceAgendaChange } from './availability/index.ts';
import { sessionEndsSubscription, type SessionMemory } from './accounts/session-memory.ts';

/** How the connection names itself in pg_stat_activity. */
export const CHANGES_LISTENER_APPLICATION = 'creneau-changes';

export interface ChangesListenerOptions {
  connectionString: string;
  /** Whether agenda changes are heard (only when something remembers agendas: CRENEAU_LIST_SLOTS_CACHE_MS > 0). */
  agendaChanges: boolean;
  sessionMemory: SessionMemory | undefined;
  onError?: (error: Error) => void;
}

/** Opens the connection when anything is remembered (else a listener that never listens). */
export async function listenToChanges(options: ChangesListenerOptions): Promise<NotificationListener> {
  const subscriptions = [
    ...(options.agendaChanges ? [agendaChangesSubscription(announceAgendaChange)] : []),
    ...(options.sessionMemory ? [sessionEndsSubscription(options.sessionMemory)] : []),
  ];
  if (!subscriptions.length) return { listening: () => false, stop: async () => undefined };
  return listenToNotifications({
    connectionString: options.connectionString, applicationName: CHANGES_LISTENER_APPLICATION, subscriptions, onError: options.onError,
  });
}
