/** Typed client of the public API (docs/api.md): one function per endpoint, texts in the UI's language. */
import type { Language } from '../../src/platform/i18n/web-catalogue.ts';

export type Sector = '1' | '2' | '2-optam' | '2-optam-co' | 'conventionne' | 'non-conventionne';
export const sectors: readonly Sector[] = ['1', '2', '2-optam', '2-optam-co', 'conventionne', 'non-conventionne'];

export interface SpecialtySuggestion { code: string; slug: string; label: string }
export interface ReasonSuggestion { code: string; label: string; specialtySlug: string | null }
export interface PractitionerSuggestion { id: string; name: string; specialty: string; city: string }
export interface EstablishmentSuggestion { name: string; practitionerId: string; city: string }
export interface Suggestions {
  specialties: SpecialtySuggestion[];
  reasons: ReasonSuggestion[];
  practitioners: PractitionerSuggestion[];
  establishments: EstablishmentSuggestion[];
}

export interface PlaceSuggestion {
  code: string; name: string; postalCode: string; departement: string; label: string;
  latitude: number; longitude: number;
}

export interface Slot { start: string; end: string; replacement: boolean }

export interface ResultPlace {
  id: string; name: string | null; address: string; postalCode: string; city: string;
  latitude: number; longitude: number;
}

export interface SearchResult {
  practitionerId: string; name: string; specialty: string; sector: Sector;
  place: ResultPlace; distanceKm: number | null; video: boolean; onlineBooking: boolean; phone: string | null;
  reasonId: string | null; nextSlots: Slot[]; nextAvailability: string | null;
}

export interface SearchResponse {
  query: {
    specialty: { slug: string; label: string } | null;
    place: { code: string; name: string; postalCode: string } | null;
    radiusKm: number | null;
    unresolved: null | 'place' | 'what';
  };
  total: number; page: number; pageCount: number;
  results: SearchResult[];
}

/** The search parameters, exactly as they travel in the page URL and to /api/search. */
export interface SearchParams {
  what?: string; specialty?: string;
  /** INSEE code of a picked commune (wins over `where`); `where` is typed text (a postal code, a name). */
  place?: string; where?: string; availableWithin?: string; sector?: string;
  reason?: string; language?: string; video?: string; page?: string;
}
export const searchParamNames: readonly (keyof SearchParams)[] = [
  'what', 'specialty', 'place', 'where', 'availableWithin', 'sector', 'reason', 'language', 'video', 'page',
];

export type Overruns = 'limited' | 'none' | 'free' | 'not-covered';

export interface PractitionerPlace extends ResultPlace { phone: string | null }

export interface VisitReason {
  id: string; name: string; durationMinutes: number; priceCents: number; video: boolean; newPatients: boolean;
  minAgeYears: number | null; maxAgeYears: number | null; referralRequired: boolean; capacity: number;
  instructions: string | null; placeIds: string[];
}

export interface Practitioner {
  id: string; rpps: string; civility: 'M' | 'MME'; title: 'DR' | 'PR' | null; firstName: string; lastName: string;
  name: string;
  profession: { code: string; label: string };
  specialty: { code: string; slug: string; label: string };
  sector: Sector;
  reimbursement: {
    rate: number; overruns: Overruns;
    /** Catalogue key of the sector explanation; flat participation per doctor's consultation (null otherwise). */
    explanationKey: string; flatParticipationCents: number | null;
  };
  carteVitale: boolean; tiersPayant: boolean; paymentMethods: string[]; languages: string[];
  onlineBooking: boolean; phone: string | null; presentation: string | null;
  places: PractitionerPlace[];
  reasons: VisitReason[];
}

export interface CalendarSlot extends Slot { remaining: number }
export interface CalendarDay { date: string; slots: CalendarSlot[] }
export interface Availability {
  practitionerId: string; placeId: string; reasonId: string; from: string; days: number;
  calendar: CalendarDay[];
  nextAvailableDate: string | null;
}

/** An API answer other than 2xx: the server's translated message travels with it. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly kind: string, message: string,
    /** The whole answer: a refusal's machine `code` and its details (docs/api-booking.md). */
    readonly body: Readonly<Record<string, unknown>> = {}) {
    super(message);
  }

  /** The refusal's machine code (`slot_taken`, `hold_expired`…), when the answer has one. */
  get code(): string | undefined {
    return typeof this.body.code === 'string' ? this.body.code : undefined;
  }
}

/** `path` with the parameters that have a value as its query string. */
export function withQuery(path: string, params: Record<string, string | undefined>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value !== undefined && value !== '') query.set(name, value);
  const qs = query.toString();
  return `${path}${qs ? `?${qs}` : ''}`;
}

/** GET /api<path> with the UI language; throws ApiError on a non-2xx answer. */
async function getJson<T>(path: string, params: Record<string, string | undefined>, lang: Language, signal?: AbortSignal): Promise<T> {
  const response = await fetch(`/api${withQuery(path, params)}`, {
    headers: { Accept: 'application/json', 'Accept-Language': lang },
    signal,
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { error?: string; message?: string };
    throw new ApiError(response.status, body.error ?? 'unknown', body.message ?? response.statusText);
  }
  return (await response.json()) as T;
}

export function suggest(q: string, lang: Language, signal?: AbortSignal): Promise<Suggestions> {
  return getJson('/suggest', { q }, lang, signal);
}

export function suggestPlaces(q: string, lang: Language, signal?: AbortSignal): Promise<{ places: PlaceSuggestion[] }> {
  return getJson('/places/suggest', { q }, lang, signal);
}

export function search(params: SearchParams, lang: Language, signal?: AbortSignal): Promise<SearchResponse> {
  return getJson('/search', { ...params }, lang, signal);
}

export function getPractitioner(id: string, lang: Language, signal?: AbortSignal): Promise<Practitioner> {
  return getJson(`/practitioners/${encodeURIComponent(id)}`, {}, lang, signal);
}

export interface AvailabilityQuery { place: string; reason: string; from?: string; days?: number }

export function getAvailability(id: string, query: AvailabilityQuery, lang: Language, signal?: AbortSignal): Promise<Availability> {
  return getJson(`/practitioners/${encodeURIComponent(id)}/availability`, {
    place: query.place, reason: query.reason, from: query.from, days: query.days?.toString(),
  }, lang, signal);
}

// ——— Accounts (docs/api-accounts.md): session, sign-up, login, password reset, « Mon compte », « Mes proches » ———

export type Civility = 'mme' | 'm';
export type CodeChannel = 'sms' | 'voice' | 'email';

export interface AccountView {
  id: string; email: string; emailVerified: boolean;
  /** E.164, and as shown to French users (« 06 12 34 56 78 ») or internationally. */
  phone: string; phoneDisplay: string; phoneKind: 'mobile' | 'landline';
  language: Language; careHistoryEnabled: boolean;
  identity: { civility: Civility | null; firstName: string | null; lastName: string | null; birthDate: string | null };
  address: { line: string | null; postalCode: string | null; city: string | null };
}

/** A code on its way: `id` names the sign-up, login challenge or change it belongs to; `destination` is masked. */
export interface CodeSent {
  id: string; channel: CodeChannel; destination: string; resendAvailableAt: string; expiresAt: string;
}

export interface Relative {
  id: string; civility: Civility | null; firstName: string; lastName: string; birthDate: string;
  email: string | null; phone: string | null; phoneDisplay: string | null; minor: boolean;
}

export type LoginResult =
  | { status: 'signed_in'; account: AccountView }
  | { status: 'code_required'; challenge: CodeSent };

export interface SignupInput {
  phone: string; email: string; emailConfirmation: string; password: string; acceptTerms: true; acceptPrivacy: true;
}

export interface AccountChanges {
  civility?: Civility | null; firstName?: string | null; lastName?: string | null; birthDate?: string | null;
  address?: { line: string | null; postalCode: string | null; city: string | null };
  language?: Language; careHistoryEnabled?: boolean;
}

export interface RelativeInput {
  civility?: Civility | null; firstName: string; lastName: string; birthDate: string;
  email?: string | null; phone?: string | null;
}

const csrfCookie = '__Host-creneau_csrf';
let knownCsrfToken = '';

/** The CSRF token every state-changing request repeats: the cookie's current value, else the last one the API gave. */
function csrfToken(): string {
  const cookie = document.cookie.split('; ').find((part) => part.startsWith(`${csrfCookie}=`));
  return cookie ? decodeURIComponent(cookie.slice(csrfCookie.length + 1)) : knownCsrfToken;
}

/** Remembers the CSRF token a session answer gave (patient or staff: one cookie), for when the cookie cannot be read. */
export function rememberCsrfToken(token: string): void {
  knownCsrfToken = token;
}

/** Reads an error answer into an ApiError carrying the server's translated sentence. */
export async function apiError(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => ({}))) as { error?: string; message?: string };
  return new ApiError(response.status, body.error ?? 'unknown', body.message ?? response.statusText, body);
}

/** Sends JSON to `url` with the cookies, the CSRF token and the UI language (and `headers`); the raw answer. */
export function requestJson(method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body: unknown, lang: Language,
  headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, {
    method,
    credentials: 'same-origin',
    headers: {
      ...headers,
      Accept: 'application/json', 'Accept-Language': lang, 'Content-Type': 'application/json', 'X-CSRF-Token': csrfToken(),
    },
    body: JSON.stringify(body ?? {}),
  });
}

/** The JSON of a successful answer, undefined for a 204; an ApiError otherwise. */
export async function answerOf<T>(response: Response): Promise<T> {
  if (!response.ok) throw await apiError(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** GETs `url` with the cookies in the UI language (and `headers`); its JSON, or an ApiError. */
export async function fetchJson<T>(url: string, lang: Language, signal?: AbortSignal, headers: Record<string, string> = {}): Promise<T> {
  const response = await fetch(url, {
    credentials: 'same-origin', headers: { ...headers, Accept: 'application/json', 'Accept-Language': lang }, signal,
  });
  if (!response.ok) throw await apiError(response);
  return (await response.json()) as T;
}

/**
 * Sends JSON to /api<path> with the cookies, the CSRF token and the UI language; undefined for a 204.
 * `headers`: extra ones (Idempotency-Key, X-Hold-Token of the booking API).
 */
export async function sendJson<T>(method: 'POST' | 'PATCH' | 'DELETE', path: string, body: unknown, lang: Language,
  headers: Record<string, string> = {}, retried = false): Promise<T> {
  const response = await requestJson(method, `/api${path}`, body, lang, headers);
  if (response.status === 403 && !retried) {
    // A missing or outdated CSRF cookie (first visit, cleared cookies): fetch a fresh one and try once more.
    // A refusal with a machine code (a booking rule) is an answer, not a CSRF problem.
    const error = await apiError(response);
    if (error.kind !== 'forbidden' || error.code) throw error;
    await getSession(lang);
    return sendJson(method, path, body, lang, headers, true);
  }
  return answerOf(response);
}

/** GET /api<path> with the session cookie (and `headers`, e.g. X-Hold-Token). */
export function getWithSession<T>(path: string, lang: Language, signal?: AbortSignal, headers: Record<string, string> = {}): Promise<T> {
  return fetchJson(`/api${path}`, lang, signal, headers);
}

/** Who is signed in (null: nobody); also sets the CSRF cookie when missing. */
export async function getSession(lang: Language, signal?: AbortSignal): Promise<{ account: AccountView | null; csrfToken: string }> {
  const session = await getWithSession<{ account: AccountView | null; csrfToken: string }>('/session', lang, signal);
  rememberCsrfToken(session.csrfToken);
  return session;
}

export function signUp(input: SignupInput, lang: Language): Promise<CodeSent> {
  return sendJson('POST', '/auth/signup', input, lang);
}

export function resendSignupCode(id: string, channel: 'sms' | 'voice' | undefined, lang: Language): Promise<CodeSent> {
  return sendJson('POST', `/auth/signup/${encodeURIComponent(id)}/resend`, channel ? { channel } : {}, lang);
}

export function changeSignupPhone(id: string, phone: string, lang: Language): Promise<CodeSent> {
  return sendJson('POST', `/auth/signup/${encodeURIComponent(id)}/phone`, { phone }, lang);
}

export function verifySignup(id: string, code: string, rememberDevice: boolean, lang: Language): Promise<{ account: AccountView }> {
  return sendJson('POST', `/auth/signup/${encodeURIComponent(id)}/verify`, { code, rememberDevice }, lang);
}

export function logIn(email: string, password: string, rememberDevice: boolean, lang: Language): Promise<LoginResult> {
  return sendJson('POST', '/auth/login', { email, password, rememberDevice }, lang);
}

export function resendLoginCode(id: string, channel: 'email' | 'sms' | undefined, lang: Language): Promise<CodeSent> {
  return sendJson('POST', `/auth/login/${encodeURIComponent(id)}/resend`, channel ? { channel } : {}, lang);
}

export function verifyLogin(id: string, code: string, rememberDevice: boolean, lang: Language): Promise<{ status: 'signed_in'; account: AccountView }> {
  return sendJson('POST', `/auth/login/${encodeURIComponent(id)}/verify`, { code, rememberDevice }, lang);
}

export function logOut(lang: Language): Promise<void> {
  return sendJson('POST', '/auth/logout', {}, lang);
}

export function logOutEverywhere(lang: Language): Promise<void> {
  return sendJson('POST', '/auth/logout-all', {}, lang);
}

export function requestPasswordReset(email: string, phone: string, lang: Language): Promise<{ message: string }> {
  return sendJson('POST', '/auth/password-reset', { email, phone }, lang);
}

export function checkPasswordReset(token: string, lang: Language): Promise<{ valid: true }> {
  return sendJson('POST', '/auth/password-reset/check', { token }, lang);
}

export function confirmPasswordReset(token: string, password: string, lang: Language): Promise<void> {
  return sendJson('POST', '/auth/password-reset/confirm', { token, password }, lang);
}

export function getAccount(lang: Language, signal?: AbortSignal): Promise<{ account: AccountView }> {
  return getWithSession('/account', lang, signal);
}

export function updateAccount(changes: AccountChanges, lang: Language): Promise<{ account: AccountView }> {
  return sendJson('PATCH', '/account', changes, lang);
}

export function requestPhoneChange(phone: string, lang: Language): Promise<CodeSent> {
  return sendJson('POST', '/account/phone', { phone }, lang);
}

export function verifyPhoneChange(id: string, code: string, lang: Language): Promise<{ account: AccountView }> {
  return sendJson('POST', `/account/phone/${encodeURIComponent(id)}/verify`, { code }, lang);
}

export function requestEmailChange(email: string, emailConfirmation: string, lang: Language): Promise<CodeSent> {
  return sendJson('POST', '/account/email', { email, emailConfirmation }, lang);
}

export function verifyEmailChange(id: string, code: string, lang: Language): Promise<{ account: AccountView }> {
  return sendJson('POST', `/account/email/${encodeURIComponent(id)}/verify`, { code }, lang);
}

export function changePassword(currentPassword: string, newPassword: string, lang: Language): Promise<void> {
  return sendJson('POST', '/account/password', { currentPassword, newPassword }, lang);
}

export function deleteAccount(password: string, lang: Language): Promise<void> {
  return sendJson('DELETE', '/account', { password }, lang);
}

export function listRelatives(lang: Language, signal?: AbortSignal): Promise<{ relatives: Relative[] }> {
  return getWithSession('/relatives', lang, signal);
}

export function addRelative(input: RelativeInput, lang: Language): Promise<{ relative: Relative }> {
  return sendJson('POST', '/relatives', input, lang);
}

export function updateRelative(id: string, input: RelativeInput, lang: Language): Promise<{ relative: Relative }> {
  return sendJson('PATCH', `/relatives/${encodeURIComponent(id)}`, input, lang);
}

export function removeRelative(id: string, lang: Language): Promise<void> {
  return sendJson('DELETE', `/relatives/${encodeURIComponent(id)}`, {}, lang);
}
