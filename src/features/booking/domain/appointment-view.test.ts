import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitUpcomingAndPast } from './appointment-view.ts';

const now = new Date('2026-05-04T10:00:00Z');

function appointment(id: string, startIso: string, minutes = 30) {
  const start = new Date(startIso);
  return { id, start, end: new Date(start.getTime() + minutes * 60_000) };
}

const list = [
  appointment('last-year', '2025-05-04T08:00:00Z'),
  appointment('next-month', '2026-06-01T08:00:00Z'),
  appointment('yesterday', '2026-05-03T08:00:00Z'),
  appointment('tomorrow', '2026-05-05T08:00:00Z'),
];

test('upcoming appointments are listed soonest first', () => {
  assert.deepEqual(splitUpcomingAndPast(list, now).upcoming.map((a) => a.id), ['tomorrow', 'next-month']);
});

test('past appointments are listed most recent first', () => {
  assert.deepEqual(splitUpcomingAndPast(list, now).past.map((a) => a.id), ['yesterday', 'last-year']);
});

test('an appointment in progress is still upcoming, and past from its end', () => {
  const inProgress = appointment('now', '2026-05-04T09:45:00Z');
  assert.deepEqual(splitUpcomingAndPast([inProgress], now).upcoming.map((a) => a.id), ['now']);
  assert.deepEqual(splitUpcomingAndPast([inProgress], inProgress.end).past.map((a) => a.id), ['now']);
});

test('the list given is left untouched', () => {
  const copy = [...list];
  splitUpcomingAndPast(list, now);
  assert.deepEqual(list, copy);
});
