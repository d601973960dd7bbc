import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  addDays, daysBetween, firstInstantAt, isLocalDate, isoInstant, isoWeekday, lastInstantAt, localDateAt, offsetAt,
  resolveWallTime, secondsOfTime,
} from './zoned-time.ts';

const at = (iso: string) => new Date(iso).getTime();
const H = 3600;

describe('zoned time: Paris wall clock ⇄ UTC instants', () => {
  it('reads 08:00 in Paris as 07:00 UTC in winter and 06:00 UTC in summer', () => {
    assert.equal(firstInstantAt('2026-01-15', 8 * H), at('2026-01-15T07:00:00Z'));
    assert.equal(firstInstantAt('2026-07-15', 8 * H), at('2026-07-15T06:00:00Z'));
  });

  it('knows the offset on each side of the March change (01:00 UTC on 2026-03-29)', () => {
    assert.equal(offsetAt(at('2026-03-29T00:59:59Z')), 3_600_000);
    assert.equal(offsetAt(at('2026-03-29T01:00:00Z')), 7_200_000);
  });

  it('says 02:30 does not exist on the spring-forward day and resolves it to the end of the gap, 03:00 summer time', () => {
    assert.deepEqual(resolveWallTime('2026-03-29', 2.5 * H), { kind: 'skipped', gapEnd: at('2026-03-29T01:00:00Z') });
    assert.equal(firstInstantAt('2026-03-29', 2.5 * H), at('2026-03-29T01:00:00Z'));
    assert.equal(lastInstantAt('2026-03-29', 2 * H), at('2026-03-29T01:00:00Z'));
  });

  it('says 02:30 exists twice on the fall-back day: first in summer time, then in winter time', () => {
    assert.deepEqual(resolveWallTime('2026-10-25', 2.5 * H), {
      kind: 'repeated', earlier: at('2026-10-25T00:30:00Z'), later: at('2026-10-25T01:30:00Z'),
    });
    assert.equal(firstInstantAt('2026-10-25', 2.5 * H), at('2026-10-25T00:30:00Z'));
    assert.equal(lastInstantAt('2026-10-25', 2.5 * H), at('2026-10-25T01:30:00Z'));
  });

  it('resolves the times just around both changes to a single instant', () => {
    assert.deepEqual(resolveWallTime('2026-03-29', 3 * H), { kind: 'unique', instant: at('2026-03-29T01:00:00Z') });
    assert.deepEqual(resolveWallTime('2026-03-29', 1 * H + 59 * 60), { kind: 'unique', instant: at('2026-03-29T00:59:00Z') });
    assert.deepEqual(resolveWallTime('2026-10-25', 3 * H), { kind: 'unique', instant: at('2026-10-25T02:00:00Z') });
    assert.deepEqual(resolveWallTime('2026-10-25', 1 * H + 59 * 60), { kind: 'unique', instant: at('2026-10-24T23:59:00Z') });
  });

  it('treats 24:00 as the next midnight', () => {
    assert.equal(firstInstantAt('2026-03-02', 24 * H), at('2026-03-02T23:00:00Z'));
    assert.equal(secondsOfTime('24:00'), 86_400);
  });

  it('gives the Paris date of an instant, which is the next day late in the UTC evening', () => {
    assert.equal(localDateAt(at('2026-03-01T23:30:00Z')), '2026-03-02');
    assert.equal(localDateAt(at('2026-07-01T21:59:59Z')), '2026-07-01');
    assert.equal(localDateAt(at('2026-07-01T22:00:00Z')), '2026-07-02');
  });

  it('accepts real calendar dates only', () => {
    assert.equal(isLocalDate('2028-02-29'), true);
    assert.equal(isLocalDate('0099-01-01'), true);
    for (const bad of ['2026-02-29', '2026-13-45', '2026-02-30', 'abc', '2026-3-1', '', '2026-03-01T00:00']) {
      assert.equal(isLocalDate(bad), false, bad);
    }
  });

  it('adds days across month and year ends, and counts days between dates', () => {
    assert.equal(addDays('2026-12-31', 1), '2027-01-01');
    assert.equal(addDays('2026-03-01', -1), '2026-02-28');
    assert.equal(addDays('2026-03-28', 2), '2026-03-30');
    assert.equal(daysBetween('2026-03-02', '2026-03-30'), 28);
  });

  it('writes instants exactly as Date#toISOString does', () => {
    for (let instant = at('2026-03-28T00:00:00Z'); instant < at('2026-04-02T00:00:00Z'); instant += 7_777_777) {
      assert.equal(isoInstant(instant), new Date(instant).toISOString());
    }
    assert.equal(isoInstant(at('1999-12-31T23:59:59.999Z')), '1999-12-31T23:59:59.999Z');
  });

  it('numbers weekdays the ISO way, Monday 1 to Sunday 7', () => {
    assert.equal(isoWeekday('2026-03-02'), 1);
    assert.equal(isoWeekday('2026-03-29'), 7);
  });

  it('reads wall times with or without seconds and rejects malformed ones', () => {
    assert.equal(secondsOfTime('08:30'), 8 * H + 1800);
    assert.equal(secondsOfTime('08:30:15'), 8 * H + 1815);
    for (const bad of ['8:30', '08:60', '24:01', '25:00', 'noon', '08:30:60']) {
      assert.throws(() => secondsOfTime(bad), RangeError, bad);
    }
  });
});

describe('zoned time: remembered offsets', () => {
  /** The offset as another formatter writes it (« GMT+01:00 », « GMT+00:09:21 »), independent of offsetAt's code. */
  const oracle = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Paris', timeZoneName: 'longOffset' });
  const expectedOffset = (instant: number) => {
    const name = oracle.formatToParts(instant).find((part) => part.type === 'timeZoneName')!.value;
    const match = /^GMT(?:([+-])(\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(name);
    assert.ok(match, name);
    if (!match[1]) return 0;
    const ms = ((Number(match[2]) * 60 + Number(match[3])) * 60 + Number(match[4] ?? 0)) * 1000;
    return match[1] === '-' ? -ms : ms;
  };

  it('gives the same offset as the time zone database at instants spread over three centuries', () => {
    let seed = 12345;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const from = at('1850-01-01T00:00:00Z');
    const to = at('2150-01-01T00:00:00Z');
    for (let i = 0; i < 5000; i++) {
      const instant = Math.floor(from + next() * (to - from));
      assert.equal(offsetAt(instant), expectedOffset(instant), new Date(instant).toISOString());
    }
  });

  it('changes offset at the exact millisecond of every change of summer time from 1976 to 2100', () => {
    for (let year = 1976; year <= 2100; year++) {
      for (const month of [3, 10]) {
        // The last Sunday of March or October, 01:00 UTC (the rule in force since 1996; before, the last Sunday of
        // September for the autumn change: the oracle decides, the instant only has to be near a change).
        const lastDay = new Date(Date.UTC(year, month, 0));
        const sunday = lastDay.getTime() - lastDay.getUTCDay() * 86_400_000 + 3_600_000;
        for (const delta of [-900_000, -1000, -1, 0, 1, 999, 1000, 900_000]) {
          assert.equal(offsetAt(sunday + delta), expectedOffset(sunday + delta), new Date(sunday + delta).toISOString());
        }
      }
    }
  });

  it('keeps the change of 1911, when Paris left its own mean time (UTC+00:09:21)', () => {
    assert.equal(offsetAt(at('1911-03-10T12:00:00Z')), (9 * 60 + 21) * 1000);
    assert.equal(offsetAt(at('1911-03-11T12:00:00Z')), 0);
  });
});
