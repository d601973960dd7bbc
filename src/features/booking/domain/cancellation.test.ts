import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cancellationPolicy, canDeleteAppointment, isLateCancellation, onlineCancellationDeadline } from './cancellation.ts';

const start = new Date('2026-05-04T14:00:00Z');
const minute = 60_000;
const hour = 60 * minute;

function before(ms: number): Date {
  return new Date(start.getTime() - ms);
}

test('an appointment 4 hours and 1 minute away can be cancelled online', () => {
  assert.equal(cancellationPolicy(start, before(4 * hour + minute)), 'online');
});

test('an appointment exactly 4 hours away must be cancelled by phone', () => {
  assert.equal(cancellationPolicy(start, before(4 * hour)), 'phone_only');
});

test('an appointment 3 hours 59 minutes away must be cancelled by phone', () => {
  assert.equal(cancellationPolicy(start, before(4 * hour - minute)), 'phone_only');
});

test('an appointment that has started is past and cannot be cancelled', () => {
  assert.equal(cancellationPolicy(start, start), 'past');
  assert.equal(cancellationPolicy(start, new Date(start.getTime() + minute)), 'past');
});

test('the online deadline is 4 hours before the start', () => {
  assert.equal(onlineCancellationDeadline(start).toISOString(), '2026-05-04T10:00:00.000Z');
});

test('a cancellation 4 hours ahead or less is late, one minute more is not', () => {
  assert.equal(isLateCancellation(start, before(4 * hour + minute)), false);
  assert.equal(isLateCancellation(start, before(4 * hour)), true);
  assert.equal(isLateCancellation(start, before(10 * minute)), true);
});

test('a past appointment can never be deleted, an upcoming one can', () => {
  assert.equal(canDeleteAppointment(start, before(minute)), true);
  assert.equal(canDeleteAppointment(start, start), false);
  assert.equal(canDeleteAppointment(start, new Date(start.getTime() + 365 * 24 * hour)), false);
});
