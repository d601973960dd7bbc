import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatCommunesTsv, parseCommunesTsv } from './communes-tsv.ts';

const nantes = {
  code: '44109', name: 'Nantes', departement: '44', postal_codes: ['44000', '44100', '44200', '44300'],
  population: 327734, latitude: 47.217251, longitude: -1.553362, approximate_position: false,
};

test('a commune written to the file reads back the same, with coordinates rounded to 4 decimals', () => {
  assert.deepEqual(parseCommunesTsv(formatCommunesTsv([nantes])), [{ ...nantes, latitude: 47.2173, longitude: -1.5534 }]);
});

test('a commune without postal codes and with an approximate position reads back as such', () => {
  const kerguelen = { ...nantes, code: '98412', postal_codes: [], approximate_position: true };
  const [back] = parseCommunesTsv(formatCommunesTsv([kerguelen]));
  assert.deepEqual([back?.postal_codes, back?.approximate_position], [[], true]);
});

test('a file with a malformed line is refused rather than loaded half', () => {
  assert.throws(() => parseCommunesTsv(`${formatCommunesTsv([nantes])}44110\tBroken\n`), /malformed line 3/);
});
