/**
 * « Se souvenir de moi sur cet appareil » (A4): a device cookie whose SHA-256 is kept in `trusted_devices`
 * for 90 days; a login on a trusted device of that account skips the email code.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';
import { clearCookie, readCookie, writeCookie } from '../../platform/http/cookies.ts';
import { hashToken, issueToken, looksLikeToken } from './tokens.ts';

export const DEVICE_COOKIE = '__Host-creneau_device';
export const DEVICE_TRUST_MS = 90 * 24 * 60 * 60_000;

const cookieAttributes = { httpOnly: true, secure: true, sameSite: 'Lax' } as const;

type Executor = Db | Transaction<Database>;

/** Trusts this browser for the account for 90 days (replacing the device cookie it may hold). */
export async function trustDevice(trx: Executor, reply: FastifyReply, accountId: string, now: Date): Promise<void> {
  const issued = issueToken();
  await trx
    .insertInto('trusted_devices')
    .values({
      token_hash: issued.hash,
      account_id: accountId,
      created_at: now,
      last_used_at: now,
      expires_at: new Date(now.getTime() + DEVICE_TRUST_MS),
    })
    .execute();
  writeCookie(reply, DEVICE_COOKIE, issued.token, { ...cookieAttributes, maxAge: DEVICE_TRUST_MS / 1000 });
}

/** Whether the browser presents a live trusted-device token of this account; marks it used. */
export async function isTrustedDevice(db: Executor, request: FastifyRequest, accountId: string, now: Date): Promise<boolean> {
  const token = readCookie(request, DEVICE_COOKIE);
  if (!looksLikeToken(token)) return false;
  const used = await db
    .updateTable('trusted_devices')
    .set({ last_used_at: now })
    .where('token_hash', '=', hashToken(token))
    .where('account_id', '=', accountId)
    .where('expires_at', '>', now)
    .returning('token_hash')
    .executeTakeFirst();
  return used !== undefined;
}

/** Forgets the device cookie in the browser (logout-all, account deleted). */
export function clearDeviceCookie(reply: FastifyReply): void {
  clearCookie(reply, DEVICE_COOKIE, cookieAttributes);
}

/** Deletes the account's expired device rows (opportunistically, at login). */
export async function purgeExpiredDevices(db: Executor, accountId: string, now: Date): Promise<void> {
  await db.deleteFrom('trusted_devices').where('account_id', '=', accountId).where('expires_at', '<=', now).execute();
}
