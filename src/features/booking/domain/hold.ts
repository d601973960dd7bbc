/**
 * Holds (SPEC C2, C3): choosing a slot holds it for 15 minutes, before or after login. A hold taken before login is
 * claimed by the first account that presents its token; once an account holds it, no other account can confirm it.
 * Pure: the current instant is always an argument; the token's hash comparison is the service's.
 */

export const HOLD_MINUTES = 15;
const HOLD_MS = HOLD_MINUTES * 60_000;

/** When a hold taken at `now` frees the slot again for everyone. */
export function holdExpiresAt(now: Date): Date {
  return new Date(now.getTime() + HOLD_MS);
}

/** A hold is live strictly before its expiry instant; at that instant the slot is free again. */
export function holdState(hold: { expiresAt: Date }, now: Date): 'live' | 'expired' {
  return now.getTime() < hold.expiresAt.getTime() ? 'live' : 'expired';
}

export interface HoldClaim {
  /** The account holding the slot, or null for a hold taken before login. */
  holdAccountId: string | null;
  /** Whether the request presented this hold's token (the browser that chose the slot). */
  holdTokenMatches: boolean;
  /** The logged-in account trying to confirm. */
  accountId: string;
  expiresAt: Date;
}

/**
 * Whether `accountId` may confirm the hold. Ownership is judged before expiry, so another account learns
 * nothing about someone else's hold beyond « not yours ».
 */
export function canConfirmHold(claim: HoldClaim, now: Date): 'ok' | 'expired' | 'not_yours' {
  const owned = claim.holdAccountId === null ? claim.holdTokenMatches : claim.holdAccountId === claim.accountId;
  if (!owned) return 'not_yours';
  return holdState(claim, now) === 'live' ? 'ok' : 'expired';
}
