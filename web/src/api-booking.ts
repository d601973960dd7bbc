/**
 * Typed client of the booking API (docs/api-booking.md): holds, confirmation, « Mes rendez-vous », moving and
 * cancelling, « Mon équipe soignante » and the links from messages. Refusals arrive as ApiError with their `code`.
 */
import type { Language } from '../../src/platform/i18n/web-catalogue.ts';
import { ApiError, getWithSession, sendJson, type Civility } from './api.ts';

export interface BookingPlace { id: string; name: string | null; address: string; postalCode: string; city: string }

export type AppointmentStatus = 'booked' | 'cancelled' | 'no_show' | 'done';

export interface AppointmentView {
  id: string; status: AppointmentStatus;
  start: string; end: string;
  practitioner: { id: string; name: string; specialty: string; phone: string | null };
  place: BookingPlace;
  reason: { id: string; label: string; video: boolean; priceCents: number };
  patient: { id: string; firstName: string | null; lastName: string | null; isHolder: boolean };
  /** D3: online only more than 4 h before. */
  cancellation: 'online' | 'phone_only' | 'past';
  /** Given by the practitioner's replacement (C1). */
  replacement: boolean;
  bookedAt: string | null; cancelledAt: string | null;
}

export interface HoldView {
  id: string; expiresAt: string; start: string; end: string;
  practitioner: { id: string; name: string; specialty: string };
  place: BookingPlace;
  reason: {
    id: string; label: string; video: boolean; priceCents: number; instructions: string | null; referralRequired: boolean;
    minAgeYears: number | null; maxAgeYears: number | null;
  };
  /** C10: an earlier video consultation of the practitioner, at the place whose agenda offers it. */
  earlierVideo: { start: string; reasonId: string; placeId: string } | null;
  /** Given by the practitioner's replacement (C1 blue dot). */
  replacement: boolean;
  /** The appointment this hold would replace (D2). */
  moving: string | null;
}

export interface HoldRequest { practitionerId: string; placeId: string; reasonId: string; start: string; moving?: string }

export interface IdentityInput { civility: Civility | null; firstName: string; lastName: string; birthDate: string }

export interface NewRelativeInput {
  civility: Civility | null; firstName: string; lastName: string; birthDate: string; email: string | null; phone: string | null;
}

export type PatientChoice =
  | { kind: 'self'; identity?: IdentityInput }
  | { kind: 'relative'; relativeId: string }
  | { kind: 'new_relative'; relative: NewRelativeInput };

export interface ConfirmationInput {
  holdId: string;
  patient: PatientChoice;
  acceptInstructions?: boolean;
  referringPractitionerId?: string;
  eightDayRule?: 'replace';
}

export interface ReferringPractitioner { id: string; name: string; specialty: string; city: string }

export interface CareTeamMember { id: string; name: string; specialty: string; city: string; lastAppointment: string | null }

export type LinkPurpose = 'move' | 'cancel';

// ——— Hold tokens: an anonymous hold is proved by its token, kept in this tab until confirmation ———

const holdTokenPrefix = 'creneau.hold.';

/** The token of an anonymous hold, if this tab took it. */
export function holdTokenOf(holdId: string): string | null {
  try {
    return window.sessionStorage.getItem(holdTokenPrefix + holdId);
  } catch {
    return null;
  }
}

function keepHoldToken(holdId: string, token: string): void {
  try {
    window.sessionStorage.setItem(holdTokenPrefix + holdId, token);
  } catch {
    // Storage refused (private browsing): the hold still works signed in, and until the page is left.
  }
  memoryTokens.set(holdId, token);
}

/** Tokens of this page's life, for a browser that refuses sessionStorage. */
const memoryTokens = new Map<string, string>();

function tokenOf(holdId: string): string | null {
  return holdTokenOf(holdId) ?? memoryTokens.get(holdId) ?? null;
}

/** Once the hold is confirmed or released, its token is useless: it leaves the tab. */
export function forgetHoldToken(holdId: string): void {
  memoryTokens.delete(holdId);
  try {
    window.sessionStorage.removeItem(holdTokenPrefix + holdId);
  } catch {
    // Nothing was stored.
  }
}

function holdHeaders(holdId: string): Record<string, string> {
  const token = tokenOf(holdId);
  return token ? { 'X-Hold-Token': token } : {};
}

// ——— Holds and confirmation (C2–C10) ———

/** POST /api/holds: the slot is held 15 minutes; an anonymous hold's token is kept in this tab. */
export async function holdSlot(request: HoldRequest, lang: Language): Promise<HoldView> {
  const answer = await sendJson<{ hold: HoldView; holdToken?: string }>('POST', '/holds', request, lang);
  if (answer.holdToken) keepHoldToken(answer.hold.id, answer.holdToken);
  keepHoldOrigin(answer.hold.id, { practitionerId: request.practitionerId, placeId: request.placeId, reasonId: request.reasonId });
  return answer.hold;
}

/** Where a hold was taken: once it has expired (410 says no more), the page can still lead back to that calendar. */
export interface HoldOrigin { practitionerId: string; placeId: string; reasonId: string }

const holdOriginPrefix = 'creneau.hold-origin.';

function keepHoldOrigin(holdId: string, origin: HoldOrigin): void {
  try {
    window.sessionStorage.setItem(holdOriginPrefix + holdId, JSON.stringify(origin));
  } catch {
    // Without storage, an expired hold leads back to the search instead.
  }
}

export function holdOriginOf(holdId: string): HoldOrigin | null {
  try {
    const origin = JSON.parse(window.sessionStorage.getItem(holdOriginPrefix + holdId) ?? 'null') as HoldOrigin | null;
    return origin && typeof origin.practitionerId === 'string' ? origin : null;
  } catch {
    return null;
  }
}

export async function getHold(id: string, lang: Language, signal?: AbortSignal): Promise<HoldView> {
  return (await getWithSession<{ hold: HoldView }>(`/holds/${encodeURIComponent(id)}`, lang, signal, holdHeaders(id))).hold;
}

export async function releaseHold(id: string, lang: Language): Promise<void> {
  await sendJson('DELETE', `/holds/${encodeURIComponent(id)}`, {}, lang, holdHeaders(id));
  forgetHoldToken(id);
}

/** A booking confirmed at once: the appointment (and the one the 8-day rule replaced). */
export interface ConfirmedBooking { appointment: AppointmentView; replaced?: AppointmentView }

/** C9: the practice's own software must accept the booking first, until `answerBy`. */
export interface PendingBooking { pending: { holdId: string; answerBy: string } }

/** GET /api/appointments/pending/:holdId, while the practice's software has not answered and after. */
export type PendingStatus =
  | { status: 'waiting'; answerBy: string }
  | { status: 'booked'; appointment: AppointmentView }
  | { status: 'refused' }
  | { status: 'timed_out'; phone: string | null };

/**
 * POST /api/appointments; the same `idempotencyKey` again returns the same answer. A practice confirming from its own
 * software answers `202 { pending }` (C9): the hold token stays in the tab until the final answer.
 */
export async function confirmAppointment(input: ConfirmationInput, idempotencyKey: string, lang: Language)
  : Promise<ConfirmedBooking | PendingBooking> {
  const holdToken = tokenOf(input.holdId);
  const answer = await sendJson<ConfirmedBooking | PendingBooking>(
    'POST', '/appointments', { ...input, ...(holdToken ? { holdToken } : {}) }, lang, { 'Idempotency-Key': idempotencyKey });
  if (!('pending' in answer)) forgetHoldToken(input.holdId);
  return answer;
}

/** C9: where the practice's software stands on the booking asked for this hold. */
export async function getPendingBooking(holdId: string, lang: Language, signal?: AbortSignal): Promise<PendingStatus> {
  const answer = await getWithSession<PendingStatus>(`/appointments/pending/${encodeURIComponent(holdId)}`, lang, signal);
  if (answer.status !== 'waiting') forgetHoldToken(holdId);
  return answer;
}

/**
 * C9: the page opening on a hold asks first whether a booking already waits on the practice's software for it (a
 * reload while waiting). null: none (404), or nobody signed in to have asked (401) — the page shows its form.
 */
export async function findPendingBooking(holdId: string, lang: Language, signal?: AbortSignal): Promise<PendingStatus | null> {
  try {
    return await getPendingBooking(holdId, lang, signal);
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 401)) return null;
    throw error;
  }
}

export function findReferringPractitioners(q: string, lang: Language, signal?: AbortSignal): Promise<{ practitioners: ReferringPractitioner[] }> {
  return getWithSession(`/referring-practitioners?${new URLSearchParams({ q }).toString()}`, lang, signal);
}

// ——— « Mes rendez-vous » (D1–D3, D6) ———

export function listAppointments(lang: Language, signal?: AbortSignal): Promise<{ upcoming: AppointmentView[]; past: AppointmentView[] }> {
  return getWithSession('/appointments', lang, signal);
}

export async function getAppointment(id: string, lang: Language, signal?: AbortSignal): Promise<AppointmentView> {
  return (await getWithSession<{ appointment: AppointmentView }>(`/appointments/${encodeURIComponent(id)}`, lang, signal)).appointment;
}

/** The hold (taken with `moving: id`) becomes the appointment; the old one is cancelled in the same transaction. */
export async function moveAppointment(id: string, holdId: string, lang: Language): Promise<AppointmentView> {
  const answer = await sendJson<{ appointment: AppointmentView }>('POST', `/appointments/${encodeURIComponent(id)}/move`, { holdId }, lang);
  forgetHoldToken(holdId);
  return answer.appointment;
}

export async function cancelAppointment(id: string, lang: Language): Promise<AppointmentView> {
  return (await sendJson<{ appointment: AppointmentView }>('POST', `/appointments/${encodeURIComponent(id)}/cancel`, {}, lang)).appointment;
}

// ——— « Mon équipe soignante » (A8) ———

export function getCareTeam(lang: Language, signal?: AbortSignal): Promise<{ practitioners: CareTeamMember[]; historyEnabled: boolean }> {
  return getWithSession('/care-team', lang, signal);
}

export function removeFromCareTeam(practitionerId: string, lang: Language): Promise<void> {
  return sendJson('DELETE', `/care-team/${encodeURIComponent(practitionerId)}`, {}, lang);
}

// ——— Links from messages (D4): no session needed ———

export function readAppointmentLink(token: string, lang: Language): Promise<{ appointment: AppointmentView; purpose: LinkPurpose }> {
  return sendJson('POST', '/appointment-links/read', { token }, lang);
}

export async function cancelByLink(token: string, lang: Language): Promise<AppointmentView> {
  return (await sendJson<{ appointment: AppointmentView }>('POST', '/appointment-links/cancel', { token }, lang)).appointment;
}

export async function moveByLink(token: string, holdId: string, lang: Language): Promise<AppointmentView> {
  const holdToken = tokenOf(holdId);
  const answer = await sendJson<{ appointment: AppointmentView }>('POST', '/appointment-links/move',
    { token, holdId, ...(holdToken ? { holdToken } : {}) }, lang);
  forgetHoldToken(holdId);
  return answer.appointment;
}

/** A fresh key for one confirmation attempt (kept for its retries). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
