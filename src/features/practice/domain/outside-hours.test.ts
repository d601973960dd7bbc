import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { listOutsideHours, type BookedTime, type HoursInForce, type PlacedRule } from './outside-hours.ts';

// Tuesday 3 March 2026 (Paris = UTC+1): open 08:00–12:00 for reason 1 at place 10.
const rule: PlacedRule = { placeId: '10', reasonIds: ['1'], weekday: 2, startTime: '08:00', endTime: '12:00', validFrom: null, validUntil: null };
const hours = (extra: Partial<HoursInForce> = {}): HoursInForce => ({ rules: [rule], absences: [], holidays: new Map(), ...extra });
const booked = (start: string, end: string, extra: Partial<BookedTime> = {}): BookedTime => ({
  id: start, start: new Date(start), end: new Date(end), placeId: '10', reasonId: '1', holidayArea: 'metropole', ...extra,
});
const whys = (appointments: BookedTime[], inForce: HoursInForce) => listOutsideHours(appointments, inForce).map(({ appointment, why }) => [appointment.id, why]);

describe('appointments outside the hours in force', () => {
  it('leaves out an appointment inside an opening window', () => {
    assert.deepEqual(whys([booked('2026-03-03T07:00:00Z', '2026-03-03T07:30:00Z')], hours()), []);
  });

  it('lists an appointment that runs past the closing time as closed', () => {
    const late = booked('2026-03-03T10:45:00Z', '2026-03-03T11:15:00Z');
    assert.deepEqual(whys([late], hours()), [[late.id, 'closed']]);
  });

  it('lists an appointment whose reason is no longer offered at its place as closed', () => {
    const other = booked('2026-03-03T07:00:00Z', '2026-03-03T07:30:00Z', { reasonId: '2' });
    const elsewhere = booked('2026-03-03T08:00:00Z', '2026-03-03T08:30:00Z', { placeId: '11' });
    assert.deepEqual(whys([other, elsewhere], hours()), [[other.id, 'closed'], [elsewhere.id, 'closed']]);
  });

  it('lists an appointment an absence touches', () => {
    const appointment = booked('2026-03-03T07:00:00Z', '2026-03-03T07:30:00Z');
    const absences = [{ start: new Date('2026-03-03T07:15:00Z'), end: new Date('2026-03-03T09:00:00Z') }];
    assert.deepEqual(whys([appointment], hours({ absences })), [[appointment.id, 'absence']]);
  });

  it('lists an appointment on a public holiday of its place’s area only', () => {
    const appointment = booked('2026-03-03T07:00:00Z', '2026-03-03T07:30:00Z');
    assert.deepEqual(whys([appointment], hours({ holidays: new Map([['alsace-moselle', new Set(['2026-03-03'])]]) })), []);
    assert.deepEqual(whys([appointment], hours({ holidays: new Map([['metropole', new Set(['2026-03-03'])]]) })), [[appointment.id, 'holiday']]);
  });

  it('follows the rule’s validity dates', () => {
    const appointment = booked('2026-03-03T07:00:00Z', '2026-03-03T07:30:00Z');
    assert.deepEqual(whys([appointment], hours({ rules: [{ ...rule, validFrom: '2026-03-10' }] })), [[appointment.id, 'closed']]);
  });
});
