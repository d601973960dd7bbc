import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildApp, type App } from '../../platform/http/app.ts';
import { featureRoutes } from '../routes.ts';
import { freshDatabase, type TestDatabase } from '../../../test/support/database.ts';
import {
  insertAbsence, insertAgenda, insertAppointment, insertHoliday, insertReason, insertReferenceRows, insertReplacement,
  STRASBOURG, type AgendaFixture,
} from './agenda-fixtures.ts';

// Monday 2 March 2026, 07:00 in Paris (UTC+1). Agendas open Monday–Friday 08:00–12:00 and 14:00–18:00, 30-minute slots.
const NOW = new Date('2026-03-02T06:00:00Z');

describe('GET /api/practitioners/:id/availability', () => {
  let t: TestDatabase;
  let app: App;
  let clock = NOW;
  let agenda: AgendaFixture;

  const url = (a: AgendaFixture, query = '') => `/api/practitioners/${a.practitionerId}/availability?place=${a.placeId}&reason=${a.reasonId}${query}`;
  const get = async (path: string, lang?: string) => app.inject({ method: 'GET', url: path, headers: lang ? { 'accept-language': lang } : {} });
  const daysOf = async (a: AgendaFixture, query = '') => (await get(url(a, query))).json().calendar as { date: string; slots: { start: string; replacement: boolean }[] }[];
  const startsOn = async (a: AgendaFixture, date: string, query = '') => (await daysOf(a, query)).find((day) => day.date === date)?.slots.map((slot) => slot.start);

  before(async () => {
    t = await freshDatabase();
    await insertReferenceRows(t.db);
    agenda = await insertAgenda(t.db);
    app = await buildApp({ context: { db: t.db, now: () => clock }, routes: featureRoutes });
  });
  after(async () => {
    await app.close();
    await t.drop();
  });

  it('answers a week from today, one entry per day with the weekend empty', async () => {
    const res = await get(url(agenda));
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.deepEqual(
      { practitionerId: body.practitionerId, placeId: body.placeId, reasonId: body.reasonId, from: body.from, days: body.days },
      { practitionerId: agenda.practitionerId, placeId: agenda.placeId, reasonId: agenda.reasonId, from: '2026-03-02', days: 7 },
    );
    assert.deepEqual(body.calendar.map((day: { date: string }) => day.date),
      ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08']);
    assert.deepEqual(body.calendar.map((day: { slots: unknown[] }) => day.slots.length), [16, 16, 16, 16, 16, 0, 0]);
    assert.deepEqual(body.calendar[0].slots[0], { start: '2026-03-02T07:00:00.000Z', end: '2026-03-02T07:30:00.000Z', replacement: false, remaining: 1 });
    assert.equal(body.nextAvailableDate, '2026-03-09');
  });

  it('removes the slot of a booked appointment', async () => {
    const a = await insertAgenda(t.db);
    await insertAppointment(t.db, a, '2026-03-03T08:00:00Z', '2026-03-03T08:30:00Z');
    const starts = await startsOn(a, '2026-03-03');
    assert.ok(!starts?.includes('2026-03-03T08:00:00.000Z'));
    assert.ok(starts?.includes('2026-03-03T07:30:00.000Z') && starts.includes('2026-03-03T08:30:00.000Z'));
    assert.equal(starts?.length, 15);
  });

  it('hides a held slot until its hold expires, then offers it again', async () => {
    const a = await insertAgenda(t.db);
    await insertAppointment(t.db, a, '2026-03-03T09:00:00Z', '2026-03-03T09:30:00Z', '2026-03-02T06:15:00Z');
    assert.ok(!(await startsOn(a, '2026-03-03'))?.includes('2026-03-03T09:00:00.000Z'));
    clock = new Date('2026-03-02T06:15:00Z');
    try {
      assert.ok((await startsOn(a, '2026-03-03'))?.includes('2026-03-03T09:00:00.000Z'));
    } finally {
      clock = NOW;
    }
  });

  it('keeps offering a group slot with the places left until it is full', async () => {
    const a = await insertAgenda(t.db, { capacity: 2 });
    const groupBooking = (start: string, end: string, slotGroup: string) => ({
      practitioner_id: a.practitionerId, place_id: a.placeId, reason_id: a.reasonId, starts_at: start, ends_at: end,
      status: 'booked' as const, slot_group: slotGroup,
    });
    await t.db.insertInto('appointments').values([
      groupBooking('2026-03-03T07:00:00Z', '2026-03-03T07:30:00Z', 'tuesday-08:00'),
      groupBooking('2026-03-03T08:00:00Z', '2026-03-03T08:30:00Z', 'tuesday-09:00'),
      groupBooking('2026-03-03T08:00:00Z', '2026-03-03T08:30:00Z', 'tuesday-09:00'),
    ]).execute();
    const tuesday = (await get(url(a))).json().calendar[1].slots as { start: string; remaining: number }[];
    assert.equal(tuesday.find((slot) => slot.start === '2026-03-03T07:00:00.000Z')?.remaining, 1);
    assert.equal(tuesday.find((slot) => slot.start === '2026-03-03T07:30:00.000Z')?.remaining, 2);
    assert.equal(tuesday.find((slot) => slot.start === '2026-03-03T08:00:00.000Z'), undefined);
  });

  it('does not count a cancelled appointment as busy', async () => {
    const a = await insertAgenda(t.db);
    await t.db.insertInto('appointments').values({
      practitioner_id: a.practitionerId, place_id: a.placeId, reason_id: a.reasonId,
      starts_at: '2026-03-03T07:00:00Z', ends_at: '2026-03-03T07:30:00Z', status: 'cancelled',
    }).execute();
    assert.equal((await startsOn(a, '2026-03-03'))?.[0], '2026-03-03T07:00:00.000Z');
  });

  it('hides slots that already started today', async () => {
    clock = new Date('2026-03-02T09:10:00Z');
    try {
      assert.equal((await startsOn(agenda, '2026-03-02'))?.[0], '2026-03-02T09:30:00.000Z');
    } finally {
      clock = NOW;
    }
  });

  it('closes every day an absence spans', async () => {
    const a = await insertAgenda(t.db);
    // Wednesday 00:00 to Friday 00:00, Paris time.
    await insertAbsence(t.db, a, '2026-03-03T23:00:00Z', '2026-03-05T23:00:00Z');
    const days = await daysOf(a);
    assert.deepEqual(days.map((day) => day.slots.length), [16, 16, 0, 0, 16, 0, 0]);
  });

  it('marks the slots a replacement gives', async () => {
    const a = await insertAgenda(t.db);
    await insertReplacement(t.db, a, '2026-03-03T13:00:00Z', '2026-03-03T17:00:00Z');
    const tuesday = (await daysOf(a)).find((day) => day.date === '2026-03-03')!;
    assert.deepEqual(tuesday.slots.map((slot) => slot.replacement), [...Array(8).fill(false), ...Array(8).fill(true)]);
  });

  it('closes Good Friday in Strasbourg (Alsace-Moselle) but not in Nantes', async () => {
    await insertHoliday(t.db, '2026-04-03', 'alsace-moselle', 'Vendredi saint');
    const strasbourg = await insertAgenda(t.db, { commune: STRASBOURG });
    assert.deepEqual(await startsOn(strasbourg, '2026-04-03', '&from=2026-04-03&days=1'), []);
    assert.equal((await startsOn(agenda, '2026-04-03', '&from=2026-04-03&days=1'))?.length, 16);
  });

  describe('next available date', () => {
    it('points past the window to the first day with a free slot', async () => {
      const a = await insertAgenda(t.db, { validFrom: '2026-03-12' });
      const body = (await get(url(a))).json();
      assert.ok(body.calendar.every((day: { slots: unknown[] }) => day.slots.length === 0));
      assert.equal(body.nextAvailableDate, '2026-03-12');
    });

    it('finds a free day weeks after the window', async () => {
      const a = await insertAgenda(t.db, { validFrom: '2026-04-20' });
      assert.equal((await get(url(a))).json().nextAvailableDate, '2026-04-20');
    });

    it('is null when nothing is free within 90 days after the window', async () => {
      const a = await insertAgenda(t.db, { validFrom: '2026-07-01' });
      assert.equal((await get(url(a))).json().nextAvailableDate, null);
    });

    // Today is 2 March 2026, so a calendar may start on 2 March 2027 at the latest.
    it('still points to the last day a calendar may start on, a year from today', async () => {
      const a = await insertAgenda(t.db, { validFrom: '2027-03-02' });
      const body = (await get(url(a, '&from=2027-01-15'))).json();
      assert.equal(body.nextAvailableDate, '2027-03-02');
      assert.equal((await get(url(a, `&from=${body.nextAvailableDate}`))).statusCode, 200);
    });

    it('is null when the next free day is past the latest start, even in the days read with the window', async () => {
      const a = await insertAgenda(t.db, { validFrom: '2027-03-03' });
      assert.equal((await get(url(a, '&from=2027-02-23'))).json().nextAvailableDate, null);
    });

    it('is null when the next free day, weeks after the window, is past the latest start', async () => {
      const a = await insertAgenda(t.db, { validFrom: '2027-03-10' });
      assert.equal((await get(url(a, '&from=2027-01-15'))).json().nextAvailableDate, null);
    });
  });

  describe('paging', () => {
    it('pages forward with from and days', async () => {
      const body = (await get(url(agenda, '&from=2026-03-09&days=3'))).json();
      assert.equal(body.from, '2026-03-09');
      assert.deepEqual(body.calendar.map((day: { date: string }) => day.date), ['2026-03-09', '2026-03-10', '2026-03-11']);
      assert.equal(body.calendar[0].slots[0].start, '2026-03-09T07:00:00.000Z');
      assert.equal(body.nextAvailableDate, '2026-03-12');
    });

    it('starts today when from is in the past', async () => {
      const body = (await get(url(agenda, '&from=2026-02-01&days=2'))).json();
      assert.equal(body.from, '2026-03-02');
      assert.deepEqual(body.calendar.map((day: { date: string }) => day.date), ['2026-03-02', '2026-03-03']);
    });

    it('accepts the longest window, 28 days', async () => {
      assert.equal((await daysOf(agenda, '&days=28')).length, 28);
    });
  });

  describe('agendas that cannot be shown', () => {
    it('answers 404 for an unknown practitioner', async () => {
      const res = await get(`/api/practitioners/999999999/availability?place=${agenda.placeId}&reason=${agenda.reasonId}`);
      assert.equal(res.statusCode, 404);
      assert.deepEqual(res.json(), { error: 'not_found', message: 'Ce praticien est introuvable.' });
    });

    it('answers 404 for a place or a reason of another practitioner', async () => {
      const other = await insertAgenda(t.db);
      const place = await get(`/api/practitioners/${agenda.practitionerId}/availability?place=${other.placeId}&reason=${agenda.reasonId}`);
      const reason = await get(`/api/practitioners/${agenda.practitionerId}/availability?place=${agenda.placeId}&reason=${other.reasonId}`);
      assert.equal(place.statusCode, 404);
      assert.equal(reason.statusCode, 404);
      assert.equal(reason.json().message, 'Ce lieu de consultation ou ce motif n’existe pas chez ce praticien.');
    });

    it('answers 404 for a reason booked by phone only', async () => {
      const a = await insertAgenda(t.db, { onlineBookable: false });
      const res = await get(url(a));
      assert.equal(res.statusCode, 404);
      assert.match(res.json().message, /ne se réserve pas en ligne/);
    });

    it('answers 404 « Aucune disponibilité en ligne » for a practitioner without online booking, in English when asked', async () => {
      const a = await insertAgenda(t.db, { onlineBooking: false });
      const fr = await get(url(a));
      assert.equal(fr.statusCode, 404);
      assert.match(fr.json().message, /^Aucune disponibilité en ligne/);
      const en = await get(url(a), 'en');
      assert.match(en.json().message, /^No online availability/);
    });

    it('answers an empty calendar for a reason the place does not offer', async () => {
      const reasonId = await insertReason(t.db, agenda.practitionerId);
      const body = (await get(url({ ...agenda, reasonId }))).json();
      assert.ok(body.calendar.every((day: { slots: unknown[] }) => day.slots.length === 0));
      assert.equal(body.nextAvailableDate, null);
    });
  });

  describe('bad input answers 400 with a sentence naming the parameter', () => {
    const cases: [string, (a: AgendaFixture) => string, RegExp][] = [
      ['an id that is not a number', (a) => `/api/practitioners/${encodeURIComponent('1; drop table practitioners')}/availability?place=${a.placeId}&reason=${a.reasonId}`, /« id » doit être un identifiant numérique/],
      ['an id of 19 digits', (a) => `/api/practitioners/${'9'.repeat(19)}/availability?place=${a.placeId}&reason=${a.reasonId}`, /« id »/],
      ['a missing place', (a) => `/api/practitioners/${a.practitionerId}/availability?reason=${a.reasonId}`, /« place » est obligatoire/],
      ['a place that is not a number', (a) => url({ ...a, placeId: 'abc' }), /« place » doit être un identifiant numérique/],
      ['a 2,000-character place', (a) => url({ ...a, placeId: '1'.repeat(2000) }), /« place »/],
      ['a missing reason', (a) => `/api/practitioners/${a.practitionerId}/availability?place=${a.placeId}`, /« reason » est obligatoire/],
      ['a reason given twice', (a) => `${url(a)}&reason=${a.reasonId}`, /« reason »/],
      ['an impossible date', (a) => url(a, '&from=2026-13-45'), /La date « from » doit être une date réelle/],
      ['a 30th of February', (a) => url(a, '&from=2026-02-30'), /La date « from »/],
      ['a date that is not one', (a) => url(a, '&from=abc'), /La date « from »/],
      ['a 2,000-character date', (a) => url(a, `&from=${'2'.repeat(2000)}`), /La date « from »/],
      ['a date more than a year ahead', (a) => url(a, '&from=2027-03-03'), /au plus tard le 2027-03-02/],
      ['zero days', (a) => url(a, '&days=0'), /« days » doit être un nombre entier de 1 à 28/],
      ['29 days', (a) => url(a, '&days=29'), /« days »/],
      ['a billion days', (a) => url(a, '&days=1000000000'), /« days »/],
      ['a fraction of days', (a) => url(a, '&days=7.5'), /« days »/],
      ['days written as words', (a) => url(a, '&days=seven'), /« days »/],
    ];
    for (const [name, path, message] of cases) {
      it(`rejects ${name}`, async () => {
        const res = await get(path(agenda));
        assert.equal(res.statusCode, 400);
        assert.equal(res.json().error, 'invalid');
        assert.match(res.json().message, message);
      });
    }

    it('explains in English when the browser prefers English', async () => {
      const res = await get(url(agenda, '&days=0'), 'en-GB,en;q=0.9');
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().message, 'The number of days “days” must be a whole number from 1 to 28.');
    });
  });
});
