import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { listFreeSlots, type CalendarDay, type FreeSlotsInput, type Occupancy, type OpeningRule } from './free-slots.ts';

// 2026-03-02 is a Monday; Paris is UTC+1 until 2026-03-29 and UTC+2 until 2026-10-25.
const MONDAY = '2026-03-02';

function rule(weekday: number, startTime: string, endTime: string, validity: Partial<OpeningRule> = {}): OpeningRule {
  return { weekday, startTime, endTime, validFrom: null, validUntil: null, ...validity };
}

function input(overrides: Partial<FreeSlotsInput> = {}): FreeSlotsInput {
  return {
    placeId: '77',
    reason: { id: '301', durationMinutes: 30, capacity: 1, video: false },
    rules: [rule(1, '08:00', '12:00')],
    absences: [],
    replacements: [],
    holidays: [],
    occupancies: [],
    firstDate: MONDAY,
    days: 1,
    now: new Date('2026-03-01T00:00:00Z'),
    ...overrides,
  };
}

function booked(start: string, end: string, extra: Partial<Occupancy> = {}): Occupancy {
  return { start: new Date(start), end: new Date(end), reasonId: '301', placeId: '77', holdExpiresAt: null, ...extra };
}

const range = (start: string, end: string) => ({ start: new Date(start), end: new Date(end) });
const startsOf = (days: CalendarDay[], date = MONDAY) => days.find((day) => day.date === date)?.slots.map((slot) => slot.start) ?? [];
const iso = (text: string) => new Date(text).toISOString();

describe('free slots of a practitioner for one place and reason', () => {
  it('offers back-to-back 30-minute slots from 08:00 to 12:00 Paris time on a winter Monday', () => {
    const [day] = listFreeSlots(input());
    assert.equal(day?.date, MONDAY);
    assert.equal(day?.slots.length, 8);
    assert.deepEqual(day?.slots[0], { start: iso('2026-03-02T07:00:00Z'), end: iso('2026-03-02T07:30:00Z'), replacement: false, remaining: 1 });
    assert.equal(day?.slots.at(-1)?.end, iso('2026-03-02T11:00:00Z'));
  });

  describe('daylight-saving changes', () => {
    it('opens at 08:00 local on the spring-forward Sunday, which is 06:00 UTC', () => {
      const days = listFreeSlots(input({ rules: [rule(7, '08:00', '12:00')], firstDate: '2026-03-28', days: 2 }));
      assert.equal(startsOf(days, '2026-03-29')[0], iso('2026-03-29T06:00:00Z'));
      assert.equal(startsOf(days, '2026-03-29').length, 8);
    });

    it('opens at 08:00 local on the fall-back Sunday, which is 07:00 UTC', () => {
      const days = listFreeSlots(input({ rules: [rule(7, '08:00', '12:00')], firstDate: '2026-10-25', now: new Date('2026-10-01T00:00:00Z') }));
      assert.equal(startsOf(days, '2026-10-25')[0], iso('2026-10-25T07:00:00Z'));
      assert.equal(startsOf(days, '2026-10-25').length, 8);
    });

    it('gives a 01:00–04:00 rule four real hours on the fall-back night, the repeated hour included', () => {
      const days = listFreeSlots(input({
        reason: { id: '301', durationMinutes: 60, capacity: 1, video: false },
        rules: [rule(7, '01:00', '04:00')], firstDate: '2026-10-25', now: new Date('2026-10-01T00:00:00Z'),
      }));
      assert.deepEqual(startsOf(days, '2026-10-25'), [
        iso('2026-10-24T23:00:00Z'), iso('2026-10-25T00:00:00Z'), iso('2026-10-25T01:00:00Z'), iso('2026-10-25T02:00:00Z'),
      ]);
    });

    it('opens at the first 02:30 when a window starts in the repeated hour of the fall-back night', () => {
      const days = listFreeSlots(input({ rules: [rule(7, '02:30', '04:00')], firstDate: '2026-10-25', now: new Date('2026-10-01T00:00:00Z') }));
      assert.equal(startsOf(days, '2026-10-25')[0], iso('2026-10-25T00:30:00Z'));
      assert.equal(startsOf(days, '2026-10-25').length, 5);
    });

    it('closes at the second 02:30 when a window ends in the repeated hour of the fall-back night', () => {
      const days = listFreeSlots(input({ rules: [rule(7, '01:00', '02:30')], firstDate: '2026-10-25', now: new Date('2026-10-01T00:00:00Z') }));
      assert.equal(startsOf(days, '2026-10-25').length, 5);
      assert.equal(days[0]?.slots.at(-1)?.end, iso('2026-10-25T01:30:00Z'));
    });

    it('offers nothing between 02:00 and 03:00 local on the spring-forward night, an hour that does not exist', () => {
      const days = listFreeSlots(input({ rules: [rule(7, '01:00', '04:00')], firstDate: '2026-03-29' }));
      // 01:00 and 01:30 winter time, then 03:00 and 03:30 summer time: two real hours.
      assert.deepEqual(startsOf(days, '2026-03-29'), [
        iso('2026-03-29T00:00:00Z'), iso('2026-03-29T00:30:00Z'), iso('2026-03-29T01:00:00Z'), iso('2026-03-29T01:30:00Z'),
      ]);
    });

    it('offers no slot at all for a rule lying wholly in the skipped hour', () => {
      const days = listFreeSlots(input({ rules: [rule(7, '02:00', '03:00')], firstDate: '2026-03-29' }));
      assert.deepEqual(startsOf(days, '2026-03-29'), []);
    });
  });

  it('closes every day an absence spans, from its start to its end', () => {
    const days = listFreeSlots(input({
      rules: [1, 2, 3, 4].map((weekday) => rule(weekday, '08:00', '12:00')),
      days: 4,
      // Monday 10:00 Paris to Thursday 09:00 Paris.
      absences: [range('2026-03-02T09:00:00Z', '2026-03-05T08:00:00Z')],
    }));
    assert.equal(startsOf(days, '2026-03-02').length, 4);
    assert.equal(startsOf(days, '2026-03-03').length, 0);
    assert.equal(startsOf(days, '2026-03-04').length, 0);
    assert.equal(startsOf(days, '2026-03-05')[0], iso('2026-03-05T08:00:00Z'));
    assert.equal(startsOf(days, '2026-03-05').length, 6);
  });

  it('closes a public holiday all day and opens again the next day', () => {
    const days = listFreeSlots(input({
      rules: [rule(5, '08:00', '12:00')], firstDate: '2026-05-01', days: 8, holidays: ['2026-05-01'],
    }));
    assert.equal(startsOf(days, '2026-05-01').length, 0);
    assert.equal(startsOf(days, '2026-05-08').length, 8);
  });

  it('applies a rule only between its validity dates, both included', () => {
    const days = listFreeSlots(input({
      rules: [1, 2, 3].flatMap((weekday) => [
        rule(weekday, '08:00', '09:00', { validUntil: '2026-03-03' }),
        rule(weekday, '14:00', '15:00', { validFrom: '2026-03-03' }),
      ]),
      days: 3,
    }));
    assert.deepEqual(startsOf(days, '2026-03-02'), [iso('2026-03-02T07:00:00Z'), iso('2026-03-02T07:30:00Z')]);
    assert.equal(startsOf(days, '2026-03-03').length, 4);
    assert.deepEqual(startsOf(days, '2026-03-04'), [iso('2026-03-04T13:00:00Z'), iso('2026-03-04T13:30:00Z')]);
  });

  describe('replacements', () => {
    const replacements = [range('2026-03-02T09:00:00Z', '2026-03-02T11:00:00Z')];

    it('still offers the slots a replacement gives, marked with the blue dot', () => {
      const [day] = listFreeSlots(input({ replacements }));
      assert.deepEqual(day?.slots.map((slot) => slot.replacement), [false, false, false, false, true, true, true, true]);
    });

    it('hides a video reason during a replacement', () => {
      const [day] = listFreeSlots(input({ replacements, reason: { id: '301', durationMinutes: 30, capacity: 1, video: true } }));
      assert.deepEqual(day?.slots.map((slot) => slot.start), [
        iso('2026-03-02T07:00:00Z'), iso('2026-03-02T07:30:00Z'), iso('2026-03-02T08:00:00Z'), iso('2026-03-02T08:30:00Z'),
      ]);
    });
  });

  describe('busy time', () => {
    it('removes the slot of a booked appointment', () => {
      const [day] = listFreeSlots(input({ occupancies: [booked('2026-03-02T07:30:00Z', '2026-03-02T08:00:00Z')] }));
      assert.equal(day?.slots.length, 7);
      assert.ok(!day?.slots.some((slot) => slot.start === iso('2026-03-02T07:30:00Z')));
    });

    it('removes every slot an appointment of another length overlaps', () => {
      const [day] = listFreeSlots(input({ occupancies: [booked('2026-03-02T07:20:00Z', '2026-03-02T08:10:00Z', { reasonId: '999' })] }));
      assert.deepEqual(day?.slots.slice(0, 2).map((slot) => slot.start), [iso('2026-03-02T08:30:00Z'), iso('2026-03-02T09:00:00Z')]);
      assert.equal(day?.slots.length, 5);
    });

    it('hides a held slot while the hold lasts', () => {
      const hold = booked('2026-03-02T07:00:00Z', '2026-03-02T07:30:00Z', { holdExpiresAt: new Date('2026-03-01T00:10:00Z') });
      const [day] = listFreeSlots(input({ occupancies: [hold] }));
      assert.equal(day?.slots[0]?.start, iso('2026-03-02T07:30:00Z'));
    });

    it('offers a held slot again once its hold has expired', () => {
      const hold = booked('2026-03-02T07:00:00Z', '2026-03-02T07:30:00Z', { holdExpiresAt: new Date('2026-03-01T00:00:00Z') });
      const [day] = listFreeSlots(input({ occupancies: [hold] }));
      assert.equal(day?.slots[0]?.start, iso('2026-03-02T07:00:00Z'));
    });
  });

  describe('group motives (capacity > 1)', () => {
    const group = { id: '301', durationMinutes: 30, capacity: 3, video: false };

    it('keeps offering a slot with the places left until it is full', () => {
      const twice = [booked('2026-03-02T07:00:00Z', '2026-03-02T07:30:00Z'), booked('2026-03-02T07:00:00Z', '2026-03-02T07:30:00Z')];
      const [day] = listFreeSlots(input({ reason: group, occupancies: twice }));
      assert.deepEqual(day?.slots[0], { start: iso('2026-03-02T07:00:00Z'), end: iso('2026-03-02T07:30:00Z'), replacement: false, remaining: 1 });
      assert.equal(day?.slots[1]?.remaining, 3);
    });

    it('stops offering a slot once as many patients as the capacity have booked it', () => {
      const thrice = [1, 2, 3].map(() => booked('2026-03-02T07:00:00Z', '2026-03-02T07:30:00Z'));
      const [day] = listFreeSlots(input({ reason: group, occupancies: thrice }));
      assert.equal(day?.slots[0]?.start, iso('2026-03-02T07:30:00Z'));
    });

    it('blocks a group slot entirely when an appointment of another reason overlaps it', () => {
      const other = booked('2026-03-02T07:00:00Z', '2026-03-02T07:15:00Z', { reasonId: '302' });
      const [day] = listFreeSlots(input({ reason: group, occupancies: [other] }));
      assert.equal(day?.slots[0]?.start, iso('2026-03-02T07:30:00Z'));
    });

    it('blocks a group slot when the same reason is booked at another place at that time', () => {
      const elsewhere = booked('2026-03-02T07:00:00Z', '2026-03-02T07:30:00Z', { placeId: '78' });
      const [day] = listFreeSlots(input({ reason: group, occupancies: [elsewhere] }));
      assert.equal(day?.slots[0]?.start, iso('2026-03-02T07:30:00Z'));
    });
  });

  it('hides slots that have already started or start right now', () => {
    const [day] = listFreeSlots(input({ now: new Date('2026-03-02T08:00:00Z') }));
    assert.equal(day?.slots[0]?.start, iso('2026-03-02T08:30:00Z'));
    assert.equal(day?.slots.length, 5);
  });

  describe('alignment to the reason duration', () => {
    const slotsFor = (durationMinutes: number) =>
      listFreeSlots(input({ rules: [rule(1, '08:00', '10:00')], reason: { id: '301', durationMinutes, capacity: 1, video: false } }))[0]!.slots;

    it('fits six 20-minute slots in two hours', () => {
      assert.deepEqual(slotsFor(20).map((slot) => slot.start.slice(11, 16)), ['07:00', '07:20', '07:40', '08:00', '08:20', '08:40']);
    });

    it('fits four 30-minute slots in two hours', () => {
      assert.deepEqual(slotsFor(30).map((slot) => slot.start.slice(11, 16)), ['07:00', '07:30', '08:00', '08:30']);
    });

    it('fits two 45-minute slots in two hours and drops the 30 minutes left over', () => {
      assert.deepEqual(slotsFor(45).map((slot) => [slot.start.slice(11, 16), slot.end.slice(11, 16)]), [['07:00', '07:45'], ['07:45', '08:30']]);
    });
  });

  it('starts the grid of each window of a day at that window’s own start', () => {
    const [day] = listFreeSlots(input({
      rules: [rule(1, '08:00', '10:00'), rule(1, '14:00', '16:00')],
      reason: { id: '301', durationMinutes: 45, capacity: 1, video: false },
    }));
    assert.deepEqual(day?.slots.map((slot) => slot.start.slice(11, 16)), ['07:00', '07:45', '13:00', '13:45']);
  });

  it('merges two rules that overlap into one window without duplicate slots', () => {
    const [day] = listFreeSlots(input({ rules: [rule(1, '08:00', '10:00'), rule(1, '09:00', '11:00')] }));
    assert.equal(day?.slots.length, 6);
  });

  it('answers one empty day per date when the place has no opening rule', () => {
    const days = listFreeSlots(input({ rules: [], days: 3 }));
    assert.deepEqual(days, [
      { date: '2026-03-02', slots: [] }, { date: '2026-03-03', slots: [] }, { date: '2026-03-04', slots: [] },
    ]);
  });

  it('answers an empty calendar for zero days', () => {
    assert.deepEqual(listFreeSlots(input({ days: 0 })), []);
  });
});
