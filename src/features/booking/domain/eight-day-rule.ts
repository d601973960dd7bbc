/**
 * The 8-day rule (SPEC C6): in specialties where it is switched on, a patient may not hold two live appointments
 * less than 8 days apart with the same practitioner or with two practitioners of that specialty. « 8 days » counts
 * calendar days in Paris, as a practice and a patient count them: Monday 3 → Tuesday 11 is 8 days apart, whatever
 * the hours, and daylight-saving changes shift nothing.
 */
import { parisToday } from '../../accounts/domain/people.ts';
import { daysBetween } from '../../availability/domain/zoned-time.ts';

export const EIGHT_DAY_RULE_DAYS = 8;

export interface EightDayCandidate {
  practitionerId: string;
  specialtyCode: string;
  start: Date;
}

/** A live appointment (held or booked) of the same patient. */
export interface EightDayExisting {
  appointmentId: string;
  practitionerId: string;
  specialtyCode: string;
  start: Date;
  /** The rule's setting for this appointment's specialty; a conflict needs the same specialty, so the candidate's decides. */
  eightDayRule: boolean;
}

export interface EightDayConflict {
  appointmentId: string;
  practitionerId: string;
  start: Date;
  samePractitioner: boolean;
  /** Calendar days between the two appointments in Paris (0 = same day). */
  daysApart: number;
}

/**
 * The patient's appointments the candidate conflicts with, soonest first; empty when the rule is off for the
 * candidate's specialty. `replacingAppointmentId` is the appointment being moved, which never conflicts with its move.
 */
export function findEightDayConflicts(
  candidate: EightDayCandidate,
  existing: readonly EightDayExisting[],
  candidateRuleOn: boolean,
  replacingAppointmentId: string | null = null,
): EightDayConflict[] {
  if (!candidateRuleOn) return [];
  const candidateDate = parisToday(candidate.start);
  return existing
    .filter((other) => other.appointmentId !== replacingAppointmentId)
    .filter((other) => other.practitionerId === candidate.practitionerId || other.specialtyCode === candidate.specialtyCode)
    .map((other) => ({
      appointmentId: other.appointmentId,
      practitionerId: other.practitionerId,
      start: other.start,
      samePractitioner: other.practitionerId === candidate.practitionerId,
      daysApart: Math.abs(daysBetween(candidateDate, parisToday(other.start))),
    }))
    .filter((conflict) => conflict.daysApart < EIGHT_DAY_RULE_DAYS)
    .sort((a, b) => a.start.getTime() - b.start.getTime());
}
