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
import { BAND_LIMITS_KM, ENOUGH_RESULTS } from './domain/distance.ts';
import type { ResultCardRow, ResultCardsSql } from './result-repository.ts';
import { executePrepared } from '../../platform/db/prepared.ts';
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

/**
 * Whether a place counts as « same commune » (band 0): in the searched commune AND within the first band, since
 * Paris or Marseille are one commune each and the whole city must not be shuffled as one band.
 */
function sameCommuneSql(center: SearchCenter, commune: RawBuilder<string>, distance: RawBuilder<number>): RawBuilder<boolean> {
  return sql<boolean>`(${commune} = ${center.communeCode} and ${distance} < ${BAND_LIMITS_KM[0] * 1000})`;
}

/** Distance band (domain/distance.ts `distanceBand`): 0 same commune nearby, then by the limits of BAND_LIMITS_KM. */
function bandSql(center: SearchCenter | null): RawBuilder<number> {
  if (!center) return sql<number>`0`;
  const limits = BAND_LIMITS_KM.map((km, i) => sql`when c.distance < ${km * 1000} then ${i + 1}`);
  const sameCommune = sameCommuneSql(center, sql`c.commune_code`, sql`c.distance`);
  return sql<number>`(case when ${sameCommune} then 0 ${sql.join(limits, sql` `)} else ${BAND_LIMITS_KM.length + 1} end)`;
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

/**
 * Conditions on the visit reasons: the practitioner books online (`p`), and THIS place's opening rules offer an
 * online-bookable reason of the kind (or a video one), so that the listed place shows its slots.
 */
function reasonConditions(criteria: SearchCriteria): RawBuilder<boolean>[] {
  const kinds = [criteria.target.kind === 'reason' ? criteria.target.code : null, criteria.reasonKind]
    .filter((code): code is string => code !== null);
  const offers = (condition: RawBuilder<boolean>) => sql<boolean>`exists (select 1 from visit_reasons r
    where r.practitioner_id = pl.practitioner_id and r.online_bookable and ${condition}
      and exists (select 1 from opening_rules o where o.place_id = pl.id and o.reason_ids @> array[r.id]))`;
  const conditions = [
    ...[...new Set(kinds)].map((code) => offers(sql<boolean>`r.kind_code = ${code}`)),
    ...(criteria.video ? [offers(sql<boolean>`r.video`)] : []),
  ];
  return conditions.length ? [sql<boolean>`p.online_booking and pl.online_booking`, ...conditions] : [];
}

/** What a place row `pl` must satisfy besides its distance; `p` (its practitioner) is joined when `needsPractitioner`. */
function placeFilters(criteria: SearchCriteria): { conditions: RawBuilder<boolean>[]; needsPractitioner: boolean } {
  const conditions: RawBuilder<boolean>[] = [];
  if (criteria.target.kind === 'specialty') conditions.push(sql<boolean>`pl.specialty_code = ${criteria.target.code}`);
  if (criteria.sectors.length) conditions.push(sql<boolean>`p.sector = any(${criteria.sectors}::text[])`);
  if (criteria.language) conditions.push(sql<boolean>`${criteria.language}::text = any(p.languages)`);
  const reasons = reasonConditions(criteria);
  conditions.push(...reasons);
  return { conditions, needsPractitioner: criteria.sectors.length > 0 || criteria.language !== null || reasons.length > 0 };
}

const practitionerJoin = sql`join practitioners p on p.id = pl.practitioner_id`;
const allOf = (conditions: RawBuilder<boolean>[]) => (conditions.length ? sql.join(conditions, sql` and `) : sql`true`);

/**
 * `candidates(id, place_id, commune_code, distance, name_rank, name_similarity)`: each matching practitioner once,
 * with its nearest place among those meeting the filters (one « same commune » first), within `boxMetres` of the
 * center when given.
 */
function candidatesCte(criteria: SearchCriteria, boxMetres: RawBuilder<number> | null): RawBuilder<unknown> {
  const { target, center } = criteria;
  const { conditions, needsPractitioner } = placeFilters(criteria);
  if (center && boxMetres) {
    conditions.push(sql<boolean>`earth_box(ll_to_earth(${center.latitude}::float8, ${center.longitude}::float8), ${boxMetres})
      @> ll_to_earth(pl.latitude, pl.longitude)`);
  }
  const distance = center ? distanceSql(center, sql`pl.latitude`, sql`pl.longitude`) : sql<number>`null::float8`;
  const named = target.kind === 'name';
  const sameCommune = center ? sql`${sameCommuneSql(center, sql`pl.commune_code`, distance)} desc,` : sql``;
  return sql`${named ? nameMatchesCte(target.text) : sql``}
    candidates as (
      select distinct on (pl.practitioner_id)
             pl.practitioner_id as id, pl.id as place_id, pl.commune_code, ${distance} as distance,
             ${named ? sql`n.rank` : sql`0`} as name_rank, ${named ? sql`n.similarity` : sql`0`} as name_similarity
        from places pl
        ${needsPractitioner ? practitionerJoin : sql``}
        ${named ? sql`join named n on n.id = pl.practitioner_id` : sql``}
       where ${allOf(conditions)}
       order by pl.practitioner_id, ${sameCommune} distance, pl.id
    )`;
}

/** Names first by match quality (B1), then distance band, then the window's fair order (B3). */
function orderSql(criteria: SearchCriteria, alias: string): RawBuilder<unknown> {
  const column = (name: string) => sql.ref(`${alias}.${name}`);
  const byName = criteria.target.kind === 'name' ? sql`${column('name_rank')}, ${column('name_similarity')} desc,` : sql``;
  return sql`${byName} ${column('band')}, ${fairnessRankSql(sql`${column('id')}`, criteria.window)}, ${column('id')}`;
}

/** `radius(km)` = the first of `radiiKm` within which `distanceOfTenth` lies, else the widest (domain/distance.ts `widerRadius`). */
function radiusChoice(radiiKm: readonly number[], distanceOfTenth: RawBuilder<number>): RawBuilder<unknown> {
  const widest = radiiKm[radiiKm.length - 1]!;
  const steps = radiiKm.slice(0, -1).map((km) => sql`when ${distanceOfTenth} <= ${km * 1000} then ${km}`);
  return steps.length ? sql`(case ${sql.join(steps, sql` `)} else ${widest} end)::int` : sql`${widest}::int`;
}

/** The radius counted over the candidates of the widest box: `candidates` first, then `radius(km)`. */
function radiusFromCandidates(criteria: SearchCriteria, radiiKm: readonly number[]): RawBuilder<unknown> {
  const widest = radiiKm[radiiKm.length - 1]!;
  const tenth = sql<number>`(select distance from candidates order by distance offset ${ENOUGH_RESULTS - 1} limit 1)`;
  return sql`${candidatesCte(criteria, sql<number>`${widest * 1000}::float8`)},
    tenth as materialized (select ${tenth} as distance),
    radius as (select ${radiusChoice(radiiKm, sql<number>`t.distance`)} as km from tenth t)`;
}

/** `candidates` and `radius(km)` for the radii to choose from; without a center, no radius. */
function candidatesAndRadius(criteria: SearchCriteria, radiiKm: readonly number[] | null): RawBuilder<unknown> {
  if (!criteria.center || !radiiKm?.length) return sql`${candidatesCte(criteria, null)}, radius as (select null::int as km)`;
  if (radiiKm.length === 1) {
    return sql`${candidatesCte(criteria, sql<number>`${radiiKm[0]! * 1000}::float8`)}, radius as (select ${radiiKm[0]!}::int as km)`;
  }
  return radiusFromCandidates(criteria, radiiKm);
}

/** Candidates within the chosen radius, with their band. */
function withinCte(criteria: SearchCriteria): RawBuilder<unknown> {
  return sql`within as (
    select c.*, ${bandSql(criteria.center)} as band
      from candidates c cross join radius r
     where r.km is null or c.distance <= r.km * 1000
  )`;
}

export interface PageOptions {
  /** Radii to choose from (the first holding enough practitioners, else the last); null without a center. */
  radiiKm: readonly number[] | null;
  offset: number;
  limit: number;
  /** What the cards show of each practitioner (result-repository.ts). */
  cards: ResultCardsSql;
}

export interface ResultPage {
  radiusKm: number | null;
  total: number;
  rows: (ResultCardRow & { distanceKm: number | null })[];
}

interface ResultPageRow extends ResultCardRow {
  distance: number | null;
  total: string;
  radiusKm: number | null;
}

/** One page of results (cards included) within the chosen radius, with the radius and the total: one query. */
export async function findResultPage(db: Db, criteria: SearchCriteria, options: PageOptions): Promise<ResultPage> {
  const rows = await executePrepared(db, resultPageSql(criteria, options));
  if (!rows.length) return { ...(await countResults(db, criteria, options.radiiKm)), rows: [] };
  return {
    radiusKm: rows[0]!.radiusKm,
    total: Number(rows[0]!.total),
    rows: rows.map(({ distance, total: _total, radiusKm: _radius, ...card }) => ({
      ...card, distanceKm: distance === null ? null : Math.round(distance / 100) / 10,
    })),
  };
}

/** The statement of `findResultPage`. */
export function resultPageSql(criteria: SearchCriteria, options: PageOptions): RawBuilder<ResultPageRow> {
  return sql<ResultPageRow>`
    with ${candidatesAndRadius(criteria, options.radiiKm)}, ${withinCte(criteria)},
    page as (
      select w.*, count(*) over () as total from within w
       order by ${orderSql(criteria, 'w')}
      offset ${options.offset} limit ${options.limit}
    )
    select ${options.cards.columns}, page.distance, page.total, (select km from radius) as "radiusKm"
      from page ${options.cards.joins}
     order by ${orderSql(criteria, 'page')}`;
}

/** The radius and the number of results when the page itself is empty (past the end, or nothing at all). */
async function countResults(db: Db, criteria: SearchCriteria, radiiKm: readonly number[] | null): Promise<{ radiusKm: number | null; total: number }> {
  const { rows } = await sql<{ total: string; radiusKm: number | null }>`
    with ${candidatesAndRadius(criteria, radiiKm)}, ${withinCte(criteria)}
    select count(*) as total, (select km from radius) as "radiusKm" from within`.execute(db);
  return { radiusKm: rows[0]?.radiusKm ?? null, total: Number(rows[0]?.total ?? 0) };
}
