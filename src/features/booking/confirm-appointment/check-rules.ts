/**
 * Step 3 of a confirmation: the refusal rules (C5, D5) judged by the booking domain on data read inside the
 * transaction — the reason's settings, the practice's file on the patient, their no-shows with the practitioner —
 * then the 8-day rule (C6). A refusal throws, and the transaction rolls back with the hold untouched.
 */
import { translate, type Language } from '../../../platform/i18n/catalogue.ts';
import type { Db } from '../../../platform/db/database.ts';
import { displayPhone } from '../../accounts/domain/phone.ts';
import { cancellationPolicy } from '../domain/cancellation.ts';
import { EIGHT_DAY_RULE_DAYS, findEightDayConflicts, type EightDayExisting } from '../domain/eight-day-rule.ts';
import { checkBookingRules, sameIdentity } from '../domain/rules.ts';
import { BookingRefused, BookingTargetNotFound, CancelTooLate, EightDayRuleConflict } from '../errors.ts';
import type { HoldRow } from '../repository.ts';
import { loadAppointmentViews } from '../views.ts';
import {
  findNearbyBookings, findRuleInputs, practitionerExists, type PatientFileRow, type RuleInputs,
} from './repository.ts';
import type { BookedPatient } from './resolve-patient.ts';

export interface RulesRequest {
  hold: HoldRow;
  patient: BookedPatient;
  referringPractitionerId: string | null;
  instructionsAccepted: boolean;
  now: Date;
}

export interface RulesVerdict {
  /** The practice's file recognised by identity, to link to the patient once booked. */
  fileToLink: string | null;
  hasInstructions: boolean;
  specialtyCode: string;
  eightDayRule: boolean;
  /** C9: the booking waits for the practice's software instead of being written at once. */
  confirmsFromSoftware: boolean;
}

/** Throws the first refusal of the booking rules; otherwise what the booking step needs to know. */
export async function ensureRulesAllow(trx: Db, request: RulesRequest): Promise<RulesVerdict> {
  const { hold, patient } = request;
  if (request.referringPractitionerId !== null && !(await practitionerExists(trx, request.referringPractitionerId))) {
    throw new BookingTargetNotFound('referring_practitioner_not_found');
  }
  const inputs = await findRuleInputs(trx, {
    reasonId: hold.reasonId, practitionerId: hold.practitionerId, patientId: patient.id, birthDate: patient.identity.birthDate,
  });
  return judgeRules(inputs, request);
}

/** The booking rules judged on inputs already read (the referring practitioner's existence checked by the caller). */
export function judgeRules({ reason, files, noShows, confirmsFromSoftware }: RuleInputs, request: RulesRequest): RulesVerdict & { file: PatientFileRow | null } {
  const { hold, patient } = request;
  const file = practiceFileOf(files, patient);
  const refusal = checkBookingRules({
    reason,
    file,
    noShowsWithPractitioner: noShows,
    patient: patient.identity,
    referringPractitionerId: request.referringPractitionerId,
    instructionsAccepted: request.instructionsAccepted,
    slotStart: hold.start,
  });
  if (refusal) throw new BookingRefused(refusal);
  return {
    file,
    fileToLink: file && !file.linked ? file.id : null,
    hasInstructions: reason.hasInstructions,
    specialtyCode: reason.specialtyCode,
    eightDayRule: reason.eightDayRule,
    confirmsFromSoftware,
  };
}

/** The file linked to the patient, else an unlinked file of the practice naming the same person. */
function practiceFileOf(files: readonly PatientFileRow[], patient: BookedPatient): PatientFileRow | null {
  return files.find((file) => file.linked)
    ?? files.find((file) => sameIdentity(file.identity, patient.identity))
    ?? null;
}

export interface EightDayRequest {
  hold: HoldRow;
  patientId: string;
  specialtyCode: string;
  ruleOn: boolean;
  replace: boolean;
  lang: Language;
  now: Date;
}

/**
 * The appointments to cancel under « Remplacer par celui en cours » (C6); without `replace`, conflicts refuse the
 * booking with their views so the page can offer the choice. Replacing cancels online, so under 4 hours it is refused.
 */
export async function settleEightDayRule(trx: Db, request: EightDayRequest): Promise<string[]> {
  if (!request.ruleOn) return [];
  const nearby = await findNearbyBookings(trx, request.patientId, request.hold.start, EIGHT_DAY_RULE_DAYS + 1, request.now);
  return decideEightDayRule(trx, nearby, request);
}

/** The 8-day rule on the patient's nearby bookings already read: the appointments to replace, or the refusal. */
export async function decideEightDayRule(db: Db, nearby: readonly EightDayExisting[], request: EightDayRequest): Promise<string[]> {
  if (!request.ruleOn) return [];
  const { hold } = request;
  const conflicts = findEightDayConflicts(
    { practitionerId: hold.practitionerId, specialtyCode: request.specialtyCode, start: hold.start }, nearby, true,
  );
  if (!conflicts.length) return [];
  const views = await loadAppointmentViews(db, conflicts.map((conflict) => conflict.appointmentId), request.lang, request.now);
  if (!request.replace) throw new EightDayRuleConflict(views);
  const tooLate = views.find((view) => cancellationPolicy(new Date(view.start), request.now) !== 'online');
  if (tooLate) {
    const phone = tooLate.practitioner.phone;
    throw new CancelTooLate(phone ? displayPhone(phone) : translate(request.lang, 'booking.cancel.no_phone'));
  }
  return conflicts.map((conflict) => conflict.appointmentId);
}
