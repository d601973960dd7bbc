/**
 * The practitioner space's rate limits (docs/api-practice.md « Rate limits »): the patient numbers in buckets of their
 * own, so that a practice and its patients sharing an address do not spend each other's tries. Counted with the Db.
 */
import type { Db } from '../../platform/db/database.ts';
import { bucketKey, enforceRateLimit } from '../../platform/http/rate-limit.ts';
import { accountLimits } from '../accounts/rate-limits.ts';

const staffLimits = {
  staffLoginPerIp: accountLimits.loginPerIp,
  staffLoginPerEmail: accountLimits.loginPerEmail,
  staffCodeCheckPerIp: accountLimits.codeCheckPerIp,
  staffCodeSendPerIp: accountLimits.codeSendPerIp,
  staffInvitationPerIp: { limit: 20, windowMs: 15 * 60_000 },
  staffInvitationsPerPractitioner: { limit: 20, windowMs: 60 * 60_000 },
  /** Typing the current password (password change), per login: as a patient's 10 / 15 min. */
  staffPasswordConfirmation: { limit: 10, windowMs: 15 * 60_000 },
} as const;

export type StaffLimit = keyof typeof staffLimits;

/** One hit of `limit` for `key` (an IP, an email typed, a practitioner id); 429 beyond it. */
export function limitStaffAttempt(db: Db, limit: StaffLimit, key: string, now: Date): Promise<void> {
  return enforceRateLimit(db, { bucket: bucketKey(limit, key), ...staffLimits[limit], now });
}
