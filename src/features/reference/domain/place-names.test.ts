import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalisePlaceName, withoutArticle } from './place-names.ts';

test('accents, case, hyphens and apostrophes do not distinguish place names', () => {
  assert.equal(normalisePlaceName("L'Haÿ-les-Roses"), normalisePlaceName('l’hay les roses'));
  assert.equal(normalisePlaceName('Châlons-en-Champagne'), 'chalons en champagne');
});

test('« St » and « Ste » are read as « Saint » and « Sainte », but not inside a word', () => {
  assert.equal(normalisePlaceName('St-Malo'), 'saint malo');
  assert.equal(normalisePlaceName('Ste Maxime'), 'sainte maxime');
  assert.equal(normalisePlaceName('Stenay'), 'stenay');
});

test('ligatures compare equal to their two letters', () => {
  assert.equal(normalisePlaceName('Schœlcher'), 'schoelcher');
});

test('the leading article can be dropped, not an inner one', () => {
  assert.equal(withoutArticle(normalisePlaceName('Les Abymes')), 'abymes');
  assert.equal(withoutArticle(normalisePlaceName("L'Isle-Adam")), 'isle adam');
  assert.equal(withoutArticle(normalisePlaceName('Bois-le-Roi')), 'bois le roi');
});
