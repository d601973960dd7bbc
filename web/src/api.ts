/** Typed client of the public API (docs/api.md): one function per endpoint, texts in the UI's language. */
import type { Language } from '../../src/platform/i18n/catalogue.ts';

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
  constructor(readonly status: number, readonly kind: string, message: string) {
    super(message);
  }
}

/** GET /api<path> with the UI language; throws ApiError on a non-2xx answer. */
async function getJson<T>(path: string, params: Record<string, string | undefined>, lang: Language, signal?: AbortSignal): Promise<T> {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value !== undefined && value !== '') query.set(name, value);
  const qs = query.toString();
  const response = await fetch(`/api${path}${qs ? `?${qs}` : ''}`, {
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
