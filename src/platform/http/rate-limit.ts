/**
 * Rate limits in fixed windows kept in PostgreSQL (`rate_limit_hits`), so that they hold across
 * processes and restarts. A hit is counted before the work is done; over the limit → 429 + Retry-After.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { AppError } from '../errors.ts';

/** Too many requests in the window: try again after `retryAfterSeconds` (429, Retry-After header). */
export class TooManyAttempts extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    super('too_many_requests', minutes === 1 ? 'accounts.error.too_many_attempts_one' : 'accounts.error.too_many_attempts', { minutes });
    this.headers = { 'retry-after': String(Math.max(1, Math.ceil(retryAfterSeconds))) };
  }
}

export interface RateLimit {
  /** What is counted and for whom, e.g. 'login:ip:203.0.113.7' (hashed before storage, see bucketKey). */
  bucket: string;
  limit: number;
  windowMs: number;
  now: Date;
}

/** Old windows are deleted at most this often per database (opportunistically, by the requests themselves). */
const PURGE_EVERY_MS = 10 * 60_000;
/** Windows older than this are dead for every limit we have (the longest window is one hour). */
const KEEP_WINDOWS_MS = 24 * 60 * 60_000;
const lastPurge = new WeakMap<Db, number>();

/** Counts one hit in the bucket's current window; throws TooManyAttempts when the limit is exceeded. */
export async function enforceRateLimit(db: Db, limit: RateLimit): Promise<void> {
  const nowMs = limit.now.getTime();
  const windowStart = new Date(Math.floor(nowMs / limit.windowMs) * limit.windowMs);
  const row = await db
    .insertInto('rate_limit_hits')
    .values({ bucket: limit.bucket, window_start: windowStart, hits: 1 })
    .onConflict((oc) => oc.columns(['bucket', 'window_start']).doUpdateSet({ hits: sql<number>`rate_limit_hits.hits + 1` }))
    .returning('hits')
    .executeTakeFirstOrThrow();
  await purgeOldWindows(db, nowMs);
  if (row.hits > limit.limit) {
    throw new TooManyAttempts((windowStart.getTime() + limit.windowMs - nowMs) / 1000);
  }
}

/**
 * A bucket name that does not keep the email, phone or IP in clear: `<name>:<first 32 hex of SHA-256(key)>`.
 * Keys are normalised by the caller (lower-case email, E.164 phone).
 */
export function bucketKey(name: string, key: string): string {
  return `${name}:${createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 32)}`;
}

async function purgeOldWindows(db: Db, nowMs: number): Promise<void> {
  const last = lastPurge.get(db);
  if (last !== undefined && Math.abs(nowMs - last) < PURGE_EVERY_MS) return;
  lastPurge.set(db, nowMs);
  await db.deleteFrom('rate_limit_hits').where('window_start', '<', new Date(nowMs - KEEP_WINDOWS_MS)).execute();
}
