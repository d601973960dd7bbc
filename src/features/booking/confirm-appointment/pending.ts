/**
 * C9: a practitioner whose agenda runs on its own interfaced software accepts each online booking from it. Once a
 * confirmation is judged, its request is stored in `pending_confirmations` instead of being booked, and the hold is
 * kept for the patient until `answerBy` exactly (docs/api-booking.md « Practices that confirm from their own software »).
 */
import type { Db } from '../../../platform/db/database.ts';
import { HoldExpired, HoldNotYours, IdempotencyKeyReused } from '../errors.ts';
import { findHold } from '../repository.ts';
import { inPractitionerTransaction, postgresCode } from '../transaction.ts';
import type { ConfirmationWrite } from './repository.ts';

/** How long the practice's software has to answer: a patient waits on the page, so it must be short (decisions.md). */
export const ANSWER_WITHIN_MS = 2 * 60_000;

/** The answer while the practice's software has not accepted yet (202). */
export interface PendingAnswer {
  pending: { holdId: string; answerBy: Date };
}

/** What `writeConfirmation` needs once accepted, kept in `pending_confirmations.request`. */
export interface StoredRequest {
  patientId: string;
  placeId: string;
  referringPractitionerId: string | null;
  instructionsAcceptedAt: string | null;
  fileToLink: string | null;
  replacedIds: string[];
}

export type PendingWrite = Omit<ConfirmationWrite, 'planned'> & { placeId: string };

const UNIQUE_VIOLATION = '23505';

/** Asks the practice's software: the request is stored and the hold extended to `answerBy`, under the agenda's lock. */
export function askPracticeSoftware(db: Db, write: PendingWrite): Promise<PendingAnswer> {
  return inPractitionerTransaction(db, write.practitionerId, (trx) => storePendingConfirmation(trx, write));
}

/**
 * Inside the practitioner's locked transaction: the hold, still live and the caller's (claimed if taken before
 * login), now waits until `answerBy`; asking again for the same hold answers the question already asked.
 */
export async function storePendingConfirmation(trx: Db, write: PendingWrite): Promise<PendingAnswer> {
  const asked = await trx.selectFrom('pending_confirmations').select(['account_id', 'answer_by'])
    .where('hold_id', '=', write.holdId).executeTakeFirst();
  if (asked) {
    if (asked.account_id !== write.accountId) throw new HoldNotYours();
    return { pending: { holdId: write.holdId, answerBy: asked.answer_by } };
  }
  const answerBy = new Date(write.now.getTime() + ANSWER_WITHIN_MS);
  const kept = await trx.updateTable('appointments')
    .set({ hold_expires_at: answerBy, account_id: write.accountId, hold_token_hash: null })
    .where('id', '=', write.holdId).where('status', '=', 'held').where('hold_expires_at', '>', write.now)
    .where((eb) => write.holdToken
      ? eb.or([eb('account_id', '=', write.accountId), eb.and([eb('account_id', 'is', null), eb('hold_token_hash', '=', write.holdToken)])])
      : eb('account_id', '=', write.accountId))
    .executeTakeFirst();
  if (kept.numUpdatedRows === 0n) throw await whyNotKept(trx, write);
  const request: StoredRequest = {
    patientId: write.patientId, placeId: write.placeId, referringPractitionerId: write.referringPractitionerId,
    instructionsAcceptedAt: write.instructionsAcceptedAt?.toISOString() ?? null, fileToLink: write.fileToLink,
    replacedIds: [...write.replacedIds],
  };
  try {
    await trx.insertInto('pending_confirmations').values({
      hold_id: write.holdId, practitioner_id: write.practitionerId, account_id: write.accountId,
      idempotency_key: write.idempotencyKey, request: JSON.stringify(request), requested_at: write.now, answer_by: answerBy,
    }).execute();
  } catch (error) {
    // A twin request with the same key asked for another hold meanwhile: this one's writes roll back.
    if (postgresCode(error) === UNIQUE_VIOLATION) throw new IdempotencyKeyReused();
    throw error;
  }
  return { pending: { holdId: write.holdId, answerBy } };
}

/** The hold changed since it was judged: taken by someone else, or expired (or released) meanwhile. */
async function whyNotKept(trx: Db, write: PendingWrite): Promise<Error> {
  const hold = await findHold(trx, write.holdId);
  return hold && hold.accountId !== null && hold.accountId !== write.accountId ? new HoldNotYours() : new HoldExpired();
}
