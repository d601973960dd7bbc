/**
 * Confirming a hold (SPEC C3–C9, docs/api-booking.md « Confirming »). One read gathers everything the decision
 * needs (inputs.ts); the booking domain judges it — the hold's owner and expiry, who the appointment is for, the
 * rules, the 8-day rule — and one statement writes the result under the practitioner's lock, re-checking there what
 * may have changed (`booking_confirm`). A refusal writes nothing, so the hold stays for a corrected try.
 * When the patient must be written first (a new relative, « Mon compte » filled here), the same steps run in one
 * transaction that starts with the lock, and a refusal rolls it all back.
 * The Idempotency-Key makes a repeated request answer the first one's appointment; so does the hold id itself
 * for its owner (a confirmation sent again after its key was lost).
 * A practitioner confirming from its own software (C9) gets the judged request instead of the booking (pending.ts):
 * the flag rides in the rule inputs, so the usual path reads nothing more.
 */
import type { Db } from '../../../platform/db/database.ts';
import type { Language } from '../../../platform/i18n/catalogue.ts';
import { enqueueAppointmentNotification, intentsForNewBooking } from '../../notifications/index.ts';
import { BookingTargetNotFound, HoldExpired, HoldNotYours } from '../errors.ts';
import { hashHoldToken, judgeHoldClaim } from '../holds.ts';
import type { HoldRow } from '../repository.ts';
import { bookedViewOf, type AppointmentView } from '../views.ts';
import type { ConfirmationBody } from '../schemas.ts';
import { inPractitionerTransaction, retryingContention } from '../transaction.ts';
import { decideEightDayRule, ensureRulesAllow, judgeRules, settleEightDayRule } from './check-rules.ts';
import { readConfirmationInputs, type ConfirmationInputs } from './inputs.ts';
import { findReplacedBy, writeConfirmation, type ConfirmationOutcome, type ConfirmationWrite } from './repository.ts';
import { askPracticeSoftware, storePendingConfirmation, type PendingAnswer } from './pending.ts';
import { asBookedPatient, resolvePatient, storedHolder, type BookedPatient } from './resolve-patient.ts';

export type { PendingAnswer } from './pending.ts';

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
  /** The appointment's view, when the confirmation could tell it without reading it again. */
  view?: AppointmentView;
}

/**
 * Books the held slot for the chosen patient, or throws the refusal; a repeated key returns the first booking.
 * For a practitioner confirming from its own software (C9), answers the question put to it instead.
 */
export async function confirmAppointment(db: Db, request: ConfirmationRequest): Promise<Confirmation | PendingAnswer> {
  const inputs = await readConfirmationInputs(db, request);
  if (inputs.earlier) return replay(db, inputs.earlier);
  if (inputs.pending) return { pending: inputs.pending };
  const hold = inputs.hold;
  // Expired holds are deleted (by other bookings of the agenda and by the timer job): a vanished hold expired.
  if (!hold) throw new HoldExpired();
  if (hold.status === 'booked') {
    if (hold.accountId !== request.accountId) throw new HoldNotYours();
    return replay(db, hold.id);
  }
  const claim = judgeHoldClaim(hold, request.accountId, request.body.holdToken ?? null, request.now);
  if (claim === 'not_yours') throw new HoldNotYours();
  if (claim === 'expired') throw new HoldExpired();
  const patient = storedPatient(inputs, request.body.patient);
  return patient ? bookStoredPatient(db, request, inputs, hold, patient) : bookWritingPatient(db, request, hold);
}

/** The usual case: the patient is already stored, so the decision is made on the inputs and written at once. */
async function bookStoredPatient(
  db: Db, request: ConfirmationRequest, inputs: ConfirmationInputs, hold: HoldRow, patient: BookedPatient,
): Promise<Confirmation | PendingAnswer> {
  const { body, now } = request;
  if (body.referringPractitionerId != null && !inputs.referringExists) throw new BookingTargetNotFound('referring_practitioner_not_found');
  const rulesRequest = {
    hold, patient, referringPractitionerId: body.referringPractitionerId ?? null, instructionsAccepted: body.acceptInstructions === true, now,
  };
  const verdict = judgeRules(inputs.rules!, rulesRequest);
  const replacedIds = await decideEightDayRule(db, inputs.nearby, eightDayRequest(request, hold, patient, verdict));
  const write = confirmationWrite(request, hold, patient.id, verdict, replacedIds);
  if (verdict.confirmsFromSoftware) return askPracticeSoftware(db, { ...write, placeId: hold.placeId });
  const stored = inputs.patient!;
  const planned = intentsForNewBooking(hold.id, hold.start, {
    reasonOn: inputs.rules!.reasonNotifications, fileOff: verdict.file?.notificationsOff ?? false,
    isHolder: stored.isHolder, patientEmail: stored.email, patientPhone: stored.phone, patientPhoneKind: stored.phoneKind,
    accountEmail: inputs.account.email, accountPhone: inputs.account.phone, accountPhoneKind: inputs.account.phoneKind,
    language: inputs.account.language,
  }, now);
  if (!replacedIds.length) {
    const confirmation = await settle(db, await retryingContention(() => writeConfirmation(db, { ...write, planned })), replacedIds);
    if (confirmation.replayed || !inputs.view) return confirmation;
    return { ...confirmation, view: bookedViewOf(inputs.view, stored, now, now) };
  }
  // Replacing (C6) also tells the patient of each cancellation: the messages are written in the same transaction.
  return settle(db, await inPractitionerTransaction(db, hold.practitionerId, async (trx) => {
    const outcome = await writeConfirmation(trx, { ...write, planned });
    if (outcome.outcome === 'booked') await enqueueCancellations(trx, replacedIds, now);
    return outcome;
  }), replacedIds);
}

/** A new relative, or « Mon compte » filled from the identity typed here: written, judged and booked in one transaction. */
async function bookWritingPatient(db: Db, request: ConfirmationRequest, hold: HoldRow): Promise<Confirmation | PendingAnswer> {
  const { accountId, body, now } = request;
  let replacedIds: string[] = [];
  try {
    return await inPractitionerTransaction(db, hold.practitionerId, async (trx) => {
      const patient = await resolvePatient(trx, accountId, body.patient, now);
      const verdict = await ensureRulesAllow(trx, {
        hold, patient, referringPractitionerId: body.referringPractitionerId ?? null, instructionsAccepted: body.acceptInstructions === true, now,
      });
      replacedIds = await settleEightDayRule(trx, eightDayRequest(request, hold, patient, verdict));
      const write = confirmationWrite(request, hold, patient.id, verdict, replacedIds);
      // C9: the patient written here stays (a new relative among « Mes proches ») while the practice's software answers.
      if (verdict.confirmsFromSoftware) return storePendingConfirmation(trx, { ...write, placeId: hold.placeId });
      const outcome = await writeConfirmation(trx, { ...write, planned: null });
      // Anything but a booking rolls back what was written for the patient.
      if (outcome.outcome !== 'booked') throw new NotBooked(outcome);
      await enqueueAppointmentNotification(trx, { appointmentId: hold.id, event: 'booked', now });
      await enqueueCancellations(trx, replacedIds, now);
      return { appointmentId: hold.id, replacedIds, replayed: false };
    });
  } catch (error) {
    if (error instanceof NotBooked) return settle(db, error.outcome, replacedIds);
    throw error;
  }
}

/** The patient chosen when already stored as the booking needs it; null when it must be written first. */
function storedPatient(inputs: ConfirmationInputs, choice: ConfirmationBody['patient']): BookedPatient | null {
  if (choice.kind === 'new_relative') return null;
  if (choice.kind === 'relative') {
    if (!inputs.patient) throw new BookingTargetNotFound('relative_not_found', 'relatives.error.not_found');
    return asBookedPatient(inputs.patient);
  }
  // An account without its holder row yet (created before its identity was asked) gets one: a write.
  return inputs.patient ? storedHolder(inputs.patient, choice.identity) : null;
}

function confirmationWrite(
  request: ConfirmationRequest, hold: HoldRow, patientId: string, verdict: { fileToLink: string | null; hasInstructions: boolean },
  replacedIds: readonly string[],
): Omit<ConfirmationWrite, 'planned'> {
  const { accountId, idempotencyKey, body, now } = request;
  return {
    holdId: hold.id, practitionerId: hold.practitionerId, accountId, patientId, idempotencyKey, now, replacedIds,
    holdToken: body.holdToken ? hashHoldToken(body.holdToken) : null,
    referringPractitionerId: body.referringPractitionerId ?? null,
    instructionsAcceptedAt: verdict.hasInstructions && body.acceptInstructions === true ? now : null,
    fileToLink: verdict.fileToLink,
  };
}

function eightDayRequest(
  request: ConfirmationRequest, hold: HoldRow, patient: BookedPatient, verdict: { specialtyCode: string; eightDayRule: boolean },
) {
  return {
    hold, patientId: patient.id, specialtyCode: verdict.specialtyCode, ruleOn: verdict.eightDayRule,
    replace: request.body.eightDayRule === 'replace', lang: request.lang, now: request.now,
  };
}

async function enqueueCancellations(trx: Db, ids: readonly string[], now: Date): Promise<void> {
  for (const id of ids) await enqueueAppointmentNotification(trx, { appointmentId: id, event: 'cancelled', now });
}

/** The written outcome as the caller's answer, or its refusal. */
async function settle(db: Db, written: ConfirmationOutcome, replacedIds: string[]): Promise<Confirmation> {
  switch (written.outcome) {
    case 'booked': return { appointmentId: written.appointmentId, replacedIds, replayed: false };
    case 'replayed': return replay(db, written.appointmentId);
    case 'not_yours': throw new HoldNotYours();
    case 'patient_gone': throw new BookingTargetNotFound('relative_not_found', 'relatives.error.not_found');
    default: throw new HoldExpired();
  }
}

/** The answer already given: that appointment, and what it replaced. */
async function replay(db: Db, appointmentId: string): Promise<Confirmation> {
  return { appointmentId, replacedIds: await findReplacedBy(db, appointmentId), replayed: true };
}

/** A written outcome other than a booking, thrown to roll the patient's writes back. */
class NotBooked extends Error {
  constructor(readonly outcome: ConfirmationOutcome) {
    super(outcome.outcome);
  }
}
