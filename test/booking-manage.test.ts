/** « Mes rendez-vous » and « Annuler le RDV » (SPEC D1, D3, D6; docs/api-booking.md): who sees what, the 4-hour rule. */
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AgendaFixture } from '../src/features/availability/agenda-fixtures.ts';
import { agenda, book, hold, MONDAY_8AM, openWorld, patient, relative, type Patient, type World } from './booking-manage-fixtures.ts';

// Paris is UTC+1 in early March 2026: 09:00 Paris = 08:00Z.
const MON_0830 = '2026-03-02T07:30:00.000Z';
const MON_1000 = '2026-03-02T09:00:00.000Z';
const TUE_0900 = '2026-03-03T08:00:00.000Z';
const WED_0900 = '2026-03-04T08:00:00.000Z';
const THU_0900 = '2026-03-05T08:00:00.000Z';

describe('Mes rendez-vous: listing and reading', () => {
  let world: World;
  let dr: AgendaFixture;
  let camille: Patient;
  let stranger: Patient;
  const ids: Record<string, string> = {};

  before(async () => {
    world = await openWorld();
    dr = await agenda(world);
    camille = await patient(world);
    stranger = await patient(world);
    const lea = await relative(world, camille, 'Léa');
    const tom = await relative(world, camille, 'Tom', '2018-09-10');
    ids.holderPast = await book(world, camille, dr, MON_0830);
    ids.relative = await book(world, camille, dr, MON_1000, lea);
    ids.holder = await book(world, camille, dr, TUE_0900);
    ids.removedRelative = await book(world, camille, dr, WED_0900, tom);
    ids.cancelled = await book(world, camille, dr, THU_0900);
    ids.stranger = await book(world, stranger, dr, '2026-03-03T09:00:00.000Z');
    const cancel = await world.app.inject({ method: 'POST', url: `/api/appointments/${ids.cancelled}/cancel`, headers: camille.session.headers });
    assert.equal(cancel.statusCode, 200, cancel.body);
    await world.t.db.updateTable('patients').set({ removed_at: world.clock.now }).where('id', '=', tom).execute();
    world.clock.now = new Date('2026-03-02T08:30:00Z'); // Monday 09:30 Paris: the 08:30 appointment is over
  });
  after(() => world.close());

  it('lists the holder’s and relatives’ appointments, a removed relative’s and cancelled ones included, split by time', async () => {
    const res = await world.app.inject({ method: 'GET', url: '/api/appointments', headers: camille.session.headers });
    assert.equal(res.statusCode, 200, res.body);
    const { upcoming, past } = res.json() as { upcoming: { id: string; status: string }[]; past: { id: string }[] };
    assert.deepEqual(upcoming.map((a) => a.id), [ids.relative, ids.holder, ids.removedRelative, ids.cancelled]);
    assert.deepEqual(past.map((a) => a.id), [ids.holderPast]);
    assert.equal(upcoming.find((a) => a.id === ids.cancelled)!.status, 'cancelled');
  });

  it('shows who each appointment is for and how it may be cancelled', async () => {
    const res = await world.app.inject({ method: 'GET', url: `/api/appointments/${ids.relative}`, headers: camille.session.headers });
    assert.equal(res.statusCode, 200, res.body);
    const { appointment } = res.json();
    assert.equal(appointment.patient.firstName, 'Léa');
    assert.equal(appointment.patient.isHolder, false);
    assert.equal(appointment.cancellation, 'phone_only'); // 10:00, it is 09:30
    assert.equal(appointment.practitioner.phone, '+33240000000');
  });

  it('never shows another account’s appointments', async () => {
    const list = await world.app.inject({ method: 'GET', url: '/api/appointments', headers: stranger.session.headers });
    assert.deepEqual([...list.json().upcoming, ...list.json().past].map((a: { id: string }) => a.id), [ids.stranger]);
    const other = await world.app.inject({ method: 'GET', url: `/api/appointments/${ids.holder}`, headers: stranger.session.headers });
    assert.equal(other.statusCode, 404);
    assert.doesNotMatch(other.body, /Camille|Martin/);
  });

  it('answers 404 for a malformed id and 401 without a session', async () => {
    const malformed = await world.app.inject({ method: 'GET', url: '/api/appointments/123', headers: camille.session.headers });
    assert.equal(malformed.statusCode, 404);
    const anonymous = await world.app.inject({ method: 'GET', url: '/api/appointments' });
    assert.equal(anonymous.statusCode, 401);
  });

  it('nobody moves or cancels another account’s appointment (404, untouched)', async () => {
    const cancel = await world.app.inject({ method: 'POST', url: `/api/appointments/${ids.holder}/cancel`, headers: stranger.session.headers });
    assert.equal(cancel.statusCode, 404);
    const strangersHold = await hold(world, stranger, dr, '2026-03-06T08:00:00.000Z');
    const move = await world.app.inject({
      method: 'POST', url: `/api/appointments/${ids.holder}/move`, headers: stranger.session.headers, payload: { holdId: strangersHold },
    });
    assert.equal(move.statusCode, 404);
    const mine = await world.app.inject({ method: 'GET', url: `/api/appointments/${ids.holder}`, headers: camille.session.headers });
    assert.equal(mine.json().appointment.status, 'booked');
    assert.equal(mine.json().appointment.start, TUE_0900);
  });

  it('has no way to delete an appointment (D6)', async () => {
    const res = await world.app.inject({ method: 'DELETE', url: `/api/appointments/${ids.holderPast}`, headers: camille.session.headers });
    assert.equal(res.statusCode, 404);
  });
});

describe('Annuler le RDV: online strictly more than 4 hours ahead', () => {
  let world: World;
  let dr: AgendaFixture;
  let camille: Patient;
  const TUE_1400 = '2026-03-03T13:00:00.000Z'; // Tuesday 14:00 Paris

  before(async () => {
    world = await openWorld();
    dr = await agenda(world);
    camille = await patient(world);
  });
  after(() => world.close());
  beforeEach(() => {
    world.clock.now = MONDAY_8AM;
  });

  const cancel = (id: string) =>
    world.app.inject({ method: 'POST', url: `/api/appointments/${id}/cancel`, headers: camille.session.headers });

  it('cancels 4 hours and 1 minute before, and frees the time for someone else', async () => {
    const id = await book(world, camille, dr, TUE_1400);
    world.clock.now = new Date('2026-03-03T08:59:00Z');
    const res = await cancel(id);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().appointment.status, 'cancelled');
    assert.equal(res.json().appointment.cancelledAt, '2026-03-03T08:59:00.000Z');
    const someoneElse = await patient(world);
    await hold(world, someoneElse, dr, TUE_1400);
  });

  it('refuses 4 hours minus 1 minute before and gives the practice’s phone', async () => {
    const id = await book(world, camille, dr, '2026-03-03T14:00:00.000Z');
    world.clock.now = new Date('2026-03-03T10:01:00Z');
    const res = await cancel(id);
    assert.equal(res.statusCode, 409);
    assert.equal(res.json().code, 'cancel_too_late');
    assert.equal(res.json().phone, '02 40 00 00 00');
    assert.match(res.json().message, /02 40 00 00 00/);
    const still = await world.app.inject({ method: 'GET', url: `/api/appointments/${id}`, headers: camille.session.headers });
    assert.equal(still.json().appointment.status, 'booked');
  });

  it('refuses exactly 4 hours before: online means strictly more', async () => {
    const id = await book(world, camille, dr, '2026-03-03T15:00:00.000Z');
    world.clock.now = new Date('2026-03-03T11:00:00Z');
    assert.equal((await cancel(id)).json().code, 'cancel_too_late');
  });

  it('refuses a past appointment', async () => {
    const id = await book(world, camille, dr, '2026-03-04T08:00:00.000Z');
    world.clock.now = new Date('2026-03-04T09:00:00Z');
    const res = await cancel(id);
    assert.equal(res.statusCode, 409);
    assert.equal(res.json().code, 'appointment_past');
  });

  it('cancelling twice answers the same cancelled appointment', async () => {
    const id = await book(world, camille, dr, '2026-03-05T08:00:00.000Z');
    const first = await cancel(id);
    world.clock.now = new Date('2026-03-02T09:00:00Z');
    const second = await cancel(id);
    assert.equal(second.statusCode, 200);
    assert.equal(second.json().appointment.status, 'cancelled');
    assert.equal(second.json().appointment.cancelledAt, first.json().appointment.cancelledAt);
  });

  it('cancels a relative’s appointment from the holder’s account', async () => {
    const lea = await relative(world, camille);
    const id = await book(world, camille, dr, '2026-03-05T09:00:00.000Z', lea);
    const res = await cancel(id);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().appointment.patient.id, lea);
  });
});

describe('managing appointments: bad input is a clear 4xx, never a 500', () => {
  let world: World;
  let camille: Patient;

  before(async () => {
    world = await openWorld();
    camille = await patient(world);
  });
  after(() => world.close());

  const cases: { title: string; method: 'POST' | 'DELETE' | 'GET'; url: string; payload?: unknown; status: number }[] = [
    { title: 'move without a hold', method: 'POST', url: `/api/appointments/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}/move`, payload: {}, status: 400 },
    { title: 'move with SQL as hold id', method: 'POST', url: '/api/appointments/x/move', payload: { holdId: "' OR 1=1 --" }, status: 400 },
    { title: 'move of an unknown appointment', method: 'POST', url: `/api/appointments/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}/move`, payload: { holdId: `${'1'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}` }, status: 404 },
    { title: 'cancel with a 2,000-character id', method: 'POST', url: `/api/appointments/${'a'.repeat(2000)}/cancel`, status: 400 },
    { title: 'care team removal with SQL', method: 'DELETE', url: `/api/care-team/${encodeURIComponent("1; drop table appointments")}`, status: 404 },
    { title: 'a link of 2,000 characters', method: 'POST', url: '/api/appointment-links/read', payload: { token: 'a'.repeat(2000) }, status: 400 },
    { title: 'a link that is not a string', method: 'POST', url: '/api/appointment-links/cancel', payload: { token: 42 }, status: 400 },
  ];
  for (const c of cases) {
    it(c.title, async () => {
      const res = await world.app.inject({ method: c.method, url: c.url, headers: camille.session.headers, ...(c.payload !== undefined ? { payload: c.payload as object } : {}) });
      assert.equal(res.statusCode, c.status, res.body);
      assert.ok(typeof res.json().message === 'string' && res.json().message.length > 0);
    });
  }
});
