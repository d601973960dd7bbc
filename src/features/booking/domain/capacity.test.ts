import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fitsCapacity, slotGroupFor } from './capacity.ts';

const start = new Date('2026-05-04T08:00:00Z');

test('a one-patient slot takes its first patient and refuses a second', () => {
  assert.equal(fitsCapacity(0, 1), true);
  assert.equal(fitsCapacity(1, 1), false);
});

test('a group session of 3 takes a third patient and refuses a fourth', () => {
  assert.equal(fitsCapacity(2, 3), true);
  assert.equal(fitsCapacity(3, 3), false);
});

test('a one-patient reason lets the row keep its own group', () => {
  assert.equal(slotGroupFor({ id: '5', capacity: 1 }, start, null), null);
});

test('every patient joining the same group session gets the same group', () => {
  const first = slotGroupFor({ id: '5', capacity: 4 }, start, null);
  const second = slotGroupFor({ id: '5', capacity: 4 }, new Date(start.getTime()), null);
  assert.equal(first, second);
  assert.notEqual(first, null);
});

test('group sessions of different reasons or starts get different groups', () => {
  const a = slotGroupFor({ id: '5', capacity: 4 }, start, null);
  assert.notEqual(a, slotGroupFor({ id: '6', capacity: 4 }, start, null));
  assert.notEqual(a, slotGroupFor({ id: '5', capacity: 4 }, new Date(start.getTime() + 30 * 60_000), null));
});

test('a session that already has members keeps their group', () => {
  assert.equal(slotGroupFor({ id: '5', capacity: 4 }, start, 'b3c1-first-member'), 'b3c1-first-member');
});
