/**
 * A per-process memory of the sessions this process has checked, so that a signed-in request does not read its
 * session from the database every time (docs/decisions.md « Accounts — sessions in memory »). It is only a shortcut
 * for « this session is valid », never for « it is not »:
 * - a session is remembered only while the process hears of ended sessions (`trust`, from the listening connection);
 *   the connection lost, everything is forgotten and nothing is remembered until it is back (`distrust`);
 * - an ended session (logout, password change, deletion…) is announced by the database with its account, and every
 *   session of that account is forgotten (`forgetAccount`); a session read while any end was announced is not kept;
 * - a remembered session answers at most until its idle or absolute expiry, and at most `SLIDE_EVERY_MS` after it
 *   was last seen: by then its idle expiry is due to slide, so the database is asked again anyway.
 */

import type { Subscription } from '../../platform/db/notification-listener.ts';

/** The channel of ended sessions: the account's id, sent at commit (migrations/0018_session_ends.sql). */
export const SESSION_ENDS_CHANNEL = 'creneau_session_ends';

/** A session as the database last answered it. */
export interface RememberedSession {
  accountId: string;
  tokenHash: Buffer;
  remembered: boolean;
  lastSeenAt: Date;
  idleExpiresAt: Date;
  absoluteExpiresAt: Date;
}

export interface SessionMemory {
  /** The session of `tokenKey`, if remembered and still good at `now` without asking the database. */
  recall: (tokenKey: string, now: Date, slideEveryMs: number) => RememberedSession | undefined;
  /** Taken before reading a session from the database: `remember` refuses it if an end was announced meanwhile. */
  mark: () => number;
  remember: (tokenKey: string, session: RememberedSession, mark: number) => void;
  /** Every session of the account ended or may have (heard from the database). */
  forgetAccount: (accountId: string) => void;
  /** Ended sessions are heard from now on: sessions may be remembered. */
  trust: () => void;
  /** Ended sessions may go unheard: forget everything and remember nothing until `trust`. */
  distrust: () => void;
  size: () => number;
}

/** A memory of at most `maxEntries` sessions, the longest remembered dropped first; it starts distrusting. */
export function createSessionMemory({ maxEntries = 100_000 }: { maxEntries?: number } = {}): SessionMemory {
  const sessions = new Map<string, RememberedSession>();
  const keysOfAccount = new Map<string, Set<string>>();
  let generation = 0;
  let trusted = false;

  const drop = (tokenKey: string) => {
    const session = sessions.get(tokenKey);
    if (!session) return;
    sessions.delete(tokenKey);
    const keys = keysOfAccount.get(session.accountId);
    keys?.delete(tokenKey);
    if (keys?.size === 0) keysOfAccount.delete(session.accountId);
  };

  const forgetEverything = () => {
    generation += 1;
    sessions.clear();
    keysOfAccount.clear();
  };

  return {
    recall(tokenKey, now, slideEveryMs) {
      if (!trusted) return undefined;
      const session = sessions.get(tokenKey);
      if (!session) return undefined;
      const at = now.getTime();
      const good = at < session.idleExpiresAt.getTime() && at < session.absoluteExpiresAt.getTime()
        && at >= session.lastSeenAt.getTime() && at - session.lastSeenAt.getTime() < slideEveryMs;
      if (!good) {
        drop(tokenKey);
        return undefined;
      }
      return session;
    },
    mark: () => generation,
    remember(tokenKey, session, mark) {
      if (!trusted || mark !== generation) return;
      drop(tokenKey);
      sessions.set(tokenKey, session);
      let keys = keysOfAccount.get(session.accountId);
      if (!keys) keysOfAccount.set(session.accountId, keys = new Set());
      keys.add(tokenKey);
      while (sessions.size > maxEntries) drop(sessions.keys().next().value!);
    },
    forgetAccount(accountId) {
      generation += 1;
      for (const tokenKey of keysOfAccount.get(accountId) ?? []) sessions.delete(tokenKey);
      keysOfAccount.delete(accountId);
    },
    trust() {
      if (trusted) return;
      forgetEverything();
      trusted = true;
    },
    distrust() {
      trusted = false;
      forgetEverything();
    },
    size: () => sessions.size,
  };
}

/** What the process's listening connection does for the memory: forget ended sessions, trust only while listening. */
export function sessionEndsSubscription(memory: SessionMemory): Subscription {
  return {
    channel: SESSION_ENDS_CHANNEL,
    heard: (accountId) => memory.forgetAccount(accountId),
    listening: () => memory.trust(),
    lost: () => memory.distrust(),
  };
}
