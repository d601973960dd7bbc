/**
 * Staff sessions and trusted devices of the practitioner space (docs/api-practice.md « Cookies, CSRF »): cookies of
 * their own next to the patient ones, random tokens whose SHA-256 alone is kept (accounts/tokens.ts), a browser-session
 * cookie that dies after 2 idle hours or 12 hours, and devices trusted for 30 days.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sql, type Transaction } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';
import { clearCookie, readCookie, writeCookie } from '../../platform/http/cookies.ts';
import { hashToken, issueToken, looksLikeToken } from '../accounts/tokens.ts';
import type { StaffRole } from './domain/rights.ts';

export const STAFF_SESSION_COOKIE = '__Host-creneau_pro';
export const STAFF_DEVICE_COOKIE = '__Host-creneau_pro_device';

const MINUTE = 60_000;
/** A practice's day: idle 2 h (a long consultation must not log the desk out), never past 12 h (it ends every night). */
export const STAFF_IDLE_MS = 120 * MINUTE;
export const STAFF_ABSOLUTE_MS = 12 * 60 * MINUTE;
/** Shorter than a patient's 90 days: a staff login opens many patients' files. */
export const STAFF_DEVICE_TRUST_MS = 30 * 24 * 60 * MINUTE;
/** The idle expiry is pushed forward at most once a minute per session. */
const SLIDE_AFTER_MS = MINUTE;

type Executor = Db | Transaction<Database>;

const cookieAttributes = { httpOnly: true, secure: true, sameSite: 'Lax' } as const;

/** A live staff session as found from its cookie. */
export interface StaffSessionFound {
  staffId: string;
  role: StaffRole;
  practitionerId: string | null;
  tokenHash: Buffer;
}

/** The hash of the cookie's token when it has our tokens' shape, else null (garbage costs no query). */
function presentedHash(request: FastifyRequest, cookie: string): Buffer | null {
  const token = readCookie(request, cookie);
  return looksLikeToken(token) ? hashToken(token) : null;
}

/** Inserts a session row for the staff login and returns the token for its cookie. */
export async function insertStaffSession(trx: Executor, staffId: string, now: Date): Promise<string> {
  const { token, hash } = issueToken();
  await trx
    .insertInto('staff_sessions')
    .values({
      token_hash: hash,
      staff_id: staffId,
      created_at: now,
      last_seen_at: now,
      idle_expires_at: new Date(now.getTime() + STAFF_IDLE_MS),
      absolute_expires_at: new Date(now.getTime() + STAFF_ABSOLUTE_MS),
    })
    .execute();
  return token;
}

/** A new session and its browser-session cookie (no Max-Age: closing the browser ends it too). */
export async function openStaffSession(trx: Executor, reply: FastifyReply, staffId: string, now: Date): Promise<void> {
  writeCookie(reply, STAFF_SESSION_COOKIE, await insertStaffSession(trx, staffId, now), cookieAttributes);
}

/** The live session the request presents with its login, or null; slides the idle expiry (at most once a minute). */
export async function findStaffSession(db: Db, request: FastifyRequest, now: Date): Promise<StaffSessionFound | null> {
  const tokenHash = presentedHash(request, STAFF_SESSION_COOKIE);
  if (!tokenHash) return null;
  const live = await db
    .selectFrom('staff_sessions as s')
    .innerJoin('staff_accounts as a', 'a.id', 's.staff_id')
    .select(['s.staff_id', 's.last_seen_at', 'a.role', 'a.practitioner_id'])
    .where('s.token_hash', '=', tokenHash)
    .where('s.idle_expires_at', '>', now)
    .where('s.absolute_expires_at', '>', now)
    .executeTakeFirst();
  if (!live) return null;
  if (now.getTime() - live.last_seen_at.getTime() >= SLIDE_AFTER_MS) {
    await db
      .updateTable('staff_sessions')
      .set({ last_seen_at: now, idle_expires_at: sql<Date>`least(${new Date(now.getTime() + STAFF_IDLE_MS)}::timestamptz, absolute_expires_at)` })
      .where('token_hash', '=', tokenHash)
      .execute();
  }
  return { staffId: live.staff_id, role: live.role, practitionerId: live.practitioner_id, tokenHash };
}

/** At login: the session the browser already presents (another login's, or a planted one) is deleted, never reused. */
export async function dropPresentedStaffSession(trx: Executor, request: FastifyRequest): Promise<void> {
  const tokenHash = presentedHash(request, STAFF_SESSION_COOKIE);
  if (tokenHash) await trx.deleteFrom('staff_sessions').where('token_hash', '=', tokenHash).execute();
}

/** Deletes one session (logout). */
export async function deleteStaffSession(trx: Executor, tokenHash: Buffer): Promise<void> {
  await trx.deleteFrom('staff_sessions').where('token_hash', '=', tokenHash).execute();
}

/** Every session and trusted device of the login ends (a new password through an invitation link). */
export async function endEverythingOfStaff(trx: Executor, staffId: string): Promise<void> {
  await trx.deleteFrom('staff_sessions').where('staff_id', '=', staffId).execute();
  await trx.deleteFrom('staff_trusted_devices').where('staff_id', '=', staffId).execute();
}

/** Every other session and every trusted device of the login ends (a password change keeps the session making it). */
export async function endOtherStaffSessions(trx: Executor, staffId: string, keep: Buffer): Promise<void> {
  await trx.deleteFrom('staff_sessions').where('staff_id', '=', staffId).where('token_hash', '!=', keep).execute();
  await trx.deleteFrom('staff_trusted_devices').where('staff_id', '=', staffId).execute();
}

/** A new token for the session (after a password change), keeping its start and 12-hour end; a fresh cookie. */
export async function rotateStaffSession(trx: Executor, reply: FastifyReply, session: StaffSessionFound, now: Date): Promise<void> {
  const old = await trx.deleteFrom('staff_sessions').where('token_hash', '=', session.tokenHash)
    .returning(['created_at', 'absolute_expires_at']).executeTakeFirst();
  const absoluteExpiresAt = old?.absolute_expires_at ?? new Date(now.getTime() + STAFF_ABSOLUTE_MS);
  const { token, hash } = issueToken();
  await trx.insertInto('staff_sessions')
    .values({
      token_hash: hash,
      staff_id: session.staffId,
      created_at: old?.created_at ?? now,
      last_seen_at: now,
      idle_expires_at: new Date(Math.min(now.getTime() + STAFF_IDLE_MS, absoluteExpiresAt.getTime())),
      absolute_expires_at: absoluteExpiresAt,
    })
    .execute();
  writeCookie(reply, STAFF_SESSION_COOKIE, token, cookieAttributes);
}

/** Forgets the staff device cookie in the browser (logout of all devices). */
export function clearStaffDeviceCookie(reply: FastifyReply): void {
  clearCookie(reply, STAFF_DEVICE_COOKIE, cookieAttributes);
}

/** The login's dead sessions and devices go (opportunistically, at each of its logins). */
export async function purgeDeadOfStaff(trx: Executor, staffId: string, now: Date): Promise<void> {
  await trx.deleteFrom('staff_sessions').where('staff_id', '=', staffId)
    .where((eb) => eb.or([eb('idle_expires_at', '<=', now), eb('absolute_expires_at', '<=', now)])).execute();
  await trx.deleteFrom('staff_trusted_devices').where('staff_id', '=', staffId).where('expires_at', '<=', now).execute();
}

export function clearStaffSessionCookie(reply: FastifyReply): void {
  clearCookie(reply, STAFF_SESSION_COOKIE, cookieAttributes);
}

/** « Se souvenir de cet appareil »: this browser skips the code for this login for 30 days. */
export async function trustStaffDevice(trx: Executor, reply: FastifyReply, staffId: string, now: Date): Promise<void> {
  const { token, hash } = issueToken();
  const expiresAt = new Date(now.getTime() + STAFF_DEVICE_TRUST_MS);
  await trx.insertInto('staff_trusted_devices')
    .values({ token_hash: hash, staff_id: staffId, created_at: now, last_used_at: now, expires_at: expiresAt })
    .execute();
  writeCookie(reply, STAFF_DEVICE_COOKIE, token, { ...cookieAttributes, maxAge: STAFF_DEVICE_TRUST_MS / 1000 });
}

/** Whether the browser presents a live trusted device of this login (marked used when so). */
export async function usesTrustedStaffDevice(db: Executor, request: FastifyRequest, staffId: string, now: Date): Promise<boolean> {
  const tokenHash = presentedHash(request, STAFF_DEVICE_COOKIE);
  if (!tokenHash) return false;
  const touched = await db.updateTable('staff_trusted_devices').set({ last_used_at: now })
    .where('token_hash', '=', tokenHash).where('staff_id', '=', staffId).where('expires_at', '>', now)
    .executeTakeFirst();
  return touched.numUpdatedRows > 0n;
}
