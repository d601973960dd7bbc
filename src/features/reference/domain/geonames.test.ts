import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gazetteerPlaceOf, type GeoNamesCity } from './geonames.ts';

const city = (fields: Partial<GeoNamesCity>): GeoNamesCity =>
  ({ name: 'X', lat: '1.5', lng: '-2.25', country: 'FR', admin1: '', admin2: '', ...fields });

test('a metropolitan place belongs to the département given as admin2', () => {
  assert.deepEqual(gazetteerPlaceOf(city({ name: 'Zonza', admin1: '94', admin2: '2A' })),
    { name: 'Zonza', latitude: 1.5, longitude: -2.25, departement: '2A', commune_code: null });
});

test('an overseas place belongs to the département of its territory', () => {
  assert.equal(gazetteerPlaceOf(city({ country: 'GP', admin1: 'GP', admin2: '971' }))?.departement, '971');
  assert.equal(gazetteerPlaceOf(city({ country: 'RE', admin1: 'RE', admin2: '974' }))?.commune_code, null);
});

test('a Mayotte or New Caledonia place carries its INSEE commune code', () => {
  assert.deepEqual(gazetteerPlaceOf(city({ country: 'YT', admin1: '97611' }))?.commune_code, '97611');
  assert.deepEqual(gazetteerPlaceOf(city({ country: 'NC', admin1: '02', admin2: '98832' }))?.commune_code, '98832');
});

test('places outside France, or without a département, are ignored', () => {
  assert.equal(gazetteerPlaceOf(city({ country: 'AD', admin1: '03' })), null);
  assert.equal(gazetteerPlaceOf(city({ admin2: '' })), null);
});
