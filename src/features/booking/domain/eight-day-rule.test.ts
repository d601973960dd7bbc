import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findEightDayConflicts, type EightDayExisting } from './eight-day-rule.ts';

// An ophthalmologist (rule on), Monday 2 March 2026 at 10:00 in Paris (09:00 UTC, winter time).
const booked: EightDayExisting = {
  appointmentId: 'a1', practitionerId: '10', specialtyCode: 'ophtalmologie',
  start: new Date('2026-03-02T09:00:00Z'), eightDayRule: true,
};

function candidateAt(iso: string, practitionerId = '10', specialtyCode = 'ophtalmologie') {
  return { practitionerId, specialtyCode, start: new Date(iso) };
}

function conflictIds(iso: string, existing = [booked], ruleOn = true, practitionerId = '10', specialtyCode = 'ophtalmologie') {
  return findEightDayConflicts(candidateAt(iso, practitionerId, specialtyCode), existing, ruleOn).map((c) => c.appointmentId);
}

test('a second appointment the same week with the same practitioner conflicts', () => {
  const [conflict] = findEightDayConflicts(candidateAt('2026-03-05T14:00:00Z'), [booked], true);
  assert.deepEqual(conflict, {
    appointmentId: 'a1', practitionerId: '10', start: booked.start, samePractitioner: true, daysApart: 3,
  });
});

test('7 days later at 23:59 in Paris still conflicts, 8 days later at 00:00 does not', () => {
  // Paris is UTC+1 in March before the 29th: 23:59 Paris on the 9th is 22:59 UTC.
  assert.deepEqual(conflictIds('2026-03-09T22:59:00Z'), ['a1']);
  assert.deepEqual(conflictIds('2026-03-09T23:00:00Z'), []);
});

test('8 calendar days later conflicts with nothing even when less than 8 × 24 hours separate them', () => {
  // Tuesday 10 March at 08:00 Paris is 7 days 22 hours after Monday 2 March at 10:00.
  assert.deepEqual(conflictIds('2026-03-10T07:00:00Z'), []);
});

test('the rule looks backwards too: 7 days before conflicts, 8 days before does not', () => {
  assert.deepEqual(conflictIds('2026-02-23T22:59:00Z'), ['a1']); // 23:59 Paris on 23 Feb, 7 days before
  assert.deepEqual(conflictIds('2026-02-22T22:59:00Z'), []); // 23:59 Paris on 22 Feb, 8 days before
});

test('the same day at another hour conflicts', () => {
  assert.deepEqual(conflictIds('2026-03-02T16:00:00Z'), ['a1']);
});

test('the daylight-saving change does not move the boundary', () => {
  const beforeChange = { ...booked, start: new Date('2026-03-27T23:30:00Z') }; // Saturday 28 March, 00:30 Paris
  // Sunday 5 April at 00:00 Paris (summer time, UTC+2) is 8 calendar days later, 23:59 on 4 April is 7.
  assert.deepEqual(conflictIds('2026-04-04T22:00:00Z', [beforeChange]), []);
  assert.deepEqual(conflictIds('2026-04-04T21:59:00Z', [beforeChange]), ['a1']);
});

test('another practitioner of the same specialty conflicts too', () => {
  const [conflict] = findEightDayConflicts(candidateAt('2026-03-04T09:00:00Z', '11'), [booked], true);
  assert.equal(conflict?.samePractitioner, false);
});

test('a practitioner of another specialty does not conflict', () => {
  assert.deepEqual(conflictIds('2026-03-04T09:00:00Z', [booked], true, '12', 'dermatologie'), []);
});

test('nothing conflicts in a specialty where the rule is off', () => {
  assert.deepEqual(conflictIds('2026-03-04T09:00:00Z', [booked], false), []);
});

test('moving an appointment to a nearby day does not conflict with the appointment being moved', () => {
  const moved = findEightDayConflicts(candidateAt('2026-03-04T09:00:00Z'), [booked], true, 'a1');
  assert.deepEqual(moved, []);
});

test('several conflicts are listed soonest first', () => {
  const later = { ...booked, appointmentId: 'a2', practitionerId: '11', start: new Date('2026-03-08T09:00:00Z') };
  assert.deepEqual(conflictIds('2026-03-05T09:00:00Z', [later, booked]), ['a1', 'a2']);
});
