/**
 * Settings of the practitioner space (SPEC J1, J2, C1): places, visit reasons, weekly hours, absences, replacements —
 * each change visible to patients at once, and none ever cancelling an appointment.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { practiceWorld, type PracticeWorld } from '../src/features/practice/practice-test-world.ts';
import { insertAppointment, type AgendaFixture } from '../src/features/availability/agenda-fixtures.ts';

// Monday 2 March 2026, 07:00 in Paris. The practitioner opens Monday–Friday 08:00–12:00 and 14:00–18:00.
const reasonBody = { labelFr: 'Vaccination', durationMinutes: 15, priceCents: 2500 };

describe('practice settings', () => {
  let w: PracticeWorld;
  before(async () => { w = await practiceWorld(); });
  after(async () => w.close());

  const calendarStarts = async (agenda: AgendaFixture, date: string) => {
    const res = await w.app.inject({
      method: 'GET', url: `/api/practitioners/${agenda.practitionerId}/availability?place=${agenda.placeId}&reason=${agenda.reasonId}&from=${date}&days=1`,
    });
    assert.equal(res.statusCode, 200, res.body);
    return res.json().calendar[0].slots.map((slot: { start: string }) => slot.start) as string[];
  };

  describe('places', () => {
    it('adds a place in a commune with its postal code, phone in E.164 and the commune’s position', async () => {
      const res = await w.practice('POST', '/places', {
        name: 'Centre médical Pasteur', address: '12 rue Pasteur', postalCode: '44100', communeCode: '44109', phone: '02 40 12 34 56',
      });
      assert.equal(res.statusCode, 201, res.body);
      assert.deepEqual(res.json().place, {
        id: res.json().place.id, name: 'Centre médical Pasteur', address: '12 rue Pasteur', postalCode: '44100', communeCode: '44109',
        city: 'Nantes', phone: '+33240123456', onlineBooking: true,
      });
      const settings = (await w.practice('GET', '/settings')).json();
      assert.ok(settings.places.some((place: { id: string }) => place.id === res.json().place.id));
    });

    it('refuses an unknown commune and a postal code of another commune', async () => {
      const unknown = await w.practice('POST', '/places', { address: '1 rue X', postalCode: '44000', communeCode: '99999' });
      assert.equal(unknown.statusCode, 400);
      assert.equal(unknown.json().code, 'commune_unknown');
      const mismatch = await w.practice('POST', '/places', { address: '1 rue X', postalCode: '75001', communeCode: '44109' });
      assert.equal(mismatch.statusCode, 400);
      assert.equal(mismatch.json().code, 'postal_code_mismatch');
    });

    it('answers 404 for another practitioner’s place', async () => {
      const other = await w.newPractice();
      const res = await w.practice('PATCH', `/places/${other.agenda.placeId}`, { phone: null });
      assert.equal(res.statusCode, 404);
    });
  });

  describe('visit reasons', () => {
    it('adds a reason with every J2 field', async () => {
      const res = await w.practice('POST', '/reasons', {
        labelFr: 'Suivi pédiatrique', labelEn: 'Paediatric follow-up', durationMinutes: 20, priceCents: 3000, onlineBookable: false,
        newPatients: false, minAgeYears: 0, maxAgeYears: 16, referralRequired: true, video: false, capacity: 2,
        notifications: false, instructionsFr: 'Apportez le carnet de santé.', instructionsEn: 'Bring the health record.',
      });
      assert.equal(res.statusCode, 201, res.body);
      const { id, ...reason } = res.json().reason;
      assert.ok(id);
      assert.deepEqual(reason, {
        labelFr: 'Suivi pédiatrique', labelEn: 'Paediatric follow-up', kindCode: null, durationMinutes: 20, priceCents: 3000,
        onlineBookable: false, newPatients: false, minAgeYears: 0, maxAgeYears: 16, referralRequired: true, video: false,
        capacity: 2, notifications: false, instructionsFr: 'Apportez le carnet de santé.', instructionsEn: 'Bring the health record.',
        position: 0,
      });
    });

    for (const [field, value, fragment] of [
      ['durationMinutes', 4, 'entre 5 et 480'], ['durationMinutes', 481, 'entre 5 et 480'], ['priceCents', -1, 'centimes'],
      ['priceCents', 12.5, 'centimes'], ['capacity', 0, 'patients par créneau'], ['minAgeYears', -1, 'âge limite'],
    ] as const) {
      it(`refuses ${field} = ${value} with a sentence saying why`, async () => {
        const res = await w.practice('POST', '/reasons', { ...reasonBody, [field]: value });
        assert.equal(res.statusCode, 400);
        assert.match(res.json().message, new RegExp(fragment));
      });
    }

    it('refuses a minimum age above the maximum age', async () => {
      const res = await w.practice('POST', '/reasons', { ...reasonBody, minAgeYears: 18, maxAgeYears: 12 });
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().code, 'ages_order');
    });

    it('keeps the English label when only the French one changes', async () => {
      const created = (await w.practice('POST', '/reasons', { ...reasonBody, labelEn: 'Vaccine' })).json().reason;
      const res = await w.practice('PATCH', `/reasons/${created.id}`, { labelFr: 'Vaccin' });
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual([res.json().reason.labelFr, res.json().reason.labelEn], ['Vaccin', 'Vaccine']);
    });

    it('switches a reason off for online booking: patients no longer see its calendar', async () => {
      const p = await w.newPractice();
      const res = await w.practice('PATCH', `/reasons/${p.agenda.reasonId}`, { onlineBookable: false }, { caller: p.staff, practitionerId: p.agenda.practitionerId });
      assert.equal(res.statusCode, 200, res.body);
      const calendar = await w.app.inject({
        method: 'GET', url: `/api/practitioners/${p.agenda.practitionerId}/availability?place=${p.agenda.placeId}&reason=${p.agenda.reasonId}`,
      });
      assert.equal(calendar.statusCode, 404);
    });

    it('deletes an unused reason and takes it out of the opening hours', async () => {
      const created = (await w.practice('POST', '/reasons', reasonBody)).json().reason;
      const hours = await w.practice('PUT', `/places/${w.agenda.placeId}/opening-hours`, {
        rules: [{ weekday: 6, start: '09:00', end: '12:00', reasonIds: [created.id] }, { weekday: 1, start: '08:00', end: '12:00', reasonIds: [w.agenda.reasonId, created.id] }],
      });
      assert.equal(hours.statusCode, 200, hours.body);
      assert.equal((await w.practice('DELETE', `/reasons/${created.id}`)).statusCode, 204);
      const settings = (await w.practice('GET', '/settings')).json();
      assert.ok(!settings.reasons.some((reason: { id: string }) => reason.id === created.id));
      assert.deepEqual(settings.openingHours.filter((rule: { placeId: string }) => rule.placeId === w.agenda.placeId)
        .map((rule: { weekday: number; reasonIds: string[] }) => [rule.weekday, rule.reasonIds]), [[1, [w.agenda.reasonId]]]);
      await restoreWeek(w);
    });

    it('refuses to delete a reason appointments name', async () => {
      const p = await w.newPractice();
      await insertAppointment(w.t.db, p.agenda, '2026-03-03T08:00:00Z', '2026-03-03T08:30:00Z');
      const res = await w.practice('DELETE', `/reasons/${p.agenda.reasonId}`, undefined, { caller: p.staff, practitionerId: p.agenda.practitionerId });
      assert.equal(res.statusCode, 409);
      assert.equal(res.json().code, 'reason_in_use');
    });
  });

  describe('weekly opening hours', () => {
    it('opens new hours to patients at once, with the lunch break as a gap', async () => {
      const p = await w.newPractice();
      const res = await w.practice('PUT', `/places/${p.agenda.placeId}/opening-hours`, {
        rules: [
          { weekday: 2, start: '09:00', end: '10:00', reasonIds: [p.agenda.reasonId] },
          { weekday: 2, start: '11:00', end: '12:00', reasonIds: [p.agenda.reasonId] },
        ],
      }, { caller: p.staff, practitionerId: p.agenda.practitionerId });
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(res.json().openingHours.map((rule: { weekday: number; start: string; end: string }) => [rule.weekday, rule.start, rule.end]),
        [[2, '09:00', '10:00'], [2, '11:00', '12:00']]);
      assert.deepEqual(await calendarStarts(p.agenda, '2026-03-03'),
        ['2026-03-03T08:00:00.000Z', '2026-03-03T08:30:00.000Z', '2026-03-03T10:00:00.000Z', '2026-03-03T10:30:00.000Z']);
      assert.deepEqual(await calendarStarts(p.agenda, '2026-03-02'), []);
    });

    it('refuses two overlapping intervals of one weekday, naming the day, and keeps the old hours', async () => {
      const res = await w.practice('PUT', `/places/${w.agenda.placeId}/opening-hours`, {
        rules: [
          { weekday: 4, start: '08:00', end: '12:00', reasonIds: [w.agenda.reasonId] },
          { weekday: 4, start: '11:00', end: '13:00', reasonIds: [w.agenda.reasonId] },
        ],
      });
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().code, 'opening_overlap');
      assert.equal(res.json().weekday, 4);
      assert.match(res.json().message, /jeudi/);
      assert.equal((await calendarStarts(w.agenda, '2026-03-02')).length, 16);
    });

    it('refuses an interval off the 5-minute grid, and a reason of another practitioner', async () => {
      const offGrid = await w.practice('PUT', `/places/${w.agenda.placeId}/opening-hours`, {
        rules: [{ weekday: 1, start: '08:02', end: '12:00', reasonIds: [w.agenda.reasonId] }],
      });
      assert.equal(offGrid.statusCode, 400);
      assert.equal(offGrid.json().code, 'opening_invalid');
      const other = await w.newPractice();
      const foreign = await w.practice('PUT', `/places/${w.agenda.placeId}/opening-hours`, {
        rules: [{ weekday: 1, start: '08:00', end: '12:00', reasonIds: [other.agenda.reasonId] }],
      });
      assert.equal(foreign.statusCode, 404);
      assert.equal(foreign.json().code, 'reason_not_found');
    });
  });

  describe('absences and replacements', () => {
    it('closes the agenda over an absence and lists the appointments it touches without cancelling them', async () => {
      const p = await w.newPractice();
      await insertAppointment(w.t.db, p.agenda, '2026-03-04T08:00:00Z', '2026-03-04T08:30:00Z');
      const res = await w.practice('POST', '/absences', { from: '2026-03-04', to: '2026-03-04' },
        { caller: p.staff, practitionerId: p.agenda.practitionerId });
      assert.equal(res.statusCode, 201, res.body);
      assert.deepEqual(res.json().absence, {
        id: res.json().absence.id, start: '2026-03-03T23:00:00.000Z', end: '2026-03-04T23:00:00.000Z',
        from: '2026-03-04', fromTime: '00:00', to: '2026-03-04', toTime: '24:00',
      });
      assert.deepEqual(res.json().outsideHours.map((entry: { start: string; why: string }) => [entry.start, entry.why]),
        [['2026-03-04T08:00:00.000Z', 'absence']]);
      assert.deepEqual(await calendarStarts(p.agenda, '2026-03-04'), []);
      const booked = await w.t.db.selectFrom('appointments').select('status').where('practitioner_id', '=', p.agenda.practitionerId).execute();
      assert.deepEqual(booked.map((row) => row.status), ['booked']);
    });

    it('lists an appointment with neither a Créneau patient nor a file outside the hours with patient null', async () => {
      const p = await w.newPractice();
      const as = { caller: p.staff, practitionerId: p.agenda.practitionerId };
      await insertAppointment(w.t.db, p.agenda, '2026-03-06T08:00:00Z', '2026-03-06T08:30:00Z');
      assert.equal((await w.practice('POST', '/absences', { from: '2026-03-06', to: '2026-03-06' }, as)).statusCode, 201);
      const res = await w.practice('GET', '/appointments/outside-hours', undefined, as);
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(res.json().appointments.map((entry: { start: string; patient: unknown }) => [entry.start, entry.patient]),
        [['2026-03-06T08:00:00.000Z', null]]);
    });

    it('reopens the agenda when the absence is deleted', async () => {
      const p = await w.newPractice();
      const as = { caller: p.staff, practitionerId: p.agenda.practitionerId };
      const absence = (await w.practice('POST', '/absences', { from: '2026-03-05', fromTime: '14:00', to: '2026-03-05', toTime: '18:00' }, as)).json().absence;
      assert.equal((await calendarStarts(p.agenda, '2026-03-05')).length, 8);
      assert.equal((await w.practice('DELETE', `/absences/${absence.id}`, undefined, as)).statusCode, 204);
      assert.equal((await calendarStarts(p.agenda, '2026-03-05')).length, 16);
      assert.equal((await w.practice('DELETE', `/absences/${absence.id}`, undefined, as)).statusCode, 404);
    });

    it('refuses an absence that ends before it starts, and a date out of this century', async () => {
      const res = await w.practice('POST', '/absences', { from: '2026-03-05', to: '2026-03-04' });
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().code, 'period_invalid');
      const typo = await w.practice('POST', '/absences', { from: '9999-12-31', to: '9999-12-31' });
      assert.equal(typo.statusCode, 400);
      assert.match(typo.json().message, /AAAA-MM-JJ/);
    });

    it('marks the slots of a replacement’s period with the blue dot on the patient calendar (C1)', async () => {
      const p = await w.newPractice();
      const res = await w.practice('POST', '/replacements', { firstName: 'Jean', lastName: 'Martin', from: '2026-03-06', to: '2026-03-06', fromTime: '14:00' },
        { caller: p.staff, practitionerId: p.agenda.practitionerId });
      assert.equal(res.statusCode, 201, res.body);
      assert.deepEqual([res.json().replacement.firstName, res.json().replacement.fromTime, res.json().replacement.toTime], ['Jean', '14:00', '24:00']);
      const calendar = await w.app.inject({
        method: 'GET', url: `/api/practitioners/${p.agenda.practitionerId}/availability?place=${p.agenda.placeId}&reason=${p.agenda.reasonId}&from=2026-03-06&days=1`,
      });
      const marks = calendar.json().calendar[0].slots.map((slot: { replacement: boolean }) => slot.replacement);
      assert.deepEqual(marks, [...Array(8).fill(false), ...Array(8).fill(true)]);
      const removed = await w.practice('DELETE', `/replacements/${res.json().replacement.id}`, undefined, { caller: p.staff, practitionerId: p.agenda.practitionerId });
      assert.equal(removed.statusCode, 204);
      const after = await w.app.inject({
        method: 'GET', url: `/api/practitioners/${p.agenda.practitionerId}/availability?place=${p.agenda.placeId}&reason=${p.agenda.reasonId}&from=2026-03-06&days=1`,
      });
      assert.ok(after.json().calendar[0].slots.every((slot: { replacement: boolean }) => !slot.replacement));
    });
  });
});

/** The practitioner's usual week again (Monday–Friday 08:00–12:00 and 14:00–18:00). */
async function restoreWeek(w: PracticeWorld): Promise<void> {
  const res = await w.practice('PUT', `/places/${w.agenda.placeId}/opening-hours`, {
    rules: [1, 2, 3, 4, 5].flatMap((weekday) => [
      { weekday, start: '08:00', end: '12:00', reasonIds: [w.agenda.reasonId] },
      { weekday, start: '14:00', end: '18:00', reasonIds: [w.agenda.reasonId] },
    ]),
  });
  assert.equal(res.statusCode, 200, res.body);
}
