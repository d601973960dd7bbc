/**
 * Confirming a hold (SPEC C3–C9, docs/api-booking.md « Confirming »), one step per file: claim the hold →
 * resolve who it is for → check the rules and the 8-day rule → book. Everything runs in ONE transaction that
 * starts with the practitioner's advisory lock; a refusal rolls it all back, so the hold stays for a corrected try.
 * The Idempotency-Key makes a repeated request answer the first one's appointment; so does the hold id itself
 * for its owner (a confirmation sent again after its key was lost).
 */
import type { Db } from '../../../platform/db/database.ts';
import type { Language } from '../../../platform/i18n/catalogue.ts';
import { HoldExpired, IdempotencyKeyReused } from '../errors.ts';
import { deleteExpiredHolds } from '../repository.ts';
import type { ConfirmationBody } from '../schemas.ts';
import { inPractitionerTransaction } from '../transaction.ts';
import { claimLiveHold, isAlreadyBookedBy } from './claim-hold.ts';
import { ensureRulesAllow, settleEightDayRule } from './check-rules.ts';
import { resolvePatient } from './resolve-patient.ts';
import { enqueueAppointmentNotification } from '../../notifications/index.ts';
import {
  bookHeldRowUnderKey, cancelReplaced, findBookingRequest, findConfirmationTarget, findReplacedBy, linkPatientFile,
} from './repository.ts';

export interface ConfirmationRequest {
  accountId: string;
  idempotencyKey: string;
  body: ConfirmationBody;
  lang: Language;
  now: Date;
}

export interface Confirmation {
  appointmentId: string;
  /** Appointments cancelled by « Remplacer par celui en cours » (C6), soonest first. */
  replacedIds: string[];
  /** True when an earlier request with the same key had already booked it. */
  replayed: boolean;
}

/** Books the held slot for the chosen patient, or throws the refusal; a repeated key returns the first booking. */
export async function confirmAppointment(db: Db, request: ConfirmationRequest): Promise<Confirmation> {
  // Read without the lock: the answer already given to this key, else which agenda to lock (everything is read again under it).
  const target = await findConfirmationTarget(db, request.accountId, request.idempotencyKey, request.body.holdId);
  if (target.earlier) return { appointmentId: target.earlier, replacedIds: await findReplacedBy(db, target.earlier), replayed: true };
  const practitionerId = target.practitionerId;
  if (practitionerId === null) throw new HoldExpired();
  return inPractitionerTransaction(db, practitionerId, async (trx) => {
    const twin = await replayOf(trx, request);
    if (twin) return twin;
    await deleteExpiredHolds(trx, request.now, practitionerId);
    return bookHold(trx, request);
  });
}

/** The steps under the lock. */
async function bookHold(trx: Db, { accountId, idempotencyKey, body, lang, now }: ConfirmationRequest): Promise<Confirmation> {
  if (await isAlreadyBookedBy(trx, body.holdId, accountId)) {
    return { appointmentId: body.holdId, replacedIds: await findReplacedBy(trx, body.holdId), replayed: true };
  }
  const hold = await claimLiveHold(trx, { holdId: body.holdId, accountId, holdToken: body.holdToken ?? null, now });
  const patient = await resolvePatient(trx, accountId, body.patient, now);
  const verdict = await ensureRulesAllow(trx, {
    hold, patient, referringPractitionerId: body.referringPractitionerId ?? null, instructionsAccepted: body.acceptInstructions === true, now,
  });
  const replacedIds = await settleEightDayRule(trx, {
    hold, patientId: patient.id, specialtyCode: verdict.specialtyCode, ruleOn: verdict.eightDayRule,
    replace: body.eightDayRule === 'replace', lang, now,
  });
  const booked = await bookHeldRowUnderKey(trx, {
    holdId: hold.id, accountId, patientId: patient.id, now,
    referringPractitionerId: body.referringPractitionerId ?? null,
    instructionsAcceptedAt: verdict.hasInstructions && body.acceptInstructions === true ? now : null,
  }, idempotencyKey);
  if (booked === 'hold_vanished') throw new HoldExpired();
  if (booked === 'key_taken') throw new IdempotencyKeyReused();
  await cancelReplaced(trx, replacedIds, hold.id, now);
  if (verdict.fileToLink) await linkPatientFile(trx, verdict.fileToLink, patient.id);
  await enqueueAppointmentNotification(trx, { appointmentId: hold.id, event: 'booked', now });
  for (const id of replacedIds) await enqueueAppointmentNotification(trx, { appointmentId: id, event: 'cancelled', now });
  return { appointmentId: hold.id, replacedIds, replayed: false };
}

/** The answer already given to this key, if any. */
async function replayOf(db: Db, request: ConfirmationRequest): Promise<Confirmation | null> {
  const appointmentId = await findBookingRequest(db, request.accountId, request.idempotencyKey);
  if (!appointmentId) return null;
  return { appointmentId, replacedIds: await findReplacedBy(db, appointmentId), replayed: true };
}
