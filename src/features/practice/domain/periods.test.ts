import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { periodFields, periodInstants } from './periods.ts';

describe('absences and replacements typed in Paris dates and times', () => {
  it('reads whole days from the first day’s midnight to the end of the last day', () => {
    assert.deepEqual(periodInstants({ from: '2026-03-04', to: '2026-03-05' }), {
      start: new Date('2026-03-03T23:00:00Z'), end: new Date('2026-03-05T23:00:00Z'),
    });
  });

  it('reads times on the Paris clock, summer time included', () => {
    assert.deepEqual(periodInstants({ from: '2026-07-01', fromTime: '14:00', to: '2026-07-01', toTime: '18:30' }), {
      start: new Date('2026-07-01T12:00:00Z'), end: new Date('2026-07-01T16:30:00Z'),
    });
  });

  it('spans the night the clocks go forward', () => {
    const period = periodInstants({ from: '2026-03-28', to: '2026-03-29' })!;
    assert.equal(period.end.getTime() - period.start.getTime(), 47 * 3600_000);
  });

  it('refuses a period that ends before it starts or lasts more than a year', () => {
    assert.equal(periodInstants({ from: '2026-03-05', to: '2026-03-04' }), null);
    assert.equal(periodInstants({ from: '2026-03-04', fromTime: '14:00', to: '2026-03-04', toTime: '09:00' }), null);
    assert.equal(periodInstants({ from: '2026-01-01', to: '2027-06-01' }), null);
  });

  it('shows a stored period back as typed, an end at midnight as 24:00 of the last day', () => {
    const whole = periodInstants({ from: '2026-03-04', to: '2026-03-05' })!;
    assert.deepEqual(periodFields(whole.start, whole.end), {
      start: '2026-03-03T23:00:00.000Z', end: '2026-03-05T23:00:00.000Z',
      from: '2026-03-04', fromTime: '00:00', to: '2026-03-05', toTime: '24:00',
    });
    const afternoon = periodInstants({ from: '2026-07-01', fromTime: '14:00', to: '2026-07-01', toTime: '18:30' })!;
    const fields = periodFields(afternoon.start, afternoon.end);
    assert.deepEqual([fields.from, fields.fromTime, fields.to, fields.toTime], ['2026-07-01', '14:00', '2026-07-01', '18:30']);
  });
});
