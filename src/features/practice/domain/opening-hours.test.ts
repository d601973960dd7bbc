import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findOpeningProblem, type WeeklyInterval } from './opening-hours.ts';

const interval = (weekday: number, start: string, end: string, extra: Partial<WeeklyInterval> = {}): WeeklyInterval => ({
  weekday, start, end, reasonIds: ['1'], validFrom: null, validUntil: null, ...extra,
});

describe('weekly opening hours as a practice enters them', () => {
  it('accepts a day in two intervals around a lunch break, and intervals that touch', () => {
    assert.equal(findOpeningProblem([interval(1, '08:00', '12:00'), interval(1, '14:00', '18:00'), interval(1, '18:00', '20:00')]), null);
  });

  it('refuses two intervals of the same weekday that overlap, naming the day', () => {
    assert.deepEqual(findOpeningProblem([interval(2, '08:00', '12:00'), interval(2, '11:30', '13:00')]), { kind: 'overlap', weekday: 2 });
  });

  it('accepts the same times on different weekdays', () => {
    assert.equal(findOpeningProblem([interval(1, '08:00', '12:00'), interval(2, '08:00', '12:00')]), null);
  });

  it('accepts overlapping times whose validity dates never meet (summer hours)', () => {
    assert.equal(findOpeningProblem([
      interval(3, '08:00', '12:00', { validUntil: '2026-06-30' }),
      interval(3, '09:00', '13:00', { validFrom: '2026-07-01', validUntil: '2026-08-31' }),
    ]), null);
  });

  it('refuses overlapping times when one has no end date', () => {
    assert.deepEqual(findOpeningProblem([
      interval(3, '08:00', '12:00'),
      interval(3, '09:00', '13:00', { validFrom: '2026-07-01' }),
    ]), { kind: 'overlap', weekday: 3 });
  });

  it('refuses an interval that ends before it starts, is off the 5-minute grid, has no reason or dates out of order', () => {
    for (const bad of [
      interval(1, '12:00', '08:00'),
      interval(1, '08:00', '08:00'),
      interval(1, '08:03', '12:00'),
      interval(1, '08:00', '12:00', { reasonIds: [] }),
      interval(1, '08:00', '12:00', { validFrom: '2026-05-01', validUntil: '2026-04-30' }),
      interval(8, '08:00', '12:00'),
    ]) {
      assert.deepEqual(findOpeningProblem([bad]), { kind: 'invalid' }, JSON.stringify(bad));
    }
  });

  it('lets an evening interval close at midnight', () => {
    assert.equal(findOpeningProblem([interval(5, '20:00', '24:00')]), null);
  });
});
