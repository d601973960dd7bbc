/**
 * The results list of a search (SPEC B2–B4) in SQL: one row per practitioner (its nearest place), filtered,
 * ordered by distance band then the fair order of the 2-hour window, paginated, counted.
 *
 * Speed: « specialty near a point » is one range of the GiST index (specialty_code, ll_to_earth(…)) of places
 * (migrations/0005_search.sql); distances use the haversine formula on earthdistance's own earth radius — the value
 * of `earth_distance(ll_to_earth(…), ll_to_earth(…))` (a test proves it) at a thirtieth of its cost per row.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { Sector } from '../../platform/db/schema.ts';
import { BAND_LIMITS_KM } from './domain/distance.ts';
import { matchText, type MatchRank } from './text-match.ts';

/** What the list is about: a specialty, a reason kind, names, or anything near the place. */
export type SearchTarget =
  | { kind: 'specialty'; code: string }
  | { kind: 'reason'; code: string }
  | { kind: 'name'; text: string }
  | { kind: 'anything' };

export interface SearchCenter {
  communeCode: string;
  latitude: number;
  longitude: number;
}

export interface SearchCriteria {
  target: SearchTarget;
  center: SearchCenter | null;
  /** B4 « honoraires »: empty means any sector. */
  sectors: readonly Sector[];
  /** B4 « motif »: a reason-kind code the practitioner offers online. */
  reasonKind: string | null;
  /** B4 « langues parlées »: ISO 639-1. */
  language: string | null;
  /** B4 / G1: practitioners offering a video consultation online. */
  video: boolean;
  /** The fairness window (domain/fairness.ts). */
  window: number;
}

export interface CandidateRow {
  practitionerId: string;
  placeId: string;
  /** Null without a place to measure from. */
  distanceKm: number | null;
}

export interface CandidatePage {
  total: number;
  rows: CandidateRow[];
}

/** The rank of `id` in the fair order of `window`: the SQL twin of `fairnessRank` (domain/fairness.ts). */
export function fairnessRankSql(id: RawBuilder<unknown>, window: number): RawBuilder<string> {
  return sql<string>`('x' || substr(md5(${String(window)}::text || ':' || ${id}::text), 1, 8))::bit(32)::bigint`;
}

/** Great-circle distance in metres from the center to a place, on the sphere of earthdistance's `earth()`. */
export function distanceSql(center: { latitude: number; longitude: number }, latitude: RawBuilder<number>, longitude: RawBuilder<number>): RawBuilder<number> {
  const lat = sql`${center.latitude}::float8`;
  const lon = sql`${center.longitude}::float8`;
  return sql<number>`(2 * earth() * asin(least(1, sqrt(
    sin(radians(${latitude} - ${lat}) / 2) ^ 2 + cos(radians(${lat})) * cos(radians(${latitude})) * sin(radians(${longitude} - ${lon}) / 2) ^ 2))))`;
}

/** Distance band (domain/distance.ts `distanceBand`): 0 same commune, then by the limits of BAND_LIMITS_KM. */
function bandSql(center: SearchCenter | null): RawBuilder<number> {
  if (!center) return sql<number>`0`;
  const limits = BAND_LIMITS_KM.map((km, i) => sql`when c.distance < ${km * 1000} then ${i + 1}`);
  return sql<number>`(case when c.commune_code = ${center.communeCode} then 0 ${sql.join(limits, sql` `)} else ${BAND_LIMITS_KM.length + 1} end)`;
}

/** Practitioners matching a name or one of their establishments' names, with the best rank and similarity. */
function nameMatchesCte(text: string): RawBuilder<unknown> {
  const practitioner = matchText(sql<string>`p.search_name`, text);
  const establishment = matchText(sql<string>`pl.search_name`, text);
  return sql`named as (
    select id, min(rank) as rank, max(similarity) as similarity from (
      select p.id, ${practitioner.rank} as rank, ${practitioner.similarity} as similarity
        from practitioners p where ${practitioner.candidate}
      union all
      select pl.practitioner_id, ${establishment.rank}, ${establishment.similarity}
        from places pl where pl.name is not null and ${establishment.candidate}
    ) m group by id
  ),`;
}

/** Conditions on the practitioner's visit reasons (online-bookable ones only). */
function reasonConditions(criteria: SearchCriteria): RawBuilder<boolean>[] {
  const kinds = [criteria.target.kind === 'reason' ? criteria.target.code : null, criteria.reasonKind]
    .filter((code): code is string => code !== null);
  const offers = (condition: RawBuilder<boolean>) => sql<boolean>`exists (select 1 from visit_reasons r
    where r.practitioner_id = pl.practitioner_id and r.online_bookable and ${condition})`;
  return [
    ...[...new Set(kinds)].map((code) => offers(sql<boolean>`r.kind_code = ${code}`)),
    ...(criteria.video ? [offers(sql<boolean>`r.video`)] : []),
  ];
}

/**
 * `candidates(id, place_id, commune_code, distance, name_rank, name_similarity)`: each matching practitioner once,
 * with its place in the searched commune or else its nearest place, within `radiusKm` of the center when given.
 */
function candidatesCte(criteria: SearchCriteria, radiusKm: number | null): RawBuilder<unknown> {
  const { target, center } = criteria;
  const conditions: RawBuilder<boolean>[] = [];
  if (target.kind === 'specialty') conditions.push(sql<boolean>`pl.specialty_code = ${target.code}`);
  if (center && radiusKm !== null) {
    conditions.push(sql<boolean>`earth_box(ll_to_earth(${center.latitude}::float8, ${center.longitude}::float8), ${radiusKm * 1000}::float8)
      @> ll_to_earth(pl.latitude, pl.longitude)`);
  }
  if (criteria.sectors.length) conditions.push(sql<boolean>`p.sector = any(${criteria.sectors}::text[])`);
  if (criteria.language) conditions.push(sql<boolean>`${criteria.language}::text = any(p.languages)`);
  conditions.push(...reasonConditions(criteria));
  const needsPractitioner = criteria.sectors.length > 0 || criteria.language !== null;
  const distance = center ? distanceSql(center, sql`pl.latitude`, sql`pl.longitude`) : sql<number>`null::float8`;
  const named = target.kind === 'name';
  const sameCommune = center ? sql`(pl.commune_code = ${center.communeCode}) desc,` : sql``;
  return sql`${named ? nameMatchesCte(target.text) : sql``}
    candidates as (
      select distinct on (pl.practitioner_id)
             pl.practitioner_id as id, pl.id as place_id, pl.commune_code, ${distance} as distance,
             ${named ? sql`n.rank` : sql`0`} as name_rank, ${named ? sql`n.similarity` : sql`0`} as name_similarity
        from places pl
        ${needsPractitioner ? sql`join practitioners p on p.id = pl.practitioner_id` : sql``}
        ${named ? sql`join named n on n.id = pl.practitioner_id` : sql``}
       where ${conditions.length ? sql.join(conditions, sql` and `) : sql`true`}
       order by pl.practitioner_id, ${sameCommune} distance, pl.id
    )`;
}

/** Candidates within the radius (when there is a center), with their band. */
function withinSql(criteria: SearchCriteria, radiusKm: number | null): RawBuilder<unknown> {
  const inside = criteria.center && radiusKm !== null ? sql`where c.distance <= ${radiusKm * 1000}` : sql``;
  return sql`within as (
    select c.*, ${bandSql(criteria.center)} as band from candidates c ${inside}
  )`;
}

/** Names first by match quality (B1), then distance band, then the window's fair order (B3). */
function orderSql(criteria: SearchCriteria): RawBuilder<unknown> {
  const byName = criteria.target.kind === 'name' ? sql`w.name_rank, w.name_similarity desc,` : sql``;
  return sql`${byName} w.band, ${fairnessRankSql(sql`w.id`, criteria.window)}, w.id`;
}

interface PageRow {
  practitionerId: string;
  placeId: string;
  distance: number | null;
  total: string;
}

/** One page of ordered candidates within the radius, with the total count. */
export async function findCandidatePage(
  db: Db, criteria: SearchCriteria, radiusKm: number | null, offset: number, limit: number,
): Promise<CandidatePage> {
  const { rows } = await sql<PageRow>`
    with ${candidatesCte(criteria, radiusKm)}, ${withinSql(criteria, radiusKm)}
    select w.id::text as "practitionerId", w.place_id::text as "placeId", w.distance, count(*) over () as total
      from within w
     order by ${orderSql(criteria)}
     offset ${offset} limit ${limit}`.execute(db);
  const total = rows.length ? Number(rows[0]!.total) : offset > 0 ? await countCandidates(db, criteria, radiusKm) : 0;
  return { total, rows: rows.map(toCandidate) };
}

/** The number of candidates within the radius (for a page past the end). */
async function countCandidates(db: Db, criteria: SearchCriteria, radiusKm: number | null): Promise<number> {
  const { rows } = await sql<{ total: string }>`
    with ${candidatesCte(criteria, radiusKm)}, ${withinSql(criteria, radiusKm)}
    select count(*) as total from within`.execute(db);
  return Number(rows[0]?.total ?? 0);
}

/** How many candidates lie within each radius, read once over the widest one. */
export async function countWithinRadii(db: Db, criteria: SearchCriteria, radiiKm: readonly number[]): Promise<number[]> {
  const widest = Math.max(...radiiKm);
  const counts = radiiKm.map((km) => sql`count(*) filter (where c.distance <= ${km * 1000})::int`);
  const { rows } = await sql<{ counts: number[] }>`
    with ${candidatesCte(criteria, widest)}
    select array[${sql.join(counts)}] as counts from candidates c`.execute(db);
  return rows[0]?.counts ?? radiiKm.map(() => 0);
}

/** The first `limit` ordered candidates within the radius (for filters computed outside SQL: availability). */
export async function listCandidates(db: Db, criteria: SearchCriteria, radiusKm: number | null, limit: number): Promise<CandidateRow[]> {
  return (await findCandidatePage(db, criteria, radiusKm, 0, limit)).rows;
}

function toCandidate(row: PageRow): CandidateRow {
  return {
    practitionerId: row.practitionerId,
    placeId: row.placeId,
    distanceKm: row.distance === null ? null : Math.round(row.distance / 100) / 10,
  };
}

export type { MatchRank };
