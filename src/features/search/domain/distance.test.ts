import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { distanceBand, widerRadius } from './distance.ts';

describe('search domain: distance bands and radius (B2, B3)', () => {
  it('puts the searched commune first, then places by band of distance', () => {
    assert.equal(distanceBand(true, 4.9), 0);
    assert.deepEqual([0.2, 4.9, 5, 9.9, 10, 19.9, 20, 49.9, 50, 120].map((km) => distanceBand(false, km)), [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });

  it('puts a place of a big commune (Paris, Marseille) farther than the first band by its distance, not first', () => {
    assert.deepEqual([5, 7, 12].map((km) => distanceBand(true, km)), [2, 2, 3]);
  });

  it('widens 10 → 25 → 50 → 100 km while fewer than ten practitioners are found', () => {
    assert.equal(widerRadius(10, 9), 25);
    assert.equal(widerRadius(25, 0), 50);
    assert.equal(widerRadius(50, 3), 100);
  });

  it('keeps the radius once ten practitioners are found, and never goes past 100 km', () => {
    assert.equal(widerRadius(10, 10), null);
    assert.equal(widerRadius(100, 2), null);
  });
});
