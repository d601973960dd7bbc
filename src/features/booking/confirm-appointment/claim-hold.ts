/**
 * Step 1 of a confirmation: the hold must be the caller's and still live (C2, C3). A hold taken before login is
 * claimed here by the account presenting its token. Ownership is judged before expiry (domain/hold.ts).
 */
import type { Db } from '../../../platform/db/database.ts';
import { HoldExpired, HoldNotYours } from '../errors.ts';
import { judgeHoldClaim } from '../holds.ts';
import { findHold, type HoldRow } from '../repository.ts';
import { claimHold } from './repository.ts';

export interface HoldClaimRequest {
  holdId: string;
  accountId: string;
  holdToken: string | null;
  now: Date;
}

/** The caller's live hold, now owned by their account; throws HoldExpired (410) or HoldNotYours (403). */
export async function claimLiveHold(trx: Db, request: HoldClaimRequest): Promise<HoldRow> {
  const hold = await findHold(trx, request.holdId);
  // Expired holds are deleted (here, by other bookings of the agenda, and by the timer job): a vanished hold expired.
  if (!hold) throw new HoldExpired();
  const verdict = judgeHoldClaim(hold, request.accountId, request.holdToken, request.now);
  if (verdict === 'not_yours') throw new HoldNotYours();
  if (verdict === 'expired') throw new HoldExpired();
  if (hold.accountId === null) await claimHold(trx, hold.id, request.accountId);
  return { ...hold, accountId: request.accountId, holdTokenHash: null };
}
