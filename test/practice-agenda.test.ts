/**
 * The practice's agenda (SPEC J1): day and week views with appointments, holds without patient data, free slots,
 * absences and holidays; an appointment's detail with its patient and history with this practice only; the
 * outside-hours list after an hours change; and the next patient search seeing new hours, list cache on.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { buildApp, type App } from '../src/platform/http/app.ts';
import { featureRoutes } from '../src/features/routes.ts';
import { practiceWorld, type PracticeWorld } from '../src/features/practice/practice-test-world.ts';
import { insertAbsence, STRASBOURG } from '../src/features/availability/agenda-fixtures.ts';

// Monday 2 March 2026, 07:00 in Paris (UTC+1). Agendas open Monday–Friday 08:00–12:00 and 14:00–18:00, 30-minute slots.
const TUESDAY_9AM = '2026-03-03T08:00:00.000Z';
const TUESDAY_10AM = '2026-03-03T09:00:00.000Z';

describe('the practice agenda', () => {
  let w: PracticeWorld;
  let bookedId: string;

  before(async () => {
    w = await practiceWorld();
    const patient = await w.signIn({ firstName: 'Camille', lastName: 'Martin' });
    const hold = (await w.hold(patient, w.agenda, TUESDAY_9AM)).json().hold;
    const confirmed = await w.confirm(patient, { holdId: hold.id, patient: { kind: 'self' } });
    assert.equal(confirmed.statusCode, 201, confirmed.body);
    bookedId = confirmed.json().appointment.id;
    const other = await w.signIn({ firstName: 'Secret', lastName: 'Patient' });
    assert.equal((await w.hold(other, w.agenda, TUESDAY_10AM)).statusCode, 201);
    await insertAbsence(w.t.db, w.agenda, '2026-03-04T13:00:00Z', '2026-03-04T17:00:00Z');
  });
  after(async () => w.close());

  const week = async () => {
    const res = await w.practice('GET', '/agenda?from=2026-03-02&days=7');
    assert.equal(res.statusCode, 200, res.body);
    return res.json();
  };

  it('shows the week’s appointments with patient, reason, status and source', async () => {
    const { appointments } = await week();
    assert.deepEqual(appointments, [{
      id: bookedId, start: TUESDAY_9AM, end: '2026-03-03T08:30:00.000Z', status: 'booked', source: 'online',
      placeId: w.agenda.placeId, reason: { id: w.agenda.reasonId, label: 'Consultation' }, patient: { name: 'Camille Martin' },
      replacement: false, cancelledBy: null,
    }]);
  });

  it('shows a live hold as « créneau en cours de réservation », with no patient data', async () => {
    const body = await week();
    assert.deepEqual(body.holds, [{
      start: TUESDAY_10AM, end: '2026-03-03T09:30:00.000Z', placeId: w.agenda.placeId,
      expiresAt: '2026-03-02T06:15:00.000Z', label: 'Créneau en cours de réservation',
    }]);
    assert.doesNotMatch(JSON.stringify(body), /Secret/);
  });

  it('offers as free slots the opening time left, without booked, held or absent time', async () => {
    const { freeSlots } = await week();
    const tuesday = freeSlots.filter((slot: { start: string }) => slot.start.startsWith('2026-03-03'));
    assert.equal(tuesday.length, 14);
    assert.ok(!tuesday.some((slot: { start: string }) => slot.start === TUESDAY_9AM || slot.start === TUESDAY_10AM));
    const wednesday = freeSlots.filter((slot: { start: string }) => slot.start.startsWith('2026-03-04'));
    assert.equal(wednesday.length, 8);
    assert.deepEqual(Object.keys(tuesday[0]).sort(), ['end', 'placeId', 'reasonId', 'remaining', 'replacement', 'start']);
  });

  it('gives each day’s opening intervals (the break is the gap) and lists the absences', async () => {
    const body = await week();
    assert.deepEqual(body.calendar.map((day: { date: string }) => day.date),
      ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08']);
    assert.deepEqual(body.calendar[1].opening, [
      { start: '2026-03-03T07:00:00.000Z', end: '2026-03-03T11:00:00.000Z', placeId: w.agenda.placeId, reasonIds: [w.agenda.reasonId] },
      { start: '2026-03-03T13:00:00.000Z', end: '2026-03-03T17:00:00.000Z', placeId: w.agenda.placeId, reasonIds: [w.agenda.reasonId] },
    ]);
    assert.deepEqual(body.calendar[5].opening, []);
    assert.deepEqual(body.absences.map((absence: { from: string; fromTime: string; toTime: string }) => [absence.from, absence.fromTime, absence.toTime]),
      [['2026-03-04', '14:00', '18:00']]);
  });

  it('shows one day with days=1, and a public holiday closed with its name', async () => {
    const res = await w.practice('GET', '/agenda?from=2026-04-06&days=1');
    assert.equal(res.statusCode, 200, res.body);
    const [day] = res.json().calendar;
    assert.equal(res.json().calendar.length, 1);
    assert.match(day.holiday, /Pâques/);
    assert.deepEqual(day.opening, []);
    assert.deepEqual(res.json().freeSlots, []);
  });

  it('refuses days other than 1 or 7 and a date more than a year away', async () => {
    assert.equal((await w.practice('GET', '/agenda?days=3')).statusCode, 400);
    const far = await w.practice('GET', '/agenda?from=2028-01-01');
    assert.equal(far.statusCode, 400);
    assert.equal(far.json().code, 'from_too_far');
  });

  describe('an appointment’s detail', () => {
    it('shows a relative with its own contact, the account holder, and the history with this practice only', async () => {
      const holder = await w.signIn({ firstName: 'Paul', lastName: 'Durand' });
      const relative = { firstName: 'Léa', lastName: 'Durand', birthDate: '1999-05-01', email: 'lea.durand@example.fr' };
      const hold = (await w.hold(holder, w.agenda, '2026-03-05T08:00:00.000Z')).json().hold;
      const confirmed = await w.confirm(holder, { holdId: hold.id, patient: { kind: 'new_relative', relative } });
      assert.equal(confirmed.statusCode, 201, confirmed.body);
      const { id, patient } = confirmed.json().appointment;
      const other = await w.newPractice();
      // A past visit here (missed) and one with another practitioner.
      await w.t.db.insertInto('appointments').values([
        { practitioner_id: w.agenda.practitionerId, place_id: w.agenda.placeId, reason_id: w.agenda.reasonId, patient_id: patient.id,
          starts_at: '2026-02-02T08:00:00Z', ends_at: '2026-02-02T08:30:00Z', status: 'no_show' },
        { practitioner_id: other.agenda.practitionerId, place_id: other.agenda.placeId, reason_id: other.agenda.reasonId, patient_id: patient.id,
          starts_at: '2026-02-03T08:00:00Z', ends_at: '2026-02-03T08:30:00Z', status: 'done' },
      ]).execute();

      const res = await w.practice('GET', `/appointments/${id}`);
      assert.equal(res.statusCode, 200, res.body);
      const detail = res.json();
      assert.equal(detail.appointment.reason.durationMinutes, 30);
      assert.equal(detail.appointment.place.city, 'Nantes');
      assert.deepEqual({ ...detail.patient, patientId: undefined }, {
        fileId: null, patientId: undefined, civility: null, firstName: 'Léa', lastName: 'Durand', birthDate: '1999-05-01',
        email: 'lea.durand@example.fr', phone: null, linkedAccount: true, blocked: false, blockedAfterNoShows: false,
        notificationsOff: false, noShows: 1, noShowsForgivenAt: null,
        relativeOf: { firstName: 'Paul', lastName: 'Durand', email: detail.patient.relativeOf.email, phone: '+33612345678' },
      });
      assert.match(detail.patient.relativeOf.email, /@example\.fr$/);
      assert.deepEqual(detail.history.map((entry: { start: string; status: string }) => [entry.start, entry.status]),
        [['2026-02-02T08:00:00.000Z', 'no_show']]);
    });

    it('answers 404 for a hold, a malformed id and another practitioner’s appointment', async () => {
      const hold = await w.t.db.selectFrom('appointments').select('id').where('status', '=', 'held').executeTakeFirstOrThrow();
      assert.equal((await w.practice('GET', `/appointments/${hold.id}`)).statusCode, 404);
      assert.equal((await w.practice('GET', '/appointments/not-a-uuid')).statusCode, 404);
      const other = await w.newPractice();
      assert.equal((await w.practice('GET', `/appointments/${bookedId}`, undefined, { caller: other.staff, practitionerId: other.agenda.practitionerId })).statusCode, 404);
    });
  });
});

describe('changing opening hours', () => {
  let w: PracticeWorld;
  let searchApp: App;
  let specialtySlug: string;

  before(async () => {
    w = await practiceWorld();
    // The server as in production: search result lists remember next free slots for 10 minutes.
    searchApp = await buildApp({ context: { db: w.t.db, now: w.clock.now, listSlotsCacheMs: 600_000 }, routes: featureRoutes });
    const { rows } = await sql<{ slug: string }>`select slug from specialties where code = 'SM54'`.execute(w.t.db);
    specialtySlug = rows[0]!.slug;
  });
  after(async () => {
    await searchApp.close();
    await w.close();
  });

  it('lists the upcoming appointments the new hours leave outside, and cancels none of them', async () => {
    const p = await w.newPractice();
    const as = { caller: p.staff, practitionerId: p.agenda.practitionerId };
    const patient = await w.signIn();
    const monday = (await w.hold(patient, p.agenda, '2026-03-09T08:00:00.000Z')).json().hold;
    const mondayId = (await w.confirm(patient, { holdId: monday.id, patient: { kind: 'self' } })).json().appointment.id;
    const other = await w.signIn();
    const tuesday = (await w.hold(other, p.agenda, '2026-03-10T08:00:00.000Z')).json().hold;
    assert.equal((await w.confirm(other, { holdId: tuesday.id, patient: { kind: 'self' } })).statusCode, 201);

    const res = await w.practice('PUT', `/places/${p.agenda.placeId}/opening-hours`, {
      rules: [2, 3, 4, 5].map((weekday) => ({ weekday, start: '08:00', end: '12:00', reasonIds: [p.agenda.reasonId] })),
    }, as);
    assert.equal(res.statusCode, 200, res.body);
    const expected = [{ id: mondayId, start: '2026-03-09T08:00:00.000Z', why: 'closed' }];
    const pick = (entries: { id: string; start: string; why: string }[]) => entries.map(({ id, start, why }) => ({ id, start, why }));
    assert.deepEqual(pick(res.json().outsideHours), expected);
    const listed = await w.practice('GET', '/appointments/outside-hours', undefined, as);
    assert.equal(listed.statusCode, 200);
    assert.deepEqual(pick(listed.json().appointments), expected);
    assert.equal(listed.json().appointments[0].reason.label, 'Consultation');
    const status = await w.t.db.selectFrom('appointments').select('status').where('id', '=', mondayId).executeTakeFirstOrThrow();
    assert.equal(status.status, 'booked');
  });

  it('shows the new hours to the very next patient search, though result lists are cached', async () => {
    const p = await w.newPractice({ commune: STRASBOURG });
    // Alone in Strasbourg: the first card of a search there.
    await w.t.db.updateTable('places').set({ latitude: 48.5734, longitude: 7.7521 }).where('id', '=', p.agenda.placeId).execute();
    const firstSlot = async () => {
      const res = await searchApp.inject({ method: 'GET', url: `/api/search?specialty=${specialtySlug}&where=${STRASBOURG}` });
      assert.equal(res.statusCode, 200, res.body);
      const card = res.json().results.find((result: { practitionerId: string }) => result.practitionerId === p.agenda.practitionerId);
      return card.nextSlots[0]?.start as string | undefined;
    };
    assert.equal(await firstSlot(), '2026-03-02T07:00:00.000Z');
    assert.equal(await firstSlot(), '2026-03-02T07:00:00.000Z');
    const res = await searchApp.inject({
      method: 'PUT', url: `/api/practice/practitioners/${p.agenda.practitionerId}/places/${p.agenda.placeId}/opening-hours`,
      headers: p.staff.headers,
      payload: { rules: [{ weekday: 2, start: '14:00', end: '18:00', reasonIds: [p.agenda.reasonId] }] },
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(await firstSlot(), '2026-03-03T13:00:00.000Z');
  });
});
