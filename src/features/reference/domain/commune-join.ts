/**
 * Gives every current commune of the INSEE register a position, by joining it with GeoNames places on
 * name + département; communes GeoNames does not know get an approximate, flagged position nearby.
 */
import type { GazetteerPlace } from './geonames.ts';
import { normalisePlaceName, placeKey, withoutArticle } from './place-names.ts';

export interface CommuneRecord {
  code: string;
  name: string;
  departement: string;
  postal_codes: string[];
  population: number;
}

/** A former commune merged into a current one (« commune déléguée » or « associée »): its name may be GeoNames'. */
export interface FormerCommune {
  code: string;
  name: string;
  departement: string;
  /** Code of the current commune it belongs to. */
  current_code: string;
}

export interface PositionedCommune extends CommuneRecord {
  latitude: number;
  longitude: number;
  approximate_position: boolean;
}

export interface JoinStatistics {
  communes: number;
  by_code: number;
  by_name: number;
  by_name_without_article: number;
  by_former_commune: number;
  /** « Argelès-sur-Mer » found as GeoNames' « Argeles », « Guidel » as « Guidel-Plage »: one unused place only. */
  by_name_prefix: number;
  approximate_by_postal_code: number;
  approximate_by_departement: number;
  /** Communes left out: nothing near them has a position (uninhabited territories). */
  unplaced: string[];
}

type Position = { latitude: number; longitude: number };
type Method = 'by_code' | 'by_name' | 'by_name_without_article' | 'by_former_commune' | 'by_name_prefix';

/** Index of places by key; a key shared by several places is ambiguous and indexes nothing. */
function uniqueIndex(places: GazetteerPlace[], keyOf: (place: GazetteerPlace) => string): Map<string, GazetteerPlace> {
  const index = new Map<string, GazetteerPlace | null>();
  for (const place of places) {
    const key = keyOf(place);
    index.set(key, index.has(key) ? null : place);
  }
  return new Map([...index].filter((entry): entry is [string, GazetteerPlace] => entry[1] !== null));
}

/** Finds GeoNames positions for names, by exact normalised name then without leading article. */
class PlaceFinder {
  private readonly byCode = new Map<string, GazetteerPlace>();
  private readonly byName: Map<string, GazetteerPlace>;
  private readonly byBareName: Map<string, GazetteerPlace>;

  constructor(places: GazetteerPlace[]) {
    for (const place of places) if (place.commune_code && !this.byCode.has(place.commune_code)) this.byCode.set(place.commune_code, place);
    this.byName = uniqueIndex(places, (p) => placeKey(normalisePlaceName(p.name), p.departement));
    this.byBareName = uniqueIndex(places, (p) => placeKey(withoutArticle(normalisePlaceName(p.name)), p.departement));
  }

  byCommuneCode(code: string): GazetteerPlace | undefined {
    return this.byCode.get(code);
  }

  byExactName(name: string, departement: string): GazetteerPlace | undefined {
    return this.byName.get(placeKey(normalisePlaceName(name), departement));
  }

  byNameWithoutArticle(name: string, departement: string): GazetteerPlace | undefined {
    return this.byBareName.get(placeKey(withoutArticle(normalisePlaceName(name)), departement));
  }
}

/** The exact position of a commune and how it was found, or null. Former communes: the one sharing its code first. */
function locate(commune: CommuneRecord, finder: PlaceFinder, formers: FormerCommune[]): [Position, Method] | null {
  const byCode = finder.byCommuneCode(commune.code);
  if (byCode) return [byCode, 'by_code'];
  const byName = finder.byExactName(commune.name, commune.departement);
  if (byName) return [byName, 'by_name'];
  const byBareName = finder.byNameWithoutArticle(commune.name, commune.departement);
  if (byBareName) return [byBareName, 'by_name_without_article'];
  const ordered = [...formers].sort((a, b) => Number(b.code === commune.code) - Number(a.code === commune.code) || a.code.localeCompare(b.code));
  for (const former of ordered) {
    const place = finder.byExactName(former.name, former.departement) ?? finder.byNameWithoutArticle(former.name, former.departement);
    if (place) return [place, 'by_former_commune'];
  }
  return null;
}

/** Mean position of a group of positions, or undefined for an empty group. */
function centroid(positions: Position[] | undefined): Position | undefined {
  if (!positions?.length) return undefined;
  const sum = positions.reduce((s, p) => ({ latitude: s.latitude + p.latitude, longitude: s.longitude + p.longitude }), { latitude: 0, longitude: 0 });
  return { latitude: sum.latitude / positions.length, longitude: sum.longitude / positions.length };
}

/** True when one name is the other followed by more words (« argeles » / « argeles sur mer »). */
function isWordPrefix(shorter: string, longer: string): boolean {
  // « Saint-Pierre » is too common a stem to stand for « Saint-Pierre-de-Mézoargues ».
  const tooGeneric = /^saint(e)? \S+$/.test(shorter);
  return shorter.length >= 4 && !tooGeneric && longer.startsWith(`${shorter} `);
}

/** The only place of the département, not already some commune's, whose name extends or shortens the commune's. */
function uniquePrefixPlace(commune: CommuneRecord, places: GazetteerPlace[], used: Set<Position>): GazetteerPlace | undefined {
  const name = normalisePlaceName(commune.name);
  const candidates = places.filter((place) => {
    if (used.has(place)) return false;
    const placeName = normalisePlaceName(place.name);
    return isWordPrefix(placeName, name) || isWordPrefix(name, placeName);
  });
  return candidates.length === 1 ? candidates[0] : undefined;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Joins communes with places; returns the positioned communes (sorted by code) and how each was positioned. */
export function joinCommunesWithPlaces(
  communes: CommuneRecord[],
  places: GazetteerPlace[],
  formerCommunes: FormerCommune[] = [],
): { communes: PositionedCommune[]; statistics: JoinStatistics } {
  const finder = new PlaceFinder(places);
  const formersOf = new Map<string, FormerCommune[]>();
  for (const former of formerCommunes) push(formersOf, former.current_code, former);

  const statistics: JoinStatistics = {
    communes: communes.length, by_code: 0, by_name: 0, by_name_without_article: 0, by_former_commune: 0, by_name_prefix: 0,
    approximate_by_postal_code: 0, approximate_by_departement: 0, unplaced: [],
  };
  const located = new Map<string, Position>();
  const used = new Set<Position>();
  const byPostalCode = new Map<string, Position[]>();
  const byDepartement = new Map<string, Position[]>();
  const record = (commune: CommuneRecord, position: Position, method: Method): void => {
    statistics[method]++;
    located.set(commune.code, position);
    used.add(position);
    for (const postalCode of commune.postal_codes) push(byPostalCode, postalCode, position);
    push(byDepartement, commune.departement, position);
  };
  for (const commune of communes) {
    const found = locate(commune, finder, formersOf.get(commune.code) ?? []);
    if (found) record(commune, ...found);
  }
  // Second pass, once every exact match has claimed its place: a place left over may be a commune's under a longer name.
  const placesByDepartement = new Map<string, GazetteerPlace[]>();
  for (const place of places) push(placesByDepartement, place.departement, place);
  for (const commune of communes) {
    if (located.has(commune.code)) continue;
    const place = uniquePrefixPlace(commune, placesByDepartement.get(commune.departement) ?? [], used);
    if (place) record(commune, place, 'by_name_prefix');
  }

  const positioned: PositionedCommune[] = [];
  for (const commune of [...communes].sort((a, b) => a.code.localeCompare(b.code))) {
    const exact = located.get(commune.code);
    if (exact) {
      positioned.push({ ...commune, latitude: exact.latitude, longitude: exact.longitude, approximate_position: false });
      continue;
    }
    // Neighbours sharing a postal code are close; the département's centroid is the last resort
    // (that of its GeoNames places when none of its communes matched, as in one-commune territories).
    const nearby = centroid(commune.postal_codes.flatMap((code) => byPostalCode.get(code) ?? []));
    const approximate = nearby ?? centroid(byDepartement.get(commune.departement)) ?? centroid(placesByDepartement.get(commune.departement));
    if (!approximate) {
      statistics.unplaced.push(commune.code);
      continue;
    }
    statistics[nearby ? 'approximate_by_postal_code' : 'approximate_by_departement']++;
    positioned.push({ ...commune, ...approximate, approximate_position: true });
  }
  return { communes: positioned, statistics };
}
