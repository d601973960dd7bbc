import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { intersect, keepContained, normalize, overlapsEach, subtract } from './intervals.ts';

const r = (start: number, end: number) => ({ start, end });

describe('interval algebra over instants', () => {
  it('sorts ranges and merges those that overlap or touch, dropping empty ones', () => {
    assert.deepEqual(normalize([r(50, 60), r(0, 10), r(10, 20), r(15, 30), r(40, 40)]), [r(0, 30), r(50, 60)]);
  });

  it('does not change the ranges it is given', () => {
    const input = [r(0, 10), r(5, 20)];
    normalize(input);
    assert.deepEqual(input, [r(0, 10), r(5, 20)]);
  });

  it('subtracts holes in the middle, at the edges and across several ranges', () => {
    assert.deepEqual(subtract([r(0, 100)], [r(20, 30), r(50, 60)]), [r(0, 20), r(30, 50), r(60, 100)]);
    assert.deepEqual(subtract([r(0, 100)], [r(0, 10), r(90, 100)]), [r(10, 90)]);
    assert.deepEqual(subtract([r(0, 10), r(20, 30), r(40, 50)], [r(5, 45)]), [r(0, 5), r(45, 50)]);
  });

  it('leaves everything when nothing touches, and nothing when one hole covers all', () => {
    assert.deepEqual(subtract([r(10, 20)], [r(0, 10), r(20, 30)]), [r(10, 20)]);
    assert.deepEqual(subtract([r(10, 20), r(30, 40)], [r(0, 100)]), []);
    assert.deepEqual(subtract([], [r(0, 1)]), []);
  });

  it('intersects two lists, keeping only the common instants', () => {
    assert.deepEqual(intersect([r(0, 10), r(20, 30)], [r(5, 25)]), [r(5, 10), r(20, 25)]);
    assert.deepEqual(intersect([r(0, 10)], [r(10, 20)]), []);
    assert.deepEqual(intersect([r(0, 100)], [r(10, 20), r(30, 40)]), [r(10, 20), r(30, 40)]);
  });

  it('keeps the candidates lying entirely inside an allowed range', () => {
    const candidates = [r(0, 10), r(10, 20), r(20, 30), r(30, 40)];
    assert.deepEqual(keepContained(candidates, [r(0, 15), r(20, 40)]), [r(0, 10), r(20, 30), r(30, 40)]);
  });

  it('tells which candidates overlap a range, a shared edge not counting', () => {
    const candidates = [r(0, 10), r(10, 20), r(20, 30), r(30, 40)];
    assert.deepEqual(overlapsEach(candidates, [r(15, 20), r(40, 50)]), [false, true, false, false]);
  });
});
