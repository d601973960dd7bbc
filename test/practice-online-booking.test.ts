/**
 * A place's own online-booking switch (B7, issue 6): switched off by the practice, that place leaves the patients'
 * calendars, holds and search slots at once; the practitioner's other places stay bookable.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { practiceWorld, type PracticeWorld } from '../src/features/practice/practice-test-world.ts';
import type { AgendaFixture } from '../src/features/availability/agenda-fixtures.ts';

describe('a place switched off for online booking', () => {
  let w: PracticeWorld;
  let second: AgendaFixture;
  let specialtySlug: string;

  const calendar = (agenda: AgendaFixture) => w.app.inject({
    method: 'GET', url: `/api/practitioners/${agenda.practitionerId}/availability?place=${agenda.placeId}&reason=${agenda.reasonId}`,
  });

  before(async () => {
    w = await practiceWorld();
    // A second place of the same practitioner, open for the same reason.
    const place = await w.practice('POST', '/places', { address: '8 quai de la Fosse', postalCode: '44000', communeCode: '44109' });
    assert.equal(place.statusCode, 201, place.body);
    second = { ...w.agenda, placeId: place.json().place.id };
    const hours = await w.practice('PUT', `/places/${second.placeId}/opening-hours`, {
      rules: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '12:00', reasonIds: [w.agenda.reasonId] })),
    });
    assert.equal(hours.statusCode, 200, hours.body);
    const switched = await w.practice('PATCH', `/places/${w.agenda.placeId}`, { onlineBooking: false });
    assert.equal(switched.statusCode, 200, switched.body);
    assert.equal(switched.json().place.onlineBooking, false);
    const { rows } = await sql<{ slug: string }>`select slug from specialties where code = 'SM54'`.execute(w.t.db);
    specialtySlug = rows[0]!.slug;
  });
  after(async () => w.close());

  it('shows no calendar for that place, with the « no online booking » sentence', async () => {
    const res = await calendar(w.agenda);
    assert.equal(res.statusCode, 404);
    assert.match(res.json().message, /en ligne/);
  });

  it('keeps the practitioner’s other place bookable', async () => {
    const res = await calendar(second);
    assert.equal(res.statusCode, 200);
    assert.ok(res.json().calendar.some((day: { slots: unknown[] }) => day.slots.length > 0));
  });

  it('refuses a hold at that place', async () => {
    const patient = await w.signIn();
    const res = await w.hold(patient, w.agenda, '2026-03-03T08:00:00.000Z');
    assert.equal(res.statusCode, 404);
    assert.equal((await w.hold(patient, second, '2026-03-03T08:00:00.000Z')).statusCode, 201);
  });

  it('lists a switched-off place in search without slots, as a practice to phone', async () => {
    // The second place lies at the commune's centre: it is the practitioner's place the search lists.
    const search = async () => (await w.app.inject({ method: 'GET', url: `/api/search?specialty=${specialtySlug}&where=44109` }))
      .json().results.find((card: { practitionerId: string }) => card.practitionerId === w.agenda.practitionerId);
    assert.equal((await search()).place.id, second.placeId);
    assert.ok((await search()).nextSlots.length > 0);
    assert.equal((await w.practice('PATCH', `/places/${second.placeId}`, { onlineBooking: false })).statusCode, 200);
    const card = await search();
    assert.equal(card.onlineBooking, false);
    assert.deepEqual(card.nextSlots, []);
    assert.equal((await w.practice('PATCH', `/places/${second.placeId}`, { onlineBooking: true })).statusCode, 200);
  });

  it('gives the place back to patients once switched on again', async () => {
    assert.equal((await w.practice('PATCH', `/places/${w.agenda.placeId}`, { onlineBooking: true })).statusCode, 200);
    assert.equal((await calendar(w.agenda)).statusCode, 200);
  });
});
