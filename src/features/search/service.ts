/**
 * GET /api/search (SPEC B2–B4, B7): resolve what and where, pick the radius, list one page of practitioners,
 * then ask the availability feature for the next free slots of those ten only (one batched call).
 */
import type { Db } from '../../platform/db/database.ts';
import type { Sector } from '../../platform/db/schema.ts';
import type { Language } from '../../platform/i18n/catalogue.ts';
import { findNextFreeSlots, nextSlotsKey, type NextFreeSlots } from '../availability/index.ts';

/** Where result lists get their next free slots: the availability service, or a short-lived cache of it. */
export type NextSlotsFinder = typeof findNextFreeSlots;
import { practitionerDisplayName } from '../practitioners/index.ts';
import { RADIUS_STEPS_KM, widerRadius } from './domain/distance.ts';
import { fairnessWindow } from './domain/fairness.ts';
import { resolveSearchRequest, type ResolvedRequest } from './resolve.ts';
import { resultCardsSql, type ResultCardRow, type ResultCardsSql } from './result-repository.ts';
import { findResultPage, type ResultPage, type SearchCriteria } from './search-repository.ts';

export const PAGE_SIZE = 10;
/** With the availability filter, at most this many nearest candidates are checked (docs/decisions.md « Search »). */
export const AVAILABILITY_SCAN_LIMIT = 200;

export interface SearchRequest {
  what: string;
  specialty: string | null;
  /** INSEE code of a picked commune; wins over `where`. */
  place: string | null;
  where: string;
  availableWithin: number | null;
  sectors: Sector[];
  reason: string | null;
  language: string | null;
  video: boolean;
  page: number;
}

export interface SearchResult {
  practitionerId: string;
  name: string;
  specialty: string;
  sector: Sector;
  place: {
    id: string; name: string | null; address: string; postalCode: string; city: string; latitude: number; longitude: number;
  };
  distanceKm: number | null;
  video: boolean;
  onlineBooking: boolean;
  phone: string | null;
  reasonId: string | null;
  nextSlots: { start: string; end: string; replacement: boolean }[];
  nextAvailability: string | null;
}

export interface SearchResponse {
  query: ResolvedRequest['query'] & { radiusKm: number | null };
  total: number;
  page: number;
  pageCount: number;
  results: SearchResult[];
}

/** One page of search results for a validated request. */
export async function searchPractitioners(
  db: Db, request: SearchRequest, options: { now: Date; lang: Language; findNextFreeSlots?: NextSlotsFinder },
): Promise<SearchResponse> {
  const find = options.findNextFreeSlots ?? findNextFreeSlots;
  const resolved = await resolveSearchRequest(db, request, options.lang);
  if (!resolved.target) {
    return { query: { ...resolved.query, radiusKm: null }, total: 0, page: request.page, pageCount: 0, results: [] };
  }
  const criteria: SearchCriteria = {
    target: resolved.target,
    center: resolved.center,
    sectors: request.sectors,
    reasonKind: request.reason,
    language: request.language,
    video: request.video,
    window: fairnessWindow(options.now),
  };
  const preference = { kind: request.reason ?? (resolved.target.kind === 'reason' ? resolved.target.code : null), video: request.video };
  const offset = (request.page - 1) * PAGE_SIZE;
  const cards = resultCardsSql(preference, options.lang);
  const page = request.availableWithin
    ? await availablePage(db, find, criteria, cards, request.availableWithin, offset, options.now)
    : await nearestPage(db, criteria, cards, offset);
  const slots = await nextSlotsOf(db, find, page.rows, options.now);
  return {
    query: { ...resolved.query, radiusKm: page.radiusKm },
    total: page.total,
    page: request.page,
    pageCount: Math.ceil(page.total / PAGE_SIZE),
    results: page.rows.map((row) => toResult(row, row.distanceKm, slots.get(nextSlotsKey(row.practitionerId, row.placeId)))),
  };
}

/**
 * The page at the first radius holding enough practitioners (B2): 10 km, else 25, 50 or 100 km chosen in one query
 * over the 100 km box. Two steps, because dense places usually stop at 10 km and a 100 km box there is costly.
 */
async function nearestPage(db: Db, criteria: SearchCriteria, cards: ResultCardsSql, offset: number): Promise<ResultPage> {
  if (!criteria.center) return findResultPage(db, criteria, { radiiKm: null, offset, limit: PAGE_SIZE, cards });
  const [first, ...wider] = RADIUS_STEPS_KM;
  const page = await findResultPage(db, criteria, { radiiKm: [first], offset, limit: PAGE_SIZE, cards });
  if (widerRadius(first, page.total) === null) return page;
  return findResultPage(db, criteria, { radiiKm: wider, offset, limit: PAGE_SIZE, cards });
}

/**
 * B4 « Disponibilités »: only practitioners with a free slot within `days` days (today counts as the first).
 * Availability is computed outside SQL, so the first candidates in order (at most AVAILABILITY_SCAN_LIMIT) are
 * checked radius by radius, widening while fewer than ten are free and every candidate of the radius was checked.
 */
async function availablePage(
  db: Db, find: NextSlotsFinder, criteria: SearchCriteria, cards: ResultCardsSql, days: number, offset: number, now: Date,
): Promise<ResultPage> {
  let radiusKm: number | null = criteria.center ? RADIUS_STEPS_KM[0] : null;
  for (;;) {
    const listed = await findResultPage(db, criteria, {
      radiiKm: radiusKm === null ? null : [radiusKm], offset: 0, limit: AVAILABILITY_SCAN_LIMIT, cards,
    });
    const free = await nextSlotsOf(db, find, listed.rows, now, { days, limit: 1, horizonDays: days });
    const available = listed.rows.filter((row) => free.get(nextSlotsKey(row.practitionerId, row.placeId))?.slots.length);
    // Past the scan limit a wider radius would check the same nearest candidates again, and claim a radius it did not.
    const scannedAll = listed.total < AVAILABILITY_SCAN_LIMIT;
    const wider = radiusKm === null || !scannedAll ? null : widerRadius(radiusKm, available.length);
    if (wider === null) return { radiusKm, total: available.length, rows: available.slice(offset, offset + PAGE_SIZE) };
    radiusKm = wider;
  }
}

/** Next free slots of the cards' agendas in one batched call; practitioners without online booking get none (B7). */
async function nextSlotsOf(
  db: Db, find: NextSlotsFinder, cards: readonly ResultCardRow[], now: Date, window: { days?: number; limit?: number; horizonDays?: number } = {},
): Promise<Map<string, NextFreeSlots>> {
  const keys = cards
    .filter((card) => card.onlineBooking && card.reasonId !== null)
    .map((card) => ({ practitionerId: card.practitionerId, placeId: card.placeId, reasonId: card.reasonId! }));
  if (!keys.length) return new Map();
  return find(db, keys, { now, ...window });
}

function toResult(card: ResultCardRow, distanceKm: number | null, free: NextFreeSlots | undefined): SearchResult {
  const bookable = card.onlineBooking && card.reasonId !== null;
  return {
    practitionerId: card.practitionerId,
    name: practitionerDisplayName(card),
    specialty: card.specialty,
    sector: card.sector,
    place: {
      id: card.placeId, name: card.placeName, address: card.address, postalCode: card.postalCode, city: card.city,
      latitude: card.latitude, longitude: card.longitude,
    },
    distanceKm,
    video: card.video,
    onlineBooking: card.onlineBooking,
    phone: card.phone,
    reasonId: bookable ? card.reasonId : null,
    nextSlots: bookable ? (free?.slots ?? []).map(({ start, end, replacement }) => ({ start, end, replacement })) : [],
    nextAvailability: bookable ? free?.nextAvailability ?? null : null,
  };
}
