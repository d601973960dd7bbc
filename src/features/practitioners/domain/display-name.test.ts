import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { practitionerDisplayName } from './display-name.ts';

describe('practitioners domain: public name', () => {
  it('names doctors and professors with their title', () => {
    assert.equal(practitionerDisplayName({ title: 'DR', firstName: 'Hélène', lastName: 'Dupont' }), 'Dr Hélène Dupont');
    assert.equal(practitionerDisplayName({ title: 'PR', firstName: 'Jean', lastName: 'Martin' }), 'Pr Jean Martin');
  });

  it('names other professionals without a title', () => {
    assert.equal(practitionerDisplayName({ title: null, firstName: 'Claire', lastName: 'Petit' }), 'Claire Petit');
  });
});
