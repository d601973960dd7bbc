import { test } from 'node:test';
import assert from 'node:assert/strict';
import { joinCommunesWithPlaces, type CommuneRecord } from './commune-join.ts';
import type { GazetteerPlace } from './geonames.ts';

function commune(code: string, name: string, departement: string, postal_codes: string[] = []): CommuneRecord {
  return { code, name, departement, postal_codes, population: 1000 };
}

function place(name: string, departement: string, latitude: number, longitude: number, commune_code: string | null = null): GazetteerPlace {
  return { name, departement, latitude, longitude, commune_code };
}

function positionOf(result: ReturnType<typeof joinCommunesWithPlaces>, code: string) {
  const found = result.communes.find((c) => c.code === code);
  assert.ok(found, `commune ${code} is positioned`);
  return found;
}

test('a commune spelt with accents, hyphens and « Saint » matches the gazetteer spelling « St Etienne du Rouvray »', () => {
  const result = joinCommunesWithPlaces(
    [commune('76575', 'Saint-Étienne-du-Rouvray', '76', ['76800'])],
    [place('St Etienne du Rouvray', '76', 49.377, 1.105)],
  );
  assert.deepEqual(
    { ...positionOf(result, '76575') },
    { ...commune('76575', 'Saint-Étienne-du-Rouvray', '76', ['76800']), latitude: 49.377, longitude: 1.105, approximate_position: false },
  );
});

test('a commune with a curly apostrophe and a ligature matches its plain spelling', () => {
  const result = joinCommunesWithPlaces(
    [commune('97229', 'Schœlcher', '972'), commune('94038', "L'Haÿ-les-Roses", '94')],
    [place('Schoelcher', '972', 14.61, -61.09), place('L’Hay les Roses', '94', 48.78, 2.34)],
  );
  assert.equal(positionOf(result, '97229').approximate_position, false);
  assert.equal(positionOf(result, '94038').latitude, 48.78);
});

test('a commune whose gazetteer name lacks the leading article still matches', () => {
  const result = joinCommunesWithPlaces([commune('97101', 'Les Abymes', '971')], [place('Abymes', '971', 16.27, -61.5)]);
  assert.equal(positionOf(result, '97101').approximate_position, false);
});

test('a commune the gazetteer does not know gets the centroid of the communes sharing its postal code, flagged approximate', () => {
  const result = joinCommunesWithPlaces(
    [commune('44001', 'Alpha', '44', ['44500']), commune('44002', 'Beta', '44', ['44500']), commune('44003', 'Hameau', '44', ['44500'])],
    [place('Alpha', '44', 47.0, -2.0), place('Beta', '44', 47.2, -2.2), place('Elsewhere', '44', 40, 0)],
  );
  const unknown = positionOf(result, '44003');
  assert.equal(unknown.approximate_position, true);
  assert.ok(Math.abs(unknown.latitude - 47.1) < 1e-9 && Math.abs(unknown.longitude + 2.1) < 1e-9);
  assert.equal(result.statistics.approximate_by_postal_code, 1);
});

test('without a neighbour sharing its postal code, an unknown commune gets its département centroid', () => {
  const result = joinCommunesWithPlaces(
    [commune('29001', 'Known', '29', ['29100']), commune('29002', 'Unknown', '29', ['29999'])],
    [place('Known', '29', 48.0, -4.0)],
  );
  assert.deepEqual([positionOf(result, '29002').latitude, positionOf(result, '29002').approximate_position], [48.0, true]);
  assert.equal(result.statistics.approximate_by_departement, 1);
});

test('homonyms in two départements do not get each other’s coordinates', () => {
  const result = joinCommunesWithPlaces(
    [commune('25001', 'Sainte-Marie', '25', ['25113']), commune('05001', 'Sainte-Marie', '05', ['05150']), commune('05002', 'Gap', '05', ['05000'])],
    [place('Sainte-Marie', '25', 47.5, 6.7), place('Gap', '05', 44.56, 6.08)],
  );
  assert.equal(positionOf(result, '25001').latitude, 47.5);
  const inHautesAlpes = positionOf(result, '05001');
  assert.equal(inHautesAlpes.approximate_position, true);
  assert.deepEqual([inHautesAlpes.latitude, inHautesAlpes.longitude], [44.56, 6.08]);
});

test('two gazetteer places with the same name in one département are ambiguous: the commune is approximate', () => {
  const result = joinCommunesWithPlaces(
    [commune('63001', 'Montaigut', '63', ['63700']), commune('63002', 'Riom', '63', ['63200'])],
    [place('Montaigut', '63', 46.1, 2.8), place('Montaigut', '63', 45.6, 3.3), place('Riom', '63', 45.9, 3.1)],
  );
  assert.equal(positionOf(result, '63001').approximate_position, true);
});

test('a merged commune takes the position of its former commune of the same code', () => {
  const result = joinCommunesWithPlaces(
    [commune('49301', 'Sèvremoine', '49', ['49230'])],
    [place('Saint-Macaire-en-Mauges', '49', 47.12, -0.99), place('Torfou', '49', 47.03, -1.11)],
    [
      { code: '49301', name: 'Saint-Macaire-en-Mauges', departement: '49', current_code: '49301' },
      { code: '49350', name: 'Torfou', departement: '49', current_code: '49301' },
    ],
  );
  assert.deepEqual([positionOf(result, '49301').latitude, positionOf(result, '49301').approximate_position], [47.12, false]);
});

test('a commune known to the gazetteer by a longer name (« Guidel-Plage ») takes that position when it is the only candidate', () => {
  const result = joinCommunesWithPlaces([commune('56078', 'Guidel', '56', ['56520'])], [place('Guidel-Plage', '56', 47.77, -3.52)]);
  assert.deepEqual([positionOf(result, '56078').latitude, positionOf(result, '56078').approximate_position], [47.77, false]);
});

test('a place that is already another commune’s is not taken by a longer-named commune', () => {
  const result = joinCommunesWithPlaces(
    [commune('16204', 'Mansle', '16', ['16230']), commune('16999', 'Mansle-les-Fontaines', '16', ['16999'])],
    [place('Mansle', '16', 45.87, 0.18)],
  );
  assert.equal(positionOf(result, '16999').approximate_position, true);
});

test('« Saint-Pierre » alone is too common a stem to position « Saint-Pierre-de-Mézoargues »', () => {
  const result = joinCommunesWithPlaces(
    [commune('13097', 'Saint-Pierre-de-Mézoargues', '13', ['13150'])],
    [place('Saint-Pierre', '13', 43.3, 5.4)],
  );
  assert.equal(positionOf(result, '13097').approximate_position, true);
});

test('an overseas commune is found by the INSEE code the gazetteer carries', () => {
  const result = joinCommunesWithPlaces([commune('97611', 'Mamoudzou', '976', ['97600'])], [place('Kaweni', '976', -12.77, 45.22, '97611')]);
  assert.deepEqual([positionOf(result, '97611').latitude, result.statistics.by_code], [-12.77, 1]);
});

test('a commune with nothing positioned in its territory is left out and reported', () => {
  const result = joinCommunesWithPlaces([commune('98412', 'Archipel des Kerguelen', '984')], []);
  assert.deepEqual([result.communes.length, result.statistics.unplaced], [0, ['98412']]);
});
