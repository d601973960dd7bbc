/** « Déplacer le RDV » (SPEC D2; docs/api-booking.md): the old appointment stays until the new time is booked. */
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AgendaFixture } from '../src/features/availability/agenda-fixtures.ts';
import { agenda, book, hold, MONDAY_8AM, openWorld, patient, relative, type Patient, type World } from './booking-manage-fixtures.ts';

// Paris is UTC+1 in early March 2026.
const TUE_0900 = '2026-03-03T08:00:00.000Z';
const WED_1000 = '2026-03-04T09:00:00.000Z';

describe('Déplacer le RDV', () => {
  let world: World;
  let dr: AgendaFixture;
  let otherDr: AgendaFixture;
  let camille: Patient;

  before(async () => {
    world = await openWorld();
    dr = await agenda(world);
    otherDr = await agenda(world);
    camille = await patient(world);
  });
  after(() => world.close());
  beforeEach(() => {
    world.clock.now = MONDAY_8AM;
  });

  const move = (id: string, holdId: string, who = camille) =>
    world.app.inject({ method: 'POST', url: `/api/appointments/${id}/move`, headers: who.session.headers, payload: { holdId } });
  const read = async (id: string) =>
    (await world.app.inject({ method: 'GET', url: `/api/appointments/${id}`, headers: camille.session.headers })).json().appointment;

  it('keeps the old appointment while the new time is only held, then swaps both at once', async () => {
    const old = await book(world, camille, dr, TUE_0900);
    const holdId = await hold(world, camille, dr, WED_1000, old);
    assert.equal((await read(old)).status, 'booked');
    const res = await move(old, holdId);
    assert.equal(res.statusCode, 200, res.body);
    const moved = res.json().appointment;
    assert.equal(moved.start, WED_1000);
    assert.equal(moved.status, 'booked');
    assert.equal(moved.patient.isHolder, true);
    assert.equal((await read(old)).status, 'cancelled');
    const replacedBy = await world.t.db.selectFrom('appointments').select('replaced_by').where('id', '=', old).executeTakeFirstOrThrow();
    assert.equal(replacedBy.replaced_by, moved.id);
  });

  it('frees the old time: someone else can then hold it', async () => {
    const old = await book(world, camille, dr, '2026-03-03T09:00:00.000Z');
    const someoneElse = await patient(world);
    const taken = await world.app.inject({
      method: 'POST', url: '/api/holds', headers: someoneElse.session.headers,
      payload: { practitionerId: dr.practitionerId, placeId: dr.placeId, reasonId: dr.reasonId, start: '2026-03-03T09:00:00.000Z' },
    });
    assert.equal(taken.statusCode, 409, 'booked: not free yet');
    assert.equal((await move(old, await hold(world, camille, dr, '2026-03-04T10:00:00.000Z', old))).statusCode, 200);
    await hold(world, someoneElse, dr, '2026-03-03T09:00:00.000Z');
  });

  it('leaves the old appointment untouched when the hold expired before the move', async () => {
    const old = await book(world, camille, dr, '2026-03-03T10:00:00.000Z');
    const holdId = await hold(world, camille, dr, '2026-03-04T13:00:00.000Z', old);
    world.clock.now = new Date(MONDAY_8AM.getTime() + 15 * 60_000);
    const res = await move(old, holdId);
    assert.equal(res.statusCode, 410);
    assert.equal(res.json().code, 'hold_expired');
    const still = await read(old);
    assert.equal(still.status, 'booked');
    assert.equal(still.start, '2026-03-03T10:00:00.000Z');
  });

  it('refuses to move a past appointment', async () => {
    const old = await book(world, camille, dr, '2026-03-02T08:00:00.000Z');
    world.clock.now = new Date('2026-03-02T08:10:00Z');
    const holdId = await hold(world, camille, dr, '2026-03-05T08:00:00.000Z');
    const res = await move(old, holdId);
    assert.equal(res.statusCode, 409);
    assert.equal(res.json().code, 'appointment_past');
    assert.equal((await read(old)).status, 'booked');
  });

  it('refuses under 4 hours and gives the practice’s phone', async () => {
    const old = await book(world, camille, dr, '2026-03-02T13:00:00.000Z');
    world.clock.now = new Date('2026-03-02T09:30:00Z');
    const holdId = await hold(world, camille, dr, '2026-03-05T09:00:00.000Z');
    const res = await move(old, holdId);
    assert.equal(res.statusCode, 409);
    assert.equal(res.json().code, 'move_too_late');
    assert.equal(res.json().phone, '02 40 00 00 00');
  });

  it('refuses to move a cancelled appointment', async () => {
    const old = await book(world, camille, dr, '2026-03-05T10:00:00.000Z');
    await world.app.inject({ method: 'POST', url: `/api/appointments/${old}/cancel`, headers: camille.session.headers });
    const holdId = await hold(world, camille, dr, '2026-03-05T13:00:00.000Z');
    const res = await move(old, holdId);
    assert.equal(res.statusCode, 409);
    assert.equal(res.json().code, 'appointment_cancelled');
  });

  it('refuses a time held with another practitioner, keeping both', async () => {
    const old = await book(world, camille, dr, '2026-03-06T08:00:00.000Z');
    const holdId = await hold(world, camille, otherDr, '2026-03-06T09:00:00.000Z');
    const res = await move(old, holdId);
    assert.equal(res.statusCode, 409);
    assert.equal(res.json().code, 'hold_other_practitioner');
    assert.equal((await read(old)).status, 'booked');
  });

  it('refuses another account’s hold', async () => {
    const old = await book(world, camille, dr, '2026-03-06T10:00:00.000Z');
    const someoneElse = await patient(world);
    const theirHold = await hold(world, someoneElse, dr, '2026-03-06T13:00:00.000Z');
    const res = await move(old, theirHold);
    assert.equal(res.statusCode, 403);
    assert.equal(res.json().code, 'hold_not_yours');
    assert.equal((await read(old)).status, 'booked');
  });
});

describe('Déplacer le RDV: same patient, rules judged again', () => {
  let world: World;

  before(async () => {
    world = await openWorld();
  });
  after(() => world.close());

  it('moves a relative’s appointment and keeps it the relative’s', async () => {
    const dr = await agenda(world);
    const camille = await patient(world);
    const lea = await relative(world, camille, 'Léa');
    const old = await book(world, camille, dr, TUE_0900, lea);
    const res = await world.app.inject({
      method: 'POST', url: `/api/appointments/${old}/move`, headers: camille.session.headers,
      payload: { holdId: await hold(world, camille, dr, WED_1000, old) },
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().appointment.patient.id, lea);
    assert.equal(res.json().appointment.patient.firstName, 'Léa');
  });

  it('applies the 8-day rule to the new time, leaving out the appointment being moved', async () => {
    await world.t.db.updateTable('specialties').set({ eight_day_rule: true }).where('code', '=', 'SM54').execute();
    const first = await agenda(world);
    const second = await agenda(world);
    const camille = await patient(world);
    const moving = await book(world, camille, first, '2026-03-03T13:00:00.000Z'); // Tuesday 3
    await book(world, camille, second, '2026-03-13T13:00:00.000Z'); // Friday 13, same specialty
    const move = async (start: string) => world.app.inject({
      method: 'POST', url: `/api/appointments/${moving}/move`, headers: camille.session.headers,
      payload: { holdId: await hold(world, camille, first, start, moving) },
    });
    const tooClose = await move('2026-03-12T13:00:00.000Z');
    assert.equal(tooClose.statusCode, 409);
    assert.equal(tooClose.json().code, 'eight_day_rule');
    const nextDay = await move('2026-03-04T13:00:00.000Z');
    assert.equal(nextDay.statusCode, 200, nextDay.body);
  });
});
