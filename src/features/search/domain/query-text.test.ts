import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { foldSeparators, isCommuneCode, isPostalCodePrefix, parsePlaceLabel, tidyQuery, withoutTitle } from './query-text.ts';

describe('search domain: typed text', () => {
  it('collapses and trims white space', () => {
    assert.equal(tidyQuery('  helene \t dupond  '), 'helene dupond');
  });

  it('drops a courtesy title before a name, but keeps a lone title', () => {
    assert.equal(withoutTitle('Dr Dupont'), 'Dupont');
    assert.equal(withoutTitle('docteur. Hélène Dupont'), 'Hélène Dupont');
    assert.equal(withoutTitle('Drouot'), 'Drouot');
    assert.equal(withoutTitle('Dr'), 'Dr');
  });

  it('reads hyphens and apostrophes as spaces', () => {
    assert.equal(foldSeparators("Saint-Étienne  l'Église"), 'Saint Étienne l Église');
  });

  it('recognises postal-code prefixes and INSEE codes, Corsica included', () => {
    assert.ok(isPostalCodePrefix('440'));
    assert.ok(!isPostalCodePrefix('440001'));
    assert.ok(isCommuneCode('2A004') && isCommuneCode('44109'));
    assert.ok(!isCommuneCode('2C004'));
  });

  it('reads a suggestion label typed back', () => {
    assert.deepEqual(parsePlaceLabel('Nantes (44000)'), { name: 'Nantes', postalCode: '44000' });
    assert.deepEqual(parsePlaceLabel('Nantes'), { name: 'Nantes', postalCode: null });
  });
});
