/**
 * Typed client of the practitioner space API (docs/api-practice.md): staff session and login, invitations,
 * secretaries, agenda, desk bookings, patient files and settings. One function per endpoint, texts in the UI's
 * language, the CSRF token on every state change. The staff cookie is separate from the patient's.
 */
import { translate, type Language } from '../../src/platform/i18n/web-catalogue.ts';
import { answerOf, apiError, fetchJson, rememberCsrfToken, requestJson, withQuery, type Civility, type CodeSent } from './api.ts';

export type Right = 'view' | 'book' | 'manage_patients' | 'edit_settings';
export const grantableRights: readonly Right[] = ['book', 'manage_patients', 'edit_settings'];

export interface ActingFor { id: string; name: string; rights: Right[] }
export interface StaffView {
  id: string; role: 'practitioner' | 'secretary'; firstName: string; lastName: string; email: string;
  practitioners: ActingFor[];
}
export interface Secretary {
  id: string; email: string; firstName: string; lastName: string; rights: Right[]; activated: boolean; grantedAt: string;
}

export type StaffLoginResult =
  | { status: 'signed_in'; staff: StaffView }
  | { status: 'code_required'; challenge: CodeSent };

export interface Place {
  id: string; name: string | null; address: string; postalCode: string; communeCode: string; city: string;
  phone: string | null; onlineBooking: boolean;
}
export interface PlaceInput {
  name?: string | null; address: string; postalCode: string; communeCode: string; phone?: string | null; onlineBooking?: boolean;
}

export interface Reason {
  id: string; labelFr: string; labelEn: string; kindCode: string | null; durationMinutes: number; priceCents: number;
  onlineBookable: boolean; newPatients: boolean; minAgeYears: number | null; maxAgeYears: number | null;
  referralRequired: boolean; video: boolean; capacity: number; notifications: boolean;
  instructionsFr: string | null; instructionsEn: string | null; position: number;
}
export type ReasonInput = Partial<Omit<Reason, 'id'>>;

export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;
export interface OpeningRule {
  id: string; placeId: string; weekday: Weekday; start: string; end: string; reasonIds: string[];
  validFrom: string | null; validUntil: string | null;
}
export interface OpeningRuleInput {
  weekday: Weekday; start: string; end: string; reasonIds: string[]; validFrom?: string | null; validUntil?: string | null;
}

export interface Period { id: string; start: string; end: string; from: string; fromTime: string; to: string; toTime: string }
export interface PeriodInput { from: string; to: string; fromTime?: string; toTime?: string }
export type Absence = Period;
export interface Replacement extends Period { firstName: string; lastName: string }

export interface OutsideHours {
  id: string; start: string; end: string; placeId: string; reason: { id: string; label: string };
  /** Null for an appointment without a patient (imported from practice software). */
  patient: { name: string } | null; why: 'closed' | 'absence' | 'holiday';
}

export type AgendaStatus = 'booked' | 'no_show' | 'done' | 'cancelled';
export interface AgendaAppointment {
  id: string; start: string; end: string; status: AgendaStatus; source: 'online' | 'practice'; placeId: string;
  reason: { id: string; label: string }; patient: { name: string } | null; replacement: boolean;
  cancelledBy: 'patient' | 'practice' | null;
}
export interface AgendaHold { start: string; end: string; placeId: string; expiresAt: string; label: string }
export interface AgendaSlot { start: string; end: string; placeId: string; reasonId: string; replacement: boolean; remaining: number }
export interface AgendaDay {
  date: string; holiday: string | null; opening: { start: string; end: string; placeId: string; reasonIds: string[] }[];
}
export interface Agenda {
  practitionerId: string; from: string; days: number; timeZone: 'Europe/Paris';
  calendar: AgendaDay[]; appointments: AgendaAppointment[]; holds: AgendaHold[]; freeSlots: AgendaSlot[];
  absences: Absence[]; replacements: Replacement[];
}

export interface PatientCard {
  fileId: string | null; patientId: string | null; civility: Civility | null; firstName: string; lastName: string;
  birthDate: string | null; email: string | null; phone: string | null; linkedAccount: boolean;
  /** blocked: by the practice; blockedAfterNoShows: after three no-shows (D5) — « Débloquer » lifts both. */
  blocked: boolean; blockedAfterNoShows: boolean;
  /** No-shows since the patient was last unblocked (noShowsForgivenAt), all of them when never unblocked. */
  notificationsOff: boolean; noShows: number; noShowsForgivenAt: string | null;
  relativeOf: { firstName: string | null; lastName: string | null; email: string | null; phone: string | null } | null;
}
export interface PatientFileInput {
  civility?: Civility | null; firstName: string; lastName: string; birthDate?: string | null; email?: string | null; phone?: string | null;
}

export interface AppointmentDetail {
  appointment: Omit<AgendaAppointment, 'reason'> & {
    place: { id: string; name: string | null; address: string; postalCode: string; city: string };
    reason: { id: string; label: string; durationMinutes: number; priceCents: number; video: boolean };
    bookedAt: string | null; cancelledAt: string | null; noShowDeclaredAt: string | null; movedTo: string | null;
  };
  patient: PatientCard | null;
  history: { id: string; start: string; end: string; status: AgendaStatus; reason: { id: string; label: string } }[];
}

export interface Settings {
  places: Place[]; reasons: Reason[]; openingHours: OpeningRule[]; absences: Absence[]; replacements: Replacement[];
  /** C9: online bookings wait for the practice's own software to accept them (docs/api-booking.md). */
  confirmsFromSoftware: boolean;
}

export type NewAppointmentPatient = { fileId: string } | { patientId: string } | { new: PatientFileInput };

/** GET /api/practice<path> with the staff cookie; throws ApiError on a non-2xx answer. */
function practiceGet<T>(path: string, lang: Language, signal?: AbortSignal, params: Record<string, string | undefined> = {}): Promise<T> {
  return fetchJson(`/api/practice${withQuery(path, params)}`, lang, signal);
}

/** Sends JSON to /api/practice<path> with the CSRF token; undefined for a 204. A stale CSRF cookie is renewed once. */
async function practiceSend<T>(method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, body: unknown, lang: Language, retried = false): Promise<T> {
  const response = await requestJson(method, `/api/practice${path}`, body, lang);
  if (response.status === 403 && !retried) {
    // A missing right or a refusal with a machine code is an answer; only the CSRF guard's refusal gets a fresh token.
    const error = await apiError(response);
    if (error.message !== translate(lang, 'accounts.error.csrf')) throw error;
    await getPracticeSession(lang);
    return practiceSend(method, path, body, lang, true);
  }
  return answerOf(response);
}

const of = (practitionerId: string) => `/practitioners/${encodeURIComponent(practitionerId)}`;
const id = (value: string) => encodeURIComponent(value);

// ——— Session, login, invitations ———

export async function getPracticeSession(lang: Language, signal?: AbortSignal): Promise<{ staff: StaffView | null; csrfToken: string }> {
  const session = await practiceGet<{ staff: StaffView | null; csrfToken: string }>('/session', lang, signal);
  rememberCsrfToken(session.csrfToken);
  return session;
}

export function staffLogIn(email: string, password: string, rememberDevice: boolean, lang: Language): Promise<StaffLoginResult> {
  return practiceSend('POST', '/auth/login', { email, password, rememberDevice }, lang);
}

export function resendStaffCode(challengeId: string, channel: 'email' | 'sms' | undefined, lang: Language): Promise<CodeSent> {
  return practiceSend('POST', `/auth/login/${id(challengeId)}/resend`, channel ? { channel } : {}, lang);
}

export function verifyStaffCode(challengeId: string, code: string, rememberDevice: boolean, lang: Language): Promise<{ status: 'signed_in'; staff: StaffView }> {
  return practiceSend('POST', `/auth/login/${id(challengeId)}/verify`, { code, rememberDevice }, lang);
}

export function staffLogOut(lang: Language): Promise<void> {
  return practiceSend('POST', '/auth/logout', {}, lang);
}

/** « Se déconnecter de tous les appareils »: every session and trusted device of the staff login ends. */
export function staffLogOutEverywhere(lang: Language): Promise<void> {
  return practiceSend('POST', '/auth/logout-all', {}, lang);
}

/** The staff login's own password (A3): other sessions and trusted devices end, this one stays signed in. */
export function changeStaffPassword(currentPassword: string, newPassword: string, lang: Language): Promise<void> {
  return practiceSend('POST', '/account/password', { currentPassword, newPassword }, lang);
}

export function checkInvitation(token: string, lang: Language): Promise<{ email: string; firstName: string; lastName: string; role: 'practitioner' | 'secretary' }> {
  return practiceSend('POST', '/invitations/check', { token }, lang);
}

export function acceptInvitation(token: string, password: string, lang: Language): Promise<void> {
  return practiceSend('POST', '/invitations/accept', { token, password }, lang);
}

// ——— Secretaries (the practitioner itself) ———

export function listSecretaries(practitionerId: string, lang: Language, signal?: AbortSignal): Promise<{ secretaries: Secretary[] }> {
  return practiceGet(`${of(practitionerId)}/secretaries`, lang, signal);
}

export function inviteSecretary(practitionerId: string, input: { email: string; firstName: string; lastName: string; phone?: string; rights: Right[] },
  lang: Language): Promise<{ secretary: Secretary }> {
  return practiceSend('POST', `${of(practitionerId)}/secretaries`, input, lang);
}

export function changeSecretaryRights(practitionerId: string, secretaryId: string, rights: Right[], lang: Language): Promise<{ secretary: Secretary }> {
  return practiceSend('PATCH', `${of(practitionerId)}/secretaries/${id(secretaryId)}`, { rights }, lang);
}

export function revokeSecretary(practitionerId: string, secretaryId: string, lang: Language): Promise<void> {
  return practiceSend('DELETE', `${of(practitionerId)}/secretaries/${id(secretaryId)}`, {}, lang);
}

// ——— Agenda and appointments ———

export function getAgenda(practitionerId: string, from: string, days: 1 | 7, lang: Language, signal?: AbortSignal): Promise<Agenda> {
  return practiceGet(`${of(practitionerId)}/agenda`, lang, signal, { from, days: String(days) });
}

export function getAppointmentDetail(practitionerId: string, appointmentId: string, lang: Language, signal?: AbortSignal): Promise<AppointmentDetail> {
  return practiceGet(`${of(practitionerId)}/appointments/${id(appointmentId)}`, lang, signal);
}

export function listOutsideHours(practitionerId: string, lang: Language, signal?: AbortSignal): Promise<{ appointments: OutsideHours[] }> {
  return practiceGet(`${of(practitionerId)}/appointments/outside-hours`, lang, signal);
}

export function searchPatients(practitionerId: string, q: string, lang: Language, signal?: AbortSignal): Promise<{ patients: PatientCard[] }> {
  return practiceGet(`${of(practitionerId)}/patients`, lang, signal, { q });
}

export function createPatientFile(practitionerId: string, input: PatientFileInput, lang: Language): Promise<{ patient: PatientCard }> {
  return practiceSend('POST', `${of(practitionerId)}/patient-files`, input, lang);
}

export interface PatientSwitches { blocked?: boolean; notificationsOff?: boolean }

/** Block/unblock, notifications off (J4, E4): through the file when there is one, else through the Créneau patient. */
export function changePatientSwitches(practitionerId: string, patient: PatientCard, changes: PatientSwitches, lang: Language): Promise<{ patient: PatientCard }> {
  const path = patient.fileId ? `/patient-files/${id(patient.fileId)}` : `/patients/${id(patient.patientId ?? '')}`;
  return practiceSend('PATCH', `${of(practitionerId)}${path}`, changes, lang);
}

export function bookForPatient(practitionerId: string, input: { placeId: string; reasonId: string; start: string; patient: NewAppointmentPatient },
  lang: Language): Promise<AppointmentDetail> {
  return practiceSend('POST', `${of(practitionerId)}/appointments`, input, lang);
}

export function moveAppointment(practitionerId: string, appointmentId: string, input: { start: string; placeId?: string; reasonId?: string },
  lang: Language): Promise<AppointmentDetail> {
  return practiceSend('POST', `${of(practitionerId)}/appointments/${id(appointmentId)}/move`, input, lang);
}

export function cancelAppointment(practitionerId: string, appointmentId: string, lang: Language): Promise<AppointmentDetail> {
  return practiceSend('POST', `${of(practitionerId)}/appointments/${id(appointmentId)}/cancel`, {}, lang);
}

export function declareNoShow(practitionerId: string, appointmentId: string, lang: Language):
  Promise<{ appointmentId: string; status: 'no_show'; declaredAt: string; noShowsWithPatient: number }> {
  return practiceSend('POST', `${of(practitionerId)}/appointments/${id(appointmentId)}/no-show`, {}, lang);
}

// ——— Settings ———

export function getSettings(practitionerId: string, lang: Language, signal?: AbortSignal): Promise<Settings> {
  return practiceGet(`${of(practitionerId)}/settings`, lang, signal);
}

/** C9: whether online bookings wait for the practice's own software; the answer is the settings as GET gives them. */
export function changeSoftwareConfirmation(practitionerId: string, confirmsFromSoftware: boolean, lang: Language): Promise<Settings> {
  return practiceSend('PATCH', `${of(practitionerId)}/settings`, { confirmsFromSoftware }, lang);
}

export function addPlace(practitionerId: string, input: PlaceInput, lang: Language): Promise<{ place: Place }> {
  return practiceSend('POST', `${of(practitionerId)}/places`, input, lang);
}

export function changePlace(practitionerId: string, placeId: string, input: Partial<PlaceInput>, lang: Language): Promise<{ place: Place }> {
  return practiceSend('PATCH', `${of(practitionerId)}/places/${id(placeId)}`, input, lang);
}

export function addReason(practitionerId: string, input: ReasonInput, lang: Language): Promise<{ reason: Reason }> {
  return practiceSend('POST', `${of(practitionerId)}/reasons`, input, lang);
}

export function changeReason(practitionerId: string, reasonId: string, input: ReasonInput, lang: Language): Promise<{ reason: Reason; outsideHours: OutsideHours[] }> {
  return practiceSend('PATCH', `${of(practitionerId)}/reasons/${id(reasonId)}`, input, lang);
}

export function removeReason(practitionerId: string, reasonId: string, lang: Language): Promise<void> {
  return practiceSend('DELETE', `${of(practitionerId)}/reasons/${id(reasonId)}`, {}, lang);
}

export function replaceOpeningHours(practitionerId: string, placeId: string, rules: OpeningRuleInput[], lang: Language):
  Promise<{ openingHours: OpeningRule[]; outsideHours: OutsideHours[] }> {
  return practiceSend('PUT', `${of(practitionerId)}/places/${id(placeId)}/opening-hours`, { rules }, lang);
}

export function addAbsence(practitionerId: string, input: PeriodInput, lang: Language): Promise<{ absence: Absence; outsideHours: OutsideHours[] }> {
  return practiceSend('POST', `${of(practitionerId)}/absences`, input, lang);
}

export function removeAbsence(practitionerId: string, absenceId: string, lang: Language): Promise<void> {
  return practiceSend('DELETE', `${of(practitionerId)}/absences/${id(absenceId)}`, {}, lang);
}

export function addReplacement(practitionerId: string, input: PeriodInput & { firstName: string; lastName: string }, lang: Language):
  Promise<{ replacement: Replacement }> {
  return practiceSend('POST', `${of(practitionerId)}/replacements`, input, lang);
}

export function removeReplacement(practitionerId: string, replacementId: string, lang: Language): Promise<void> {
  return practiceSend('DELETE', `${of(practitionerId)}/replacements/${id(replacementId)}`, {}, lang);
}
