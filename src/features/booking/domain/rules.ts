/**
 * The refusals of online booking (SPEC C3, C5, D5), judged on plain data the service has already loaded.
 * Rules run in a fixed order and the first refusal wins, so a patient always sees the most fundamental reason first:
 * blocked (by the practice, then after 3 no-shows) → reason not bookable online → reason reserved to known patients
 * (no file, identity differs, last visit over 2 years) → age limits → referral → the practice's instructions.
 * Pure: the slot's instant is an argument and its Paris date is the day ages and the 2-year rule are judged on.
 */
import { ageOn, parisToday } from '../../accounts/domain/people.ts';

/** The third no-show declared by the same practitioner blocks online booking with that practitioner (D5). */
export const NO_SHOWS_BEFORE_BLOCK = 3;
/** A known patient whose last visit is more than this many years before the slot must phone (C5). */
export const LAST_VISIT_MAX_YEARS = 2;

/** A person as both sides write it: the practice's file and the patient the appointment is for. */
export interface PersonIdentity {
  firstName: string;
  lastName: string;
  birthDate: string | null; // YYYY-MM-DD
}

/** The visit reason's settings that can refuse a booking (J2). */
export interface ReasonRules {
  onlineBookable: boolean;
  newPatients: boolean;
  minAgeYears: number | null;
  maxAgeYears: number | null;
  referralRequired: boolean;
  hasInstructions: boolean;
}

/** The practice's file on the patient the appointment is for (J3), or null when the practice does not know them. */
export interface PracticeFile {
  blocked: boolean;
  lastVisitOn: string | null; // YYYY-MM-DD, Paris
  identity: PersonIdentity;
}

export interface BookingRuleInput {
  reason: ReasonRules;
  file: PracticeFile | null;
  /** Declared no-shows of this patient with this practitioner (late cancellations are warnings, not counted). */
  noShowsWithPractitioner: number;
  /** The patient the appointment is for: the holder or a relative (a relative's birth date counts). */
  patient: PersonIdentity;
  referringPractitionerId: string | null;
  instructionsAccepted: boolean;
  slotStart: Date;
  /** Ignored by the rules: ages and the 2-year rule are judged on the slot's date (docs/decisions.md). */
  today?: string;
}

export type BookingRefusal =
  | { kind: 'blocked_by_practice' }
  | { kind: 'blocked_no_shows'; noShows: number }
  | { kind: 'not_bookable_online' }
  | { kind: 'new_patients_not_accepted' }
  | { kind: 'identity_mismatch' }
  | { kind: 'last_visit_too_old'; lastVisitOn: string }
  | { kind: 'birth_date_required' }
  | { kind: 'too_young'; minAgeYears: number }
  | { kind: 'too_old'; maxAgeYears: number }
  | { kind: 'referral_required' }
  | { kind: 'instructions_not_accepted' };

export type BookingRefusalKind = BookingRefusal['kind'];

/** The first refusal in the documented order, or null when the booking may go ahead. */
export function checkBookingRules(input: BookingRuleInput): BookingRefusal | null {
  const slotDate = parisToday(input.slotStart);
  return (
    blockRefusal(input)
    ?? (input.reason.onlineBookable ? null : { kind: 'not_bookable_online' })
    ?? knownPatientRefusal(input.reason, input.file, input.patient, slotDate)
    ?? ageRefusal(input.reason, input.patient.birthDate, slotDate)
    ?? (input.reason.referralRequired && !input.referringPractitionerId ? { kind: 'referral_required' } : null)
    ?? (input.reason.hasInstructions && !input.instructionsAccepted ? { kind: 'instructions_not_accepted' } : null)
  );
}

/** Blocked on purpose by the practice, or after the third declared no-show (C5, D5). */
function blockRefusal(input: BookingRuleInput): BookingRefusal | null {
  if (input.file?.blocked) return { kind: 'blocked_by_practice' };
  if (input.noShowsWithPractitioner >= NO_SHOWS_BEFORE_BLOCK) {
    return { kind: 'blocked_no_shows', noShows: input.noShowsWithPractitioner };
  }
  return null;
}

/**
 * A reason reserved to known patients needs a practice file whose identity matches, and a last visit at most
 * 2 years before the slot. A file without a recorded visit was created by the practice on purpose: it counts as known.
 */
function knownPatientRefusal(
  reason: ReasonRules, file: PracticeFile | null, patient: PersonIdentity, slotDate: string,
): BookingRefusal | null {
  if (reason.newPatients) return null;
  if (!file) return { kind: 'new_patients_not_accepted' };
  if (!sameIdentity(file.identity, patient)) return { kind: 'identity_mismatch' };
  if (file.lastVisitOn && isMoreThanYearsBefore(file.lastVisitOn, slotDate, LAST_VISIT_MAX_YEARS)) {
    return { kind: 'last_visit_too_old', lastVisitOn: file.lastVisitOn };
  }
  return null;
}

/** Completed years on the slot's date must lie within the reason's limits, both inclusive (C5). */
function ageRefusal(reason: ReasonRules, birthDate: string | null, slotDate: string): BookingRefusal | null {
  if (reason.minAgeYears === null && reason.maxAgeYears === null) return null;
  if (!birthDate) return { kind: 'birth_date_required' };
  const age = ageOn(birthDate, slotDate);
  if (reason.minAgeYears !== null && age < reason.minAgeYears) return { kind: 'too_young', minAgeYears: reason.minAgeYears };
  if (reason.maxAgeYears !== null && age > reason.maxAgeYears) return { kind: 'too_old', maxAgeYears: reason.maxAgeYears };
  return null;
}

/**
 * Whether `earlier` is more than `years` calendar years before `later` (YYYY-MM-DD): exactly 2 years is not more.
 * Comparing the anniversary as text makes 29 February's anniversary fall between 28 February and 1 March.
 */
export function isMoreThanYearsBefore(earlier: string, later: string, years: number): boolean {
  const anniversary = `${String(Number(earlier.slice(0, 4)) + years).padStart(4, '0')}${earlier.slice(4)}`;
  return anniversary < later;
}

/**
 * Same person for a practice: names equal ignoring case, accents, extra spaces and hyphen/apostrophe-vs-space
 * (« Jean-Pierre » = « jean pierre »), and birth dates equal when both sides know one.
 */
export function sameIdentity(file: PersonIdentity, patient: PersonIdentity): boolean {
  if (comparableName(file.firstName) !== comparableName(patient.firstName)) return false;
  if (comparableName(file.lastName) !== comparableName(patient.lastName)) return false;
  return !file.birthDate || !patient.birthDate || file.birthDate === patient.birthDate;
}

/** The form names are compared in: lower case, no accents, « œ » as « oe », separators as single spaces. */
function comparableName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('fr')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[\s\-‐‑‒–—'’ʼ`]+/gu, ' ')
    .trim();
}

/** The catalogue key and placeholders that explain a refusal to the patient. */
export function refusalMessage(refusal: BookingRefusal): {
  key: `booking.refusal.${BookingRefusalKind}`;
  params: Record<string, number>;
} {
  const key = `booking.refusal.${refusal.kind}` as const;
  if (refusal.kind === 'too_young') return { key, params: { min: refusal.minAgeYears } };
  if (refusal.kind === 'too_old') return { key, params: { max: refusal.maxAgeYears } };
  return { key, params: {} };
}
