/** Where demo practitioners work: communes drawn in proportion to population, positions jittered around the town. */
import { drawWeighted, weightedTable, type Random, type WeightedTable } from './random.ts';

export interface DemoCommune {
  code: string;
  name: string;
  departement: string;
  postalCodes: readonly string[];
  population: number;
  latitude: number;
  longitude: number;
}

export interface Position {
  latitude: number;
  longitude: number;
}

/** Communes indexed for proportional draws and for « a town nearby » look-ups. */
export interface CommuneAtlas {
  byPopulation: WeightedTable<DemoCommune>;
  /** 0.1° × 0.1° cells → communes, for the neighbourhood of a point. */
  cells: Map<string, DemoCommune[]>;
}

const CELL_DEGREES = 0.1;
const KM_PER_DEGREE = 111.32;

/**
 * Agendas are Europe/Paris wall-clock times (0001), so the demo stays in metropolitan France (Corsica included):
 * overseas departments (three-digit codes) would need their own time zones.
 */
export function isMetropolitan(commune: Pick<DemoCommune, 'departement'>): boolean {
  return commune.departement.length === 2;
}

const cellKey = (latitude: number, longitude: number) =>
  `${Math.floor(latitude / CELL_DEGREES)}:${Math.floor(longitude / CELL_DEGREES)}`;

/** Builds the atlas from the populated metropolitan communes. */
export function buildAtlas(communes: readonly DemoCommune[]): CommuneAtlas {
  const usable = communes.filter((c) => c.population > 0 && isMetropolitan(c) && c.postalCodes.length > 0);
  const cells = new Map<string, DemoCommune[]>();
  for (const commune of usable) {
    const key = cellKey(commune.latitude, commune.longitude);
    const list = cells.get(key);
    if (list) list.push(commune);
    else cells.set(key, [commune]);
  }
  return { byPopulation: weightedTable(usable, (c) => c.population), cells };
}

/** A commune drawn with probability proportional to its population: Paris often, a hamlet rarely. */
export function drawCommune(random: Random, atlas: CommuneAtlas): DemoCommune {
  return drawWeighted(random, atlas.byPopulation);
}

/** Approximate distance in km (equirectangular): exact enough within a département. */
export function distanceKm(a: Position, b: Position): number {
  const meanLatitude = ((a.latitude + b.latitude) / 2) * (Math.PI / 180);
  const dx = (b.longitude - a.longitude) * Math.cos(meanLatitude);
  const dy = b.latitude - a.latitude;
  return Math.sqrt(dx * dx + dy * dy) * KM_PER_DEGREE;
}

/** Communes whose centre lies within `radiusKm` of a point (scanning the surrounding cells only). */
export function communesAround(atlas: CommuneAtlas, center: Position, radiusKm: number): DemoCommune[] {
  const latCells = Math.ceil(radiusKm / KM_PER_DEGREE / CELL_DEGREES);
  const lonCells = Math.ceil(radiusKm / (KM_PER_DEGREE * Math.cos((center.latitude * Math.PI) / 180)) / CELL_DEGREES);
  const row = Math.floor(center.latitude / CELL_DEGREES);
  const column = Math.floor(center.longitude / CELL_DEGREES);
  const found: DemoCommune[] = [];
  for (let r = row - latCells; r <= row + latCells; r++) {
    for (let c = column - lonCells; c <= column + lonCells; c++) {
      for (const commune of atlas.cells.get(`${r}:${c}`) ?? []) {
        if (distanceKm(center, commune) <= radiusKm) found.push(commune);
      }
    }
  }
  return found;
}

/**
 * The town of a second place of consultation: another commune 2–25 km away, the populous ones more likely;
 * in a big city (or where nothing is near) the same commune, another address.
 */
export function drawNearbyCommune(random: Random, atlas: CommuneAtlas, home: DemoCommune): DemoCommune {
  if (home.population > 150_000 && random.chance(0.6)) return home;
  const around = communesAround(atlas, home, 25).filter((c) => c.code !== home.code && distanceKm(home, c) >= 2);
  if (around.length === 0) return home;
  return drawWeighted(random, weightedTable(around, (c) => c.population));
}

/** A street position near the town centre: wider spread for big towns (Paris ≈ 4 km, a village ≈ 0.5 km). */
export function jitterPosition(random: Random, commune: DemoCommune): Position {
  const radiusKm = Math.min(5, 0.4 + Math.sqrt(commune.population) / 400);
  const distance = radiusKm * Math.sqrt(random.next());
  const angle = random.next() * 2 * Math.PI;
  const latitude = commune.latitude + (distance * Math.cos(angle)) / KM_PER_DEGREE;
  const longitude = commune.longitude
    + (distance * Math.sin(angle)) / (KM_PER_DEGREE * Math.cos((commune.latitude * Math.PI) / 180));
  return { latitude: Math.round(latitude * 1e6) / 1e6, longitude: Math.round(longitude * 1e6) / 1e6 };
}
