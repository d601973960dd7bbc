import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  createAgendaModel, holdSlot, confirmHold, cancelEntry, moveBooking, expireHolds, bookingsOf, overlapsBeyondCapacity,
  type AgendaModel, type ModelSlot,
} from './reference-model.ts';

const minute = 60_000;
const day = 24 * 60 * minute;
const now = new Date('2026-05-04T08:00:00Z');
const later = (ms: number) => new Date(now.getTime() + ms);

function slot(id: string, startMs: number, minutes: number, capacity = 1): ModelSlot {
  return { id, start: later(startMs), end: later(startMs + minutes * minute), capacity };
}

// Tomorrow: 09:00 and 09:30 (30 min each), a 45-minute slot at 09:00 overlapping both, a group session of 2.
const agenda = createAgendaModel([
  slot('s0900', day, 30), slot('s0930', day + 30 * minute, 30), slot('long0900', day, 45), slot('group', 2 * day, 60, 2),
]);

function held(model: AgendaModel, slotId: string, patientId: string, accountId: string | null = patientId, token?: string) {
  const step = holdSlot(model, { slotId, patientId, accountId, token, now });
  assert.equal(step.result.ok, true);
  return { model: step.model, entryId: step.result.ok ? step.result.entryId : '' };
}

test('a second patient cannot hold a slot already held', () => {
  const first = held(agenda, 's0900', 'p1');
  assert.deepEqual(holdSlot(first.model, { slotId: 's0900', patientId: 'p2', accountId: 'p2', now }).result, { ok: false, error: 'slot_taken' });
});

test('a slot overlapping a held slot cannot be held', () => {
  const first = held(agenda, 's0930', 'p1');
  assert.deepEqual(holdSlot(first.model, { slotId: 'long0900', patientId: 'p2', accountId: 'p2', now }).result, { ok: false, error: 'slot_taken' });
});

test('an expired hold frees the slot for the next patient', () => {
  const first = held(agenda, 's0900', 'p1');
  const step = holdSlot(first.model, { slotId: 's0900', patientId: 'p2', accountId: 'p2', now: later(15 * minute) });
  assert.equal(step.result.ok, true);
  assert.equal(overlapsBeyondCapacity(step.model), false);
});

test('a hold is confirmed by its account before expiry, not after', () => {
  const first = held(agenda, 's0900', 'p1');
  assert.equal(confirmHold(first.model, { entryId: first.entryId, accountId: 'p1', now: later(14 * minute) }).result, 'ok');
  assert.equal(confirmHold(first.model, { entryId: first.entryId, accountId: 'p1', now: later(15 * minute) }).result, 'expired');
});

test('another account cannot confirm a hold', () => {
  const first = held(agenda, 's0900', 'p1');
  assert.equal(confirmHold(first.model, { entryId: first.entryId, accountId: 'p2', now }).result, 'not_yours');
});

test('a hold taken before login is confirmed by the account presenting its token', () => {
  const first = held(agenda, 's0900', 'p1', null, 'tok');
  assert.equal(confirmHold(first.model, { entryId: first.entryId, accountId: 'p2', now }).result, 'not_yours');
  const step = confirmHold(first.model, { entryId: first.entryId, accountId: 'p1', token: 'tok', now });
  assert.equal(step.result, 'ok');
  assert.deepEqual(bookingsOf(step.model), [{ entryId: first.entryId, slotId: 's0900', patientId: 'p1' }]);
});

test('a confirmed booking survives the hold delay, and confirming again is the same booking', () => {
  const first = held(agenda, 's0900', 'p1');
  const confirmed = confirmHold(first.model, { entryId: first.entryId, accountId: 'p1', now }).model;
  const afterDelay = expireHolds(confirmed, later(day));
  assert.equal(bookingsOf(afterDelay).length, 1);
  const again = confirmHold(afterDelay, { entryId: first.entryId, accountId: 'p1', now: later(day) });
  assert.equal(again.result, 'ok');
  assert.deepEqual(bookingsOf(again.model), bookingsOf(afterDelay));
});

test('a group slot takes as many patients as its capacity and no more', () => {
  const a = held(agenda, 'group', 'p1');
  const b = held(a.model, 'group', 'p2');
  assert.deepEqual(holdSlot(b.model, { slotId: 'group', patientId: 'p3', accountId: 'p3', now }).result, { ok: false, error: 'slot_taken' });
  assert.equal(overlapsBeyondCapacity(b.model), false);
});

test('a move takes the new slot and frees the old one', () => {
  const first = held(agenda, 's0900', 'p1');
  const booked = confirmHold(first.model, { entryId: first.entryId, accountId: 'p1', now }).model;
  const moved = moveBooking(booked, { entryId: first.entryId, accountId: 'p1', slotId: 's0930', now });
  assert.equal(moved.result, 'ok');
  assert.equal(holdSlot(moved.model, { slotId: 's0900', patientId: 'p2', accountId: 'p2', now }).result.ok, true);
});

test('a booking can move to a slot overlapping its own', () => {
  const first = held(agenda, 's0900', 'p1');
  const booked = confirmHold(first.model, { entryId: first.entryId, accountId: 'p1', now }).model;
  assert.equal(moveBooking(booked, { entryId: first.entryId, accountId: 'p1', slotId: 'long0900', now }).result, 'ok');
});

test('cancelling 4 hours or less before the start is refused, more than 4 hours frees the slot', () => {
  const first = held(agenda, 's0900', 'p1');
  const booked = confirmHold(first.model, { entryId: first.entryId, accountId: 'p1', now }).model;
  const fourHoursBefore = later(day - 4 * 60 * minute);
  assert.equal(cancelEntry(booked, { entryId: first.entryId, accountId: 'p1', now: fourHoursBefore }).result, 'phone_only');
  const cancelled = cancelEntry(booked, { entryId: first.entryId, accountId: 'p1', now: later(day - 4 * 60 * minute - minute) });
  assert.equal(cancelled.result, 'ok');
  assert.deepEqual(bookingsOf(cancelled.model), []);
});

test('the invariant check sees an overbooked slot and entries on overlapping slots', () => {
  const entry = { patientId: 'p', accountId: 'p', token: null, status: 'booked' as const, holdExpiresAt: null };
  const doubleBooked = { ...agenda, entries: [{ ...entry, id: 'x', slotId: 's0900' }, { ...entry, id: 'y', slotId: 's0900' }] };
  const overlapping = { ...agenda, entries: [{ ...entry, id: 'x', slotId: 's0930' }, { ...entry, id: 'y', slotId: 'long0900' }] };
  const side = { ...agenda, entries: [{ ...entry, id: 'x', slotId: 's0900' }, { ...entry, id: 'y', slotId: 's0930' }] };
  assert.equal(overlapsBeyondCapacity(doubleBooked), true);
  assert.equal(overlapsBeyondCapacity(overlapping), true);
  assert.equal(overlapsBeyondCapacity(side), false);
});
