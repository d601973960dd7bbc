/**
 * Desk and phone bookings by the practice (SPEC J3, C8, D2, D3, D5): on a patient file linked to an account when
 * contacts and name match (the appointment then shows in that account's « Mes rendez-vous »), outside the online
 * rules but never overlapping; moves and cancellations without the 4-hour rule, the patient notified; no-shows.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { practiceWorld, intentKinds, type PracticeWorld } from '../src/features/practice/practice-test-world.ts';
import { insertReason } from '../src/features/availability/agenda-fixtures.ts';

// Monday 2 March 2026, 07:00 in Paris (UTC+1). The agenda opens Monday–Friday 08:00–12:00 and 14:00–18:00.
describe('desk and phone bookings', () => {
  let w: PracticeWorld;
  before(async () => { w = await practiceWorld(); });
  after(async () => w.close());

  const deskBook = (start: string, patient: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    w.practice('POST', '/appointments', { placeId: w.agenda.placeId, reasonId: w.agenda.reasonId, start, patient, ...extra });
  const myAppointments = async (headers: Record<string, string>) =>
    (await w.app.inject({ method: 'GET', url: '/api/appointments', headers })).json().upcoming as { id: string; start: string; status: string }[];

  it('links a new file to the account whose email and name match: the appointment shows in its « Mes rendez-vous »', async () => {
    const patient = await w.signIn({ email: 'alice.roux@example.fr', firstName: 'Alice', lastName: 'Roux', birthDate: '1985-02-01' });
    const res = await deskBook('2026-03-03T13:00:00.000Z', { new: { firstName: 'ALICE', lastName: 'roux', email: 'Alice.Roux@example.fr' } });
    assert.equal(res.statusCode, 201, res.body);
    const detail = res.json();
    assert.equal(detail.appointment.source, 'practice');
    assert.equal(detail.appointment.status, 'booked');
    assert.equal(detail.patient.linkedAccount, true);
    assert.ok(detail.patient.fileId);
    assert.deepEqual((await myAppointments(patient.headers)).map((view) => view.id), [detail.appointment.id]);
    assert.ok((await intentKinds(w, detail.appointment.id)).includes('confirmation'));
  });

  it('links to a relative whose own phone was typed, shown to the holder', async () => {
    const holder = await w.signIn({ firstName: 'Marc', lastName: 'Petit' });
    const added = await w.app.inject({
      method: 'POST', url: '/api/relatives', headers: holder.headers,
      payload: { firstName: 'Zoé', lastName: 'Petit', birthDate: '2001-06-15', phone: '06 98 76 54 32' },
    });
    assert.equal(added.statusCode, 201, added.body);
    const res = await deskBook('2026-03-03T13:30:00.000Z', { new: { firstName: 'Zoé', lastName: 'Petit', phone: '+33698765432', birthDate: '2001-06-15' } });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().patient.relativeOf.firstName, 'Marc');
    assert.deepEqual((await myAppointments(holder.headers)).map((view) => view.id), [res.json().appointment.id]);
  });

  it('keeps the file unlinked when the contact matches but the name does not (a wrong number never reaches a stranger)', async () => {
    const stranger = await w.signIn({ email: 'bruno.blanc@example.fr', firstName: 'Bruno', lastName: 'Blanc' });
    const res = await deskBook('2026-03-03T14:00:00.000Z', { new: { firstName: 'Chloé', lastName: 'Noir', email: 'bruno.blanc@example.fr' } });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().patient.linkedAccount, false);
    assert.deepEqual(await myAppointments(stranger.headers), []);
    assert.deepEqual(await intentKinds(w, res.json().appointment.id), []);
  });

  it('books on an existing file, and for a Créneau patient of the agenda by its id', async () => {
    const file = await w.practice('POST', '/patient-files', { firstName: 'Denis', lastName: 'Morel', phone: '02 40 00 00 01' });
    assert.equal(file.statusCode, 201, file.body);
    const onFile = await deskBook('2026-03-03T14:30:00.000Z', { fileId: file.json().patient.fileId });
    assert.equal(onFile.statusCode, 201, onFile.body);
    assert.equal(onFile.json().patient.firstName, 'Denis');
    const patient = await w.signIn({ firstName: 'Emma', lastName: 'Lefèvre' });
    const hold = (await w.hold(patient, w.agenda, '2026-03-04T08:00:00.000Z')).json().hold;
    const online = (await w.confirm(patient, { holdId: hold.id, patient: { kind: 'self' } })).json().appointment;
    const again = await deskBook('2026-03-11T08:00:00.000Z', { patientId: online.patient.id });
    assert.equal(again.statusCode, 201, again.body);
    assert.equal(again.json().patient.patientId, online.patient.id);
    assert.equal((await myAppointments(patient.headers)).length, 2);
  });

  it('books a reason not offered online and a time outside the opening hours', async () => {
    const phoneOnly = await insertReason(w.t.db, w.agenda.practitionerId, { onlineBookable: false, durationMinutes: 45 });
    const res = await deskBook('2026-03-03T18:00:00.000Z', { new: { firstName: 'Hugo', lastName: 'Garnier' } }, { reasonId: phoneOnly });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().appointment.end, '2026-03-03T18:45:00.000Z');
  });

  it('fills a group reason’s slot up to its capacity (C7), then answers 409', async () => {
    const group = await insertReason(w.t.db, w.agenda.practitionerId, { capacity: 2, durationMinutes: 60 });
    const book = (lastName: string) => deskBook('2026-03-12T13:00:00.000Z', { new: { firstName: 'Atelier', lastName } }, { reasonId: group });
    assert.equal((await book('Un')).statusCode, 201);
    assert.equal((await book('Deux')).statusCode, 201);
    const full = await book('Trois');
    assert.equal(full.statusCode, 409);
    assert.equal(full.json().code, 'slot_taken');
  });

  it('never books over an appointment or a live hold: 409 slot_taken', async () => {
    const first = await deskBook('2026-03-05T08:00:00.000Z', { new: { firstName: 'Inès', lastName: 'Roy' } });
    assert.equal(first.statusCode, 201);
    const overlap = await deskBook('2026-03-05T08:15:00.000Z', { new: { firstName: 'Jules', lastName: 'Roy' } });
    assert.equal(overlap.statusCode, 409);
    assert.equal(overlap.json().code, 'slot_taken');
    const patient = await w.signIn();
    assert.equal((await w.hold(patient, w.agenda, '2026-03-05T09:00:00.000Z')).statusCode, 201);
    const onHold = await deskBook('2026-03-05T09:00:00.000Z', { new: { firstName: 'Jules', lastName: 'Roy' } });
    assert.equal(onHold.statusCode, 409);
  });

  it('refuses a start already past or more than two years ahead, and another practitioner’s place or file', async () => {
    const past = await deskBook('2026-03-02T05:00:00.000Z', { new: { firstName: 'Kim', lastName: 'Lucas' } });
    assert.equal(past.statusCode, 400);
    assert.equal(past.json().code, 'start_past');
    const far = await deskBook('2029-03-02T08:00:00.000Z', { new: { firstName: 'Kim', lastName: 'Lucas' } });
    assert.equal(far.statusCode, 400);
    assert.equal(far.json().code, 'start_too_far');
    const other = await w.newPractice();
    const foreignPlace = await deskBook('2026-03-06T08:00:00.000Z', { new: { firstName: 'Kim', lastName: 'Lucas' } }, { placeId: other.agenda.placeId });
    assert.equal(foreignPlace.statusCode, 404);
    const theirFile = await w.practice('POST', '/patient-files', { firstName: 'Léo', lastName: 'Marin' },
      { caller: other.staff, practitionerId: other.agenda.practitionerId });
    const foreignFile = await deskBook('2026-03-06T08:00:00.000Z', { fileId: theirFile.json().patient.fileId });
    assert.equal(foreignFile.statusCode, 404);
  });

  describe('moves, cancellations and no-shows by the practice', () => {
    it('moves an appointment starting within the hour, and the patient gets the « moved » email', async () => {
      const patient = await w.signIn({ email: 'nina.faure@example.fr', firstName: 'Nina', lastName: 'Faure' });
      const booked = (await deskBook('2026-03-02T07:30:00.000Z', { new: { firstName: 'Nina', lastName: 'Faure', email: 'nina.faure@example.fr' } })).json();
      const res = await w.practice('POST', `/appointments/${booked.appointment.id}/move`, { start: '2026-03-06T15:00:00.000Z' });
      assert.equal(res.statusCode, 200, res.body);
      const moved = res.json();
      assert.notEqual(moved.appointment.id, booked.appointment.id);
      assert.equal(moved.appointment.start, '2026-03-06T15:00:00.000Z');
      const old = (await w.practice('GET', `/appointments/${booked.appointment.id}`)).json().appointment;
      assert.deepEqual([old.status, old.cancelledBy, old.movedTo], ['cancelled', 'practice', moved.appointment.id]);
      assert.ok((await intentKinds(w, moved.appointment.id)).includes('moved'));
      assert.deepEqual((await myAppointments(patient.headers)).map((view) => [view.start, view.status]),
        [['2026-03-02T07:30:00.000Z', 'cancelled'], ['2026-03-06T15:00:00.000Z', 'booked']]);
    });

    it('refuses to move onto taken time, and keeps the appointment where it was', async () => {
      const a = (await deskBook('2026-03-09T08:00:00.000Z', { new: { firstName: 'Olga', lastName: 'Perrin' } })).json().appointment;
      await deskBook('2026-03-09T09:00:00.000Z', { new: { firstName: 'Pia', lastName: 'Perrin' } });
      const res = await w.practice('POST', `/appointments/${a.id}/move`, { start: '2026-03-09T09:00:00.000Z' });
      assert.equal(res.statusCode, 409);
      assert.equal(res.json().code, 'slot_taken');
      assert.equal((await w.practice('GET', `/appointments/${a.id}`)).json().appointment.status, 'booked');
    });

    it('cancels an appointment under 4 hours ahead, notifies the patient, and answers the same when asked again', async () => {
      await w.signIn({ email: 'remi.bon@example.fr', firstName: 'Rémi', lastName: 'Bon' });
      const booked = (await deskBook('2026-03-02T08:00:00.000Z', { new: { firstName: 'Rémi', lastName: 'Bon', email: 'remi.bon@example.fr' } })).json();
      const res = await w.practice('POST', `/appointments/${booked.appointment.id}/cancel`);
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual([res.json().appointment.status, res.json().appointment.cancelledBy], ['cancelled', 'practice']);
      assert.ok((await intentKinds(w, booked.appointment.id)).includes('cancelled'));
      assert.equal((await w.practice('POST', `/appointments/${booked.appointment.id}/cancel`)).statusCode, 200);
    });

    it('declares a no-show once the appointment started; the third one blocks the patient’s online booking (D5)', async () => {
      const patient = await w.signIn({ email: 'sam.tessier@example.fr', firstName: 'Sam', lastName: 'Tessier' });
      const ids: string[] = [];
      for (const start of ['2026-03-16T08:00:00.000Z', '2026-03-17T08:00:00.000Z', '2026-03-18T08:00:00.000Z']) {
        const res = await deskBook(start, { new: { firstName: 'Sam', lastName: 'Tessier', email: 'sam.tessier@example.fr' } });
        assert.equal(res.statusCode, 201, res.body);
        ids.push(res.json().appointment.id);
      }
      const early = await w.practice('POST', `/appointments/${ids[0]}/no-show`);
      assert.equal(early.statusCode, 409);
      assert.equal(early.json().code, 'appointment_not_started');
      w.clock.set('2026-03-18T09:00:00Z');
      try {
        const counts = [];
        for (const id of ids) counts.push((await w.practice('POST', `/appointments/${id}/no-show`, undefined, { caller: await w.reconnectDoctor() })).json().noShowsWithPatient);
        assert.deepEqual(counts, [1, 2, 3]);
        const again = await w.reconnect(patient);
        const hold = (await w.hold(again, w.agenda, '2026-03-19T08:00:00.000Z')).json().hold;
        const refused = await w.confirm(again, { holdId: hold.id, patient: { kind: 'self' } });
        assert.equal(refused.statusCode, 403);
        assert.equal(refused.json().code, 'blocked_no_shows');
      } finally {
        w.clock.set('2026-03-02T06:00:00Z');
      }
    });
  });
});
