/**
 * The rate limits of the accounts API (docs/api-accounts.md « Rate limits »), one place for the numbers.
 * Hits are counted with the Db itself, outside any transaction, so that a refused request still counts.
 */
import type { Db } from '../../platform/db/database.ts';
import { bucketKey, enforceRateLimit } from '../../platform/http/rate-limit.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export const accountLimits = {
  loginPerIp: { limit: 20, windowMs: 15 * MINUTE },
  loginPerEmail: { limit: 10, windowMs: 15 * MINUTE },
  codeCheckPerIp: { limit: 30, windowMs: 15 * MINUTE },
  codeSendPerIp: { limit: 10, windowMs: HOUR },
  codeSendPerDestination: { limit: 5, windowMs: HOUR },
  resetPerIp: { limit: 10, windowMs: HOUR },
  resetPerEmail: { limit: 3, windowMs: HOUR },
  signupPerIp: { limit: 10, windowMs: HOUR },
} as const;

export type AccountLimit = keyof typeof accountLimits;

/** Counts a hit of `limit` for `key` (an IP, a normalised email or an E.164 phone); 429 when exceeded. */
export function limitAttempt(db: Db, limit: AccountLimit, key: string, now: Date): Promise<void> {
  const { limit: max, windowMs } = accountLimits[limit];
  return enforceRateLimit(db, { bucket: bucketKey(limit, key), limit: max, windowMs, now });
}
