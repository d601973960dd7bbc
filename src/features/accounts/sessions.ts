/**
 * Server-side sessions (docs/api-accounts.md « Cookies, sessions, CSRF »): the cookie carries a random
 * token, the `sessions` table its SHA-256. Idle and absolute expiry, sliding at most once a minute;
 * a new token at every login and privilege change.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { AppContext } from '../../platform/http/app.ts';
import { clearCookie, readCookie, writeCookie } from '../../platform/http/cookies.ts';
import { NotSignedIn } from './errors.ts';
import type { RememberedSession } from './session-memory.ts';
import { hashToken, issueToken, looksLikeToken } from './tokens.ts';

export const SESSION_COOKIE = '__Host-creneau_session';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Durations of the contract: a browser session (30 min idle, 12 h) or « se souvenir de moi » (7 days idle, 30 days). */
export const sessionLifetimes = {
  browser: { idleMs: 30 * MINUTE, absoluteMs: 12 * HOUR },
  remembered: { idleMs: 7 * DAY, absoluteMs: 30 * DAY },
} as const;

/** Sliding the idle expiry writes at most once a minute per session. */
const SLIDE_EVERY_MS = MINUTE;

export interface SignedIn {
  accountId: string;
  tokenHash: Buffer;
  remembered: boolean;
}

type Executor = Db | Transaction<Database>;

const cookieAttributes = { httpOnly: true, secure: true, sameSite: 'Lax' } as const;

/** What a request already learned about its session (several calls in one request cost one query). */
const resolved = new WeakMap<FastifyRequest, Promise<SignedIn | null>>();

/** The signed-in account of this request, or null; slides the idle expiry. */
export function currentAccount(request: FastifyRequest, context: AppContext): Promise<SignedIn | null> {
  let found = resolved.get(request);
  if (!found) {
    found = lookUpSession(request, context);
    resolved.set(request, found);
  }
  return found;
}

/** The signed-in account, or NotSignedIn (401). */
export async function requireAccount(request: FastifyRequest, context: AppContext): Promise<SignedIn> {
  const signedIn = await currentAccount(request, context);
  if (!signedIn) throw new NotSignedIn();
  return signedIn;
}

/** Creates a session for the account and sets its cookie. */
export async function startSession(
  trx: Executor,
  reply: FastifyReply,
  options: { accountId: string; remembered: boolean; now: Date },
): Promise<void> {
  const lifetime = options.remembered ? sessionLifetimes.remembered : sessionLifetimes.browser;
  const absoluteExpiresAt = new Date(options.now.getTime() + lifetime.absoluteMs);
  const token = await createSessionToken(trx, options);
  setSessionCookie(reply, token, options.remembered, absoluteExpiresAt, options.now);
}

/** Inserts a session row and returns its token (for startSession, and for test support that has no reply). */
export async function createSessionToken(
  trx: Executor,
  options: { accountId: string; remembered: boolean; now: Date },
): Promise<string> {
  const lifetime = options.remembered ? sessionLifetimes.remembered : sessionLifetimes.browser;
  const issued = await insertSession(trx, {
    accountId: options.accountId,
    remembered: options.remembered,
    createdAt: options.now,
    now: options.now,
    absoluteExpiresAt: new Date(options.now.getTime() + lifetime.absoluteMs),
  });
  return issued.token;
}

/**
 * A privilege change (password, phone, email): a new token replaces the old one, which is deleted.
 * The session keeps its start and absolute expiry: rotating does not lengthen it.
 */
export async function rotateSession(
  trx: Executor,
  request: FastifyRequest,
  reply: FastifyReply,
  signedIn: SignedIn,
  now: Date,
): Promise<void> {
  const old = await trx
    .deleteFrom('sessions')
    .where('token_hash', '=', signedIn.tokenHash)
    .returning(['created_at', 'absolute_expires_at'])
    .executeTakeFirst();
  const lifetime = signedIn.remembered ? sessionLifetimes.remembered : sessionLifetimes.browser;
  const absoluteExpiresAt = old?.absolute_expires_at ?? new Date(now.getTime() + lifetime.absoluteMs);
  const token = await insertSession(trx, {
    accountId: signedIn.accountId,
    remembered: signedIn.remembered,
    createdAt: old?.created_at ?? now,
    now,
    absoluteExpiresAt,
  });
  setSessionCookie(reply, token.token, signedIn.remembered, absoluteExpiresAt, now);
  resolved.set(request, Promise.resolve({ ...signedIn, tokenHash: token.hash }));
}

/** « Déconnexion »: deletes this session and clears its cookie. */
export async function endSession(trx: Executor, reply: FastifyReply, signedIn: SignedIn): Promise<void> {
  await trx.deleteFrom('sessions').where('token_hash', '=', signedIn.tokenHash).execute();
  clearSessionCookie(reply);
}

/**
 * Every session of the account (but `keep`) ends; trusted devices too unless `keepDevices`
 * (« se déconnecter de tous les appareils », password change or reset, deletion).
 */
export async function endAllSessions(
  trx: Executor,
  accountId: string,
  options: { keep?: Buffer; keepDevices?: boolean } = {},
): Promise<void> {
  let sessions = trx.deleteFrom('sessions').where('account_id', '=', accountId);
  if (options.keep) sessions = sessions.where('token_hash', '<>', options.keep);
  await sessions.execute();
  if (!options.keepDevices) await trx.deleteFrom('trusted_devices').where('account_id', '=', accountId).execute();
}

/** At login, the session the browser already presents (another account's, or a planted one) is deleted, never reused. */
export async function dropPresentedSession(trx: Executor, request: FastifyRequest): Promise<void> {
  const token = readCookie(request, SESSION_COOKIE);
  if (!looksLikeToken(token)) return;
  await trx.deleteFrom('sessions').where('token_hash', '=', hashToken(token)).execute();
}

/** Clears the session cookie (logout, account deleted). */
export function clearSessionCookie(reply: FastifyReply): void {
  clearCookie(reply, SESSION_COOKIE, cookieAttributes);
}

/**
 * The request's session: from this process's memory when it may answer (session-memory.ts), else read from the
 * database (an expired one is deleted; the idle expiry slides when the last slide is a minute old).
 */
async function lookUpSession(request: FastifyRequest, context: AppContext): Promise<SignedIn | null> {
  const token = readCookie(request, SESSION_COOKIE);
  if (!looksLikeToken(token)) return null;
  const tokenHash = hashToken(token);
  const tokenKey = tokenHash.toString('base64');
  const now = context.now();
  const memory = context.sessionMemory;
  const known = memory?.recall(tokenKey, now, SLIDE_EVERY_MS);
  if (known) return { accountId: known.accountId, tokenHash, remembered: known.remembered };
  const mark = memory?.mark();
  const session = await checkSession(context.db, tokenHash, now);
  if (!session) return null;
  if (memory && mark !== undefined) memory.remember(tokenKey, session, mark);
  return { accountId: session.accountId, tokenHash, remembered: session.remembered };
}

/**
 * The live session of `tokenHash` as it stands after this check, or null (an expired one is deleted). A plain read
 * in the usual case: one statement doing the read, the delete and the slide cost PostgreSQL more per request
 * (0.30 against 0.20–0.22 ms) than it saved once a minute.
 */
async function checkSession(db: Db, tokenHash: Buffer, now: Date): Promise<RememberedSession | null> {
  const row = await db
    .selectFrom('sessions')
    .select(['account_id', 'remembered', 'last_seen_at', 'idle_expires_at', 'absolute_expires_at'])
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row) return null;
  if (now >= row.idle_expires_at || now >= row.absolute_expires_at) {
    await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
    return null;
  }
  const session = {
    accountId: row.account_id, tokenHash, remembered: row.remembered,
    lastSeenAt: row.last_seen_at, idleExpiresAt: row.idle_expires_at, absoluteExpiresAt: row.absolute_expires_at,
  };
  if (now.getTime() - row.last_seen_at.getTime() < SLIDE_EVERY_MS) return session;
  const slid = await slideIdleExpiry(db, tokenHash, row.remembered, row.absolute_expires_at, now);
  // Ended meanwhile (the row is gone): signed out.
  return slid ? { ...session, lastSeenAt: now, idleExpiresAt: slid } : null;
}

/** Activity pushes the idle expiry forward, never past the absolute one; answers it, or null if the session is gone. */
async function slideIdleExpiry(db: Db, tokenHash: Buffer, remembered: boolean, absoluteExpiresAt: Date, now: Date): Promise<Date | null> {
  const lifetime = remembered ? sessionLifetimes.remembered : sessionLifetimes.browser;
  const idle = new Date(Math.min(now.getTime() + lifetime.idleMs, absoluteExpiresAt.getTime()));
  const slid = await db
    .updateTable('sessions')
    .set({ last_seen_at: now, idle_expires_at: idle })
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  return slid.numUpdatedRows > 0n ? idle : null;
}

async function insertSession(
  trx: Executor,
  session: { accountId: string; remembered: boolean; createdAt: Date; now: Date; absoluteExpiresAt: Date },
): Promise<{ token: string; hash: Buffer }> {
  const issued = issueToken();
  const lifetime = session.remembered ? sessionLifetimes.remembered : sessionLifetimes.browser;
  const idle = new Date(Math.min(session.now.getTime() + lifetime.idleMs, session.absoluteExpiresAt.getTime()));
  await trx
    .insertInto('sessions')
    .values({
      token_hash: issued.hash,
      account_id: session.accountId,
      remembered: session.remembered,
      created_at: session.createdAt,
      last_seen_at: session.now,
      idle_expires_at: idle,
      absolute_expires_at: session.absoluteExpiresAt,
    })
    .execute();
  return issued;
}

/** A remembered session's cookie persists until its absolute expiry; a browser session's dies with the browser. */
function setSessionCookie(reply: FastifyReply, token: string, remembered: boolean, absoluteExpiresAt: Date, now: Date): void {
  const maxAge = remembered ? (absoluteExpiresAt.getTime() - now.getTime()) / 1000 : undefined;
  writeCookie(reply, SESSION_COOKIE, token, { ...cookieAttributes, maxAge });
}
