/** « Mon équipe soignante » (SPEC A8; docs/api-booking.md): who is listed, removal, reappearance, the history switch. */
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { agenda, book, MONDAY_8AM, openWorld, patient, relative, signInAgain, type Patient, type World } from './booking-manage-fixtures.ts';

interface Member { id: string; name: string; city: string; lastAppointment: string | null }

describe('Mon équipe soignante', () => {
  let world: World;

  before(async () => {
    world = await openWorld();
  });
  after(() => world.close());
  beforeEach(() => {
    world.clock.now = MONDAY_8AM;
  });

  const careTeam = async (who: Patient) => {
    const res = await world.app.inject({ method: 'GET', url: '/api/care-team', headers: who.session.headers });
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as { practitioners: Member[]; historyEnabled: boolean };
  };
  const remove = (who: Patient, practitionerId: string) =>
    world.app.inject({ method: 'DELETE', url: `/api/care-team/${practitionerId}`, headers: who.session.headers });

  it('lists the practitioners booked with for the holder and relatives, not those only cancelled', async () => {
    const forHolder = await agenda(world);
    const forRelative = await agenda(world);
    const onlyCancelled = await agenda(world);
    const camille = await patient(world);
    const lea = await relative(world, camille);
    await book(world, camille, forHolder, '2026-03-02T08:00:00.000Z');
    await book(world, camille, forRelative, '2026-03-04T08:00:00.000Z', lea);
    const cancelled = await book(world, camille, onlyCancelled, '2026-03-05T08:00:00.000Z');
    await world.app.inject({ method: 'POST', url: `/api/appointments/${cancelled}/cancel`, headers: camille.session.headers });
    world.clock.now = new Date('2026-03-03T08:00:00Z');
    const team = await careTeam(camille);
    assert.deepEqual(team.practitioners.map((p) => p.id), [forRelative.practitionerId, forHolder.practitionerId]);
    assert.equal(team.practitioners[1]!.lastAppointment, '2026-03-02T08:00:00.000Z');
    assert.equal(team.practitioners[0]!.lastAppointment, null, 'only an upcoming appointment so far');
    assert.equal(team.practitioners[0]!.city, 'Nantes');
    assert.equal(team.historyEnabled, false);
    assert.deepEqual((await careTeam(await patient(world))).practitioners, []);
  });

  it('removes a practitioner from the list without touching the upcoming appointment', async () => {
    const dr = await agenda(world);
    const camille = await patient(world);
    const upcoming = await book(world, camille, dr, '2026-03-06T08:00:00.000Z');
    const res = await remove(camille, dr.practitionerId);
    assert.equal(res.statusCode, 204);
    assert.deepEqual((await careTeam(camille)).practitioners, []);
    const appointment = await world.app.inject({ method: 'GET', url: `/api/appointments/${upcoming}`, headers: camille.session.headers });
    assert.equal(appointment.json().appointment.status, 'booked');
  });

  it('shows a removed practitioner again after a new booking with them', async () => {
    const dr = await agenda(world);
    const camille = await patient(world);
    await book(world, camille, dr, '2026-03-03T08:00:00.000Z');
    await remove(camille, dr.practitionerId);
    world.clock.now = new Date('2026-03-02T08:00:00Z');
    await book(world, camille, dr, '2026-03-10T08:00:00.000Z');
    assert.deepEqual((await careTeam(camille)).practitioners.map((p) => p.id), [dr.practitionerId]);
  });

  it('answers 404 when removing a practitioner never booked with, or a malformed id', async () => {
    const dr = await agenda(world);
    const camille = await patient(world);
    assert.equal((await remove(camille, dr.practitionerId)).statusCode, 404);
    assert.equal((await remove(camille, 'abc')).statusCode, 404);
  });

  it('keeps practitioners last seen over 12 months ago only when the history is switched on', async () => {
    const dr = await agenda(world);
    const camille = await patient(world);
    await book(world, camille, dr, '2026-03-02T09:00:00.000Z');
    world.clock.now = new Date('2027-03-03T09:00:00Z');
    await signInAgain(world, camille);
    assert.deepEqual((await careTeam(camille)).practitioners, []);
    const patch = await world.app.inject({ method: 'PATCH', url: '/api/account', headers: camille.session.headers, payload: { careHistoryEnabled: true } });
    assert.equal(patch.statusCode, 200, patch.body);
    const team = await careTeam(camille);
    assert.equal(team.historyEnabled, true);
    assert.deepEqual(team.practitioners.map((p) => p.id), [dr.practitionerId]);
  });
});
