/**
 * « Déplacer le RDV » (SPEC D2): the patient first holds a new time of the same practitioner, then the move turns
 * that hold into the appointment and cancels the old one (`replaced_by`) in ONE transaction under the practitioner's
 * lock. Until then the old appointment stays booked, so a failed or abandoned move loses nothing.
 * The moved appointment is for the same patient; its reason is the hold's (the same one, or another of the
 * practitioner's), and the booking rules (C5, D5) and the 8-day rule (C6) are judged again on the new time.
 */
import type { Db } from '../../platform/db/database.ts';
import type { Language } from '../../platform/i18n/catalogue.ts';
import { findEightDayConflicts, EIGHT_DAY_RULE_DAYS } from './domain/eight-day-rule.ts';
import { BookingTargetNotFound, EightDayRuleConflict, HoldExpired } from './errors.ts';
import { claimLiveHold } from './confirm-appointment/claim-hold.ts';
import { ensureRulesAllow } from './confirm-appointment/check-rules.ts';
import { bookHeldRow, cancelReplaced, findNearbyBookings, linkPatientFile } from './confirm-appointment/repository.ts';
import { ensureCancellableOnline } from './cancel-appointment.ts';
import { AppointmentCancelled, HoldOfAnotherPractitioner, MoveTooLate } from './my-appointments-errors.ts';
import { findAppointmentState, type AppointmentState } from './my-appointments.ts';
import { deleteExpiredHolds, findHold, type HoldRow } from './repository.ts';
import { inPractitionerTransaction } from './transaction.ts';
import { loadAppointmentViews } from './views.ts';
import { enqueueAppointmentNotification } from '../notifications/index.ts';

export interface MoveRequest {
  /** The appointment to move: checked to be the caller's, or named by a valid move link. */
  target: AppointmentState;
  holdId: string;
  /** The token of a hold taken without a session (a move from a message link). */
  holdToken: string | null;
  /** For a new reason with instructions or a referral; the old appointment's answers carry over otherwise. */
  acceptInstructions?: boolean;
  referringPractitionerId?: string;
  lang: Language;
  now: Date;
}

/** Moves the appointment to the held time; returns the new appointment's id. */
export async function moveAppointment(db: Db, request: MoveRequest): Promise<string> {
  const { target, now } = request;
  return inPractitionerTransaction(db, target.practitionerId, async (trx) => {
    await deleteExpiredHolds(trx, now, target.practitionerId);
    const old = await findAppointmentState(trx, target.id, true);
    if (!old || old.ownerAccountId === null) throw new BookingTargetNotFound('appointment_not_found');
    if (old.status === 'cancelled') throw new AppointmentCancelled();
    ensureCancellableOnline(old, request.lang, now, (phone) => new MoveTooLate(phone));
    const hold = await findMoveHold(trx, request.holdId, old);
    const claimed = await claimLiveHold(trx, { holdId: hold.id, accountId: old.ownerAccountId, holdToken: request.holdToken, now });
    const newId = await bookInPlaceOf(trx, claimed, old, request);
    await cancelReplaced(trx, [old.id], newId, now);
    await enqueueAppointmentNotification(trx, { appointmentId: newId, event: 'moved', now });
    return newId;
  });
}

/** The hold to move to: it must exist (an expired one is purged) and be in the same practitioner's agenda. */
async function findMoveHold(trx: Db, holdId: string, old: AppointmentState): Promise<HoldRow> {
  const hold = await findHold(trx, holdId);
  if (!hold) throw new HoldExpired();
  if (hold.practitionerId !== old.practitionerId) throw new HoldOfAnotherPractitioner();
  return hold;
}

/** Judges the rules on the new time and books the hold for the old appointment's patient. */
async function bookInPlaceOf(trx: Db, hold: HoldRow, old: AppointmentState, request: MoveRequest): Promise<string> {
  const { now } = request;
  const sameReason = hold.reasonId === old.reasonId;
  const referringPractitionerId = request.referringPractitionerId ?? old.referringPractitionerId;
  const alreadyAccepted = sameReason && old.instructionsAcceptedAt !== null;
  const patient = await trx.selectFrom('patients').select(['id', 'first_name', 'last_name', 'birth_date'])
    .where('id', '=', old.patientId).executeTakeFirstOrThrow();
  const verdict = await ensureRulesAllow(trx, {
    hold,
    patient: { id: patient.id, identity: { firstName: patient.first_name ?? '', lastName: patient.last_name ?? '', birthDate: patient.birth_date } },
    referringPractitionerId,
    instructionsAccepted: alreadyAccepted || request.acceptInstructions === true,
    now,
  });
  if (verdict.eightDayRule) await ensureNoEightDayConflict(trx, hold, old, verdict.specialtyCode, request);
  const booked = await bookHeldRow(trx, {
    holdId: hold.id,
    accountId: old.ownerAccountId!,
    patientId: old.patientId,
    referringPractitionerId,
    instructionsAcceptedAt: verdict.hasInstructions ? (alreadyAccepted ? old.instructionsAcceptedAt : now) : null,
    now,
  });
  if (!booked) throw new HoldExpired();
  if (verdict.fileToLink) await linkPatientFile(trx, verdict.fileToLink, old.patientId);
  return hold.id;
}

/**
 * The 8-day rule (C6) on the new time, the moved appointment itself left out. A move offers no « remplacer »:
 * the patient picks another time, or cancels the other appointment first.
 */
async function ensureNoEightDayConflict(
  trx: Db, hold: HoldRow, old: AppointmentState, specialtyCode: string, request: MoveRequest,
): Promise<void> {
  const nearby = await findNearbyBookings(trx, old.patientId, hold.start, EIGHT_DAY_RULE_DAYS + 1, request.now);
  const conflicts = findEightDayConflicts(
    { practitionerId: hold.practitionerId, specialtyCode, start: hold.start }, nearby, true, old.id,
  );
  if (!conflicts.length) return;
  throw new EightDayRuleConflict(await loadAppointmentViews(trx, conflicts.map((conflict) => conflict.appointmentId), request.lang, request.now));
}
