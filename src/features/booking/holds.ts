/**
 * Holding a slot (SPEC C2, docs/api-booking.md « Holding a slot »): the start must be a slot of that place and
 * reason's grid (the availability feature's own computation on that day's agenda); then ONE statement, under the
 * practitioner's lock, deletes the agenda's expired holds, releases the patient's previous hold with that
 * practitioner and inserts the held row for 15 minutes, where the exclusion constraint refuses a taken time (C8).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../platform/db/database.ts';
import { findOfferedSlotAt, type AgendaKey, type OfferedDaysMemory } from '../availability/index.ts';
import { NotSignedIn } from '../accounts/errors.ts';
import { slotGroupFor } from './domain/capacity.ts';
import { canConfirmHold, holdExpiresAt, holdState } from './domain/hold.ts';
import { BookingTargetNotFound, HoldExpired, HoldNotFound, SlotTaken } from './errors.ts';
import { deleteHold, findHold, takeHold, type HoldOwner, type HoldRow } from './repository.ts';
import { inPractitionerTransaction, retryingContention } from './transaction.ts';
import { holdDetailsQuery, type HoldDetails } from './views.ts';
import type { Language } from '../../platform/i18n/catalogue.ts';

export interface HoldRequest extends AgendaKey {
  start: Date;
  /** The appointment this hold would replace (D2): the caller's own, booked, upcoming, same practitioner. */
  moving?: string;
}

/** Who asks: the signed-in account, or none; and the hold token the browser presents, if any. */
export interface HoldCaller {
  accountId: string | null;
  holdToken: string | null;
}

export interface TakenHold {
  hold: HoldRow;
  /** What its view shows, read with it (null: to be read). */
  details: HoldDetails | null;
  /** Returned once, for a hold taken before login: the browser presents it to see, release and confirm the hold. */
  holdToken?: string;
}

/** Holds `start` for the caller for 15 minutes, releasing their previous hold with that practitioner. */
export async function holdSlot(
  db: Db, request: HoldRequest, caller: HoldCaller, now: Date, lang: Language, agendaDays?: OfferedDaysMemory,
): Promise<TakenHold> {
  if (request.moving !== undefined && caller.accountId === null) throw new NotSignedIn();
  const issued = caller.accountId === null ? issueHoldToken() : null;
  const owner: HoldOwner = caller.accountId !== null ? { accountId: caller.accountId } : { tokenHash: issued!.hash };
  const slot = await findOfferedSlotAt(db, request, request.start, now, agendaDays);
  if (!slot) throw new SlotTaken();
  const [start, end] = [new Date(slot.start), new Date(slot.end)];
  // The caller's previous hold is released in the same statement before the insert, so that choosing the same slot
  // again keeps it; a refusal rolls the release back.
  const release: HoldOwner | null = caller.accountId !== null ? { accountId: caller.accountId }
    : caller.holdToken !== null ? { tokenHash: hashHoldToken(caller.holdToken) } : null;
  const expiresAt = holdExpiresAt(now);
  const taken = await retryingContention(() => takeHold(db, {
    ...request, start, end, expiresAt, owner, release, now,
    moving: request.moving ?? null,
    capacity: slot.capacity,
    newGroup: slotGroupFor({ id: request.reasonId, capacity: slot.capacity }, start, null),
  }, holdDetailsQuery({ ...request, start, end }, lang)));
  if ('refused' in taken) {
    if (taken.refused === 'not_movable') throw new BookingTargetNotFound('appointment_not_found');
    throw new SlotTaken();
  }
  const hold: HoldRow = {
    id: taken.id, practitionerId: request.practitionerId, placeId: request.placeId, reasonId: request.reasonId, start, end,
    holdExpiresAt: expiresAt, accountId: caller.accountId, holdTokenHash: issued?.hash ?? null,
  };
  return { hold, details: taken.alongside, ...(issued ? { holdToken: issued.token } : {}) };
}

/**
 * The hold as its owner may see it (GET /api/holds/:id): the signed-in account that holds it, or the browser
 * presenting its token. Someone else's is « not found »; an expired or already purged one is « expired » (410).
 */
export async function readOwnHold(db: Db, holdId: string, caller: HoldCaller, now: Date): Promise<HoldRow> {
  const hold = await findHold(db, holdId);
  if (!hold) throw new HoldExpired();
  if (!isOwner(hold, caller)) throw new HoldNotFound();
  if (holdState({ expiresAt: hold.holdExpiresAt }, now) === 'expired') throw new HoldExpired();
  return hold;
}

/** « Released »: the owner gives the slot back (DELETE /api/holds/:id); releasing a vanished hold is a no-op. */
export async function releaseHold(db: Db, holdId: string, caller: HoldCaller): Promise<void> {
  const hold = await findHold(db, holdId);
  if (!hold) return;
  if (!isOwner(hold, caller)) throw new HoldNotFound();
  await inPractitionerTransaction(db, hold.practitionerId, (trx) => deleteHold(trx, holdId));
}

/** Whether the caller owns the hold: its account, or (before login) the token of the browser that took it. */
export function isOwner(hold: Pick<HoldRow, 'accountId' | 'holdTokenHash'>, caller: HoldCaller): boolean {
  if (hold.accountId !== null) return caller.accountId === hold.accountId;
  return tokenMatches(hold, caller.holdToken);
}

/** Whether a presented hold token is the one of this hold (constant work: SHA-256 then Buffer comparison). */
export function tokenMatches(hold: Pick<HoldRow, 'holdTokenHash'>, holdToken: string | null): boolean {
  return hold.holdTokenHash !== null && holdToken !== null && hashHoldToken(holdToken).equals(hold.holdTokenHash);
}

/** The confirmation's verdict on a hold for a signed-in account (ownership first, then expiry; domain/hold.ts). */
export function judgeHoldClaim(hold: HoldRow, accountId: string, holdToken: string | null, now: Date) {
  return canConfirmHold({
    holdAccountId: hold.accountId, holdTokenMatches: tokenMatches(hold, holdToken), accountId, expiresAt: hold.holdExpiresAt,
  }, now);
}

/** A token for a hold taken before login: 32 random bytes, base64url; only its SHA-256 is stored. */
function issueHoldToken(): { token: string; hash: Buffer } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashHoldToken(token) };
}

/** The stored form of a hold token. */
export function hashHoldToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}
