/**
 * The practice's patients (SPEC J3, J4, E4, C5): search by name, email or phone; files corrected and linked; a patient
 * blocked and unblocked (online booking refused, then allowed); notifications switched off per patient and per reason
 * (no message written, the appointment stays visible).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { practiceWorld, intentKinds, type PracticeWorld } from '../src/features/practice/practice-test-world.ts';
import type { Caller } from '../test/support/booking.ts';

describe('the practice’s patients', () => {
  let w: PracticeWorld;
  before(async () => { w = await practiceWorld(); });
  after(async () => w.close());

  let slotCounter = 0;
  /** A new free start of the agenda (mornings from Monday 9 March, 30-minute slots). */
  const nextStart = () => {
    const n = slotCounter++;
    return new Date(Date.parse('2026-03-09T07:00:00Z') + Math.floor(n / 8) * 86_400_000 + (n % 8) * 1_800_000).toISOString();
  };
  const bookOnline = async (patient: Caller) => {
    const hold = await w.hold(patient, w.agenda, nextStart());
    assert.equal(hold.statusCode, 201, hold.body);
    return w.confirm(patient, { holdId: hold.json().hold.id, patient: { kind: 'self' } });
  };
  const search = async (q: string) => {
    const res = await w.practice('GET', `/patients?q=${encodeURIComponent(q)}`);
    assert.equal(res.statusCode, 200, res.body);
    return res.json().patients as { fileId: string | null; patientId: string | null; firstName: string; lastName: string }[];
  };

  describe('search', () => {
    it('finds a file by name without accents or case, by email and by phone as typed in France', async () => {
      const file = (await w.practice('POST', '/patient-files', {
        firstName: 'Hélène', lastName: 'Bécaud', email: 'helene.becaud@example.fr', phone: '06 11 22 33 44',
      })).json().patient;
      for (const q of ['becaud', 'HELENE BEC', 'helene.becaud@example.fr', '06 11 22 33 44', '+33611223344']) {
        assert.deepEqual((await search(q)).map((card) => card.fileId), [file.fileId], q);
      }
    });

    it('finds a patient who booked online without a file yet', async () => {
      const patient = await w.signIn({ firstName: 'Ulysse', lastName: 'Vernet' });
      const booked = (await bookOnline(patient)).json().appointment;
      assert.deepEqual((await search('vernet')).map((card) => [card.fileId, card.patientId]), [[null, booked.patient.id]]);
    });

    it('never finds another practitioner’s files', async () => {
      const other = await w.newPractice();
      await w.practice('POST', '/patient-files', { firstName: 'Xavier', lastName: 'Quintin' },
        { caller: other.staff, practitionerId: other.agenda.practitionerId });
      assert.deepEqual(await search('quintin'), []);
    });

    it('asks for at least 2 characters', async () => {
      assert.equal((await w.practice('GET', '/patients?q=a')).statusCode, 400);
    });
  });

  describe('files', () => {
    it('answers the existing file of a person already filed here (200), not a second one', async () => {
      await w.signIn({ email: 'gaelle.henry@example.fr', firstName: 'Gaëlle', lastName: 'Henry' });
      const body = { firstName: 'Gaëlle', lastName: 'Henry', email: 'gaelle.henry@example.fr' };
      const first = await w.practice('POST', '/patient-files', body);
      assert.equal(first.statusCode, 201);
      const second = await w.practice('POST', '/patient-files', body);
      assert.equal(second.statusCode, 200);
      assert.equal(second.json().patient.fileId, first.json().patient.fileId);
    });

    it('links a file once its corrected email matches an account with that name', async () => {
      const patient = await w.signIn({ email: 'ivan.joly@example.fr', firstName: 'Ivan', lastName: 'Joly' });
      const file = (await w.practice('POST', '/patient-files', { firstName: 'Ivan', lastName: 'Joly', email: 'ivan.jolly@example.fr' })).json().patient;
      assert.equal(file.linkedAccount, false);
      const res = await w.practice('PATCH', `/patient-files/${file.fileId}`, { email: 'ivan.joly@example.fr' });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().patient.linkedAccount, true);
      assert.equal(res.json().patient.email, 'ivan.joly@example.fr');
      const holder = await w.t.db.selectFrom('patients').select('id').where('account_id', '=', patient.accountId).executeTakeFirstOrThrow();
      assert.equal(res.json().patient.patientId, holder.id);
    });

    it('keeps the civility typed by the practice on a new file, and its correction', async () => {
      const created = await w.practice('POST', '/patient-files', { civility: 'mme', firstName: 'Rose', lastName: 'Vidal' });
      assert.equal(created.statusCode, 201, created.body);
      assert.equal(created.json().patient.civility, 'mme');
      const corrected = await w.practice('PATCH', `/patient-files/${created.json().patient.fileId}`, { civility: 'm' });
      assert.equal(corrected.json().patient.civility, 'm');
      const refused = await w.practice('POST', '/patient-files', { civility: 'mlle', firstName: 'Rose', lastName: 'Vidal' });
      assert.equal(refused.statusCode, 400);
    });

    it('keeps the civility of a patient typed at the desk booking', async () => {
      const booked = await w.practice('POST', '/appointments', {
        placeId: w.agenda.placeId, reasonId: w.agenda.reasonId, start: nextStart(),
        patient: { new: { civility: 'm', firstName: 'Théo', lastName: 'Masson' } },
      });
      assert.equal(booked.statusCode, 201, booked.body);
      assert.equal(booked.json().patient.civility, 'm');
    });

    it('refuses a malformed email or phone with the sentences of « Mon compte »', async () => {
      const res = await w.practice('POST', '/patient-files', { firstName: 'Ana', lastName: 'Roy', phone: '0033 6 12 34 56 78' });
      assert.equal(res.statusCode, 400);
      assert.match(res.json().message, /\+33/);
    });
  });

  describe('blocking (J4, C5)', () => {
    it('blocks a patient from booking online with this practitioner, then lets them again once unblocked', async () => {
      const patient = await w.signIn({ firstName: 'Karim', lastName: 'Lambert' });
      const booked = (await bookOnline(patient)).json().appointment;
      const blocked = await w.practice('PATCH', `/patients/${booked.patient.id}`, { blocked: true });
      assert.equal(blocked.statusCode, 200, blocked.body);
      assert.equal(blocked.json().patient.blocked, true);
      const refused = await bookOnline(patient);
      assert.equal(refused.statusCode, 403);
      assert.equal(refused.json().code, 'blocked_by_practice');
      const unblocked = await w.practice('PATCH', `/patient-files/${blocked.json().patient.fileId}`, { blocked: false });
      assert.equal(unblocked.json().patient.blocked, false);
      assert.equal((await bookOnline(patient)).statusCode, 201);
    });

    describe('after three no-shows (D5)', () => {
      /** Books these April starts online for the patient, then moves the clock past them and declares them missed. */
      const missAll = async (patient: Caller, starts: string[], declareAt: string) => {
        const ids = [];
        for (const start of starts) {
          const hold = await w.hold(patient, w.agenda, start);
          assert.equal(hold.statusCode, 201, hold.body);
          const booked = await w.confirm(patient, { holdId: hold.json().hold.id, patient: { kind: 'self' } });
          assert.equal(booked.statusCode, 201, booked.body);
          ids.push(booked.json().appointment.id as string);
        }
        w.clock.set(declareAt);
        const doctor = await w.reconnectDoctor();
        for (const id of ids) assert.equal((await w.practice('POST', `/appointments/${id}/no-show`, undefined, { caller: doctor })).statusCode, 200);
        return { ids, doctor };
      };

      it('the appointment shows the block after three absences; unblocking lifts it, the history still lists them all', async () => {
        const before = w.clock.now().toISOString();
        try {
          const patient = await w.signIn({ firstName: 'Noémie', lastName: 'Garnier' });
          const { ids, doctor } = await missAll(patient,
            ['2026-04-13T07:00:00.000Z', '2026-04-14T07:00:00.000Z', '2026-04-15T07:00:00.000Z'], '2026-04-15T09:00:00Z');
          const detail = async () => (await w.practice('GET', `/appointments/${ids[2]}`, undefined, { caller: doctor })).json();
          const blocked = (await detail()).patient;
          assert.deepEqual([blocked.blocked, blocked.blockedAfterNoShows, blocked.noShows, blocked.noShowsForgivenAt], [false, true, 3, null]);

          w.clock.set('2026-04-15T09:10:00Z');
          const unblocked = await w.practice('PATCH', `/patients/${blocked.patientId}`, { blocked: false }, { caller: doctor });
          assert.equal(unblocked.statusCode, 200, unblocked.body);
          const card = unblocked.json().patient;
          assert.deepEqual([card.blocked, card.blockedAfterNoShows, card.noShows, card.noShowsForgivenAt],
            [false, false, 0, '2026-04-15T09:10:00.000Z']);
          const after = await detail();
          assert.equal(after.patient.noShows, 0);
          assert.deepEqual(after.history.map((entry: { id: string; status: string }) => [entry.id, entry.status]),
            [[ids[1], 'no_show'], [ids[0], 'no_show']]);
          const again = await w.reconnect(patient);
          const hold = (await w.hold(again, w.agenda, '2026-04-20T07:00:00.000Z')).json().hold;
          assert.equal((await w.confirm(again, { holdId: hold.id, patient: { kind: 'self' } })).statusCode, 201);
        } finally {
          w.clock.set(before);
        }
      });

      it('unblocking a patient who is not blocked forgives nothing', async () => {
        const before = w.clock.now().toISOString();
        try {
          const patient = await w.signIn({ firstName: 'Olivier', lastName: 'Perrin' });
          const { ids, doctor } = await missAll(patient, ['2026-04-13T08:00:00.000Z', '2026-04-14T08:00:00.000Z'], '2026-04-14T09:00:00Z');
          const { patientId } = (await w.practice('GET', `/appointments/${ids[0]}`, undefined, { caller: doctor })).json().patient;
          w.clock.set('2026-04-14T09:10:00Z');
          const card = (await w.practice('PATCH', `/patients/${patientId}`, { blocked: false }, { caller: doctor })).json().patient;
          assert.deepEqual([card.noShows, card.noShowsForgivenAt], [2, null]);
        } finally {
          w.clock.set(before);
        }
      });
    });

    it('answers 404 for a Créneau patient who never booked with this practitioner', async () => {
      const stranger = await w.signIn();
      const holder = await w.t.db.selectFrom('patients').select('id').where('account_id', '=', stranger.accountId).executeTakeFirstOrThrow();
      assert.equal((await w.practice('PATCH', `/patients/${holder.id}`, { blocked: true })).statusCode, 404);
    });
  });

  describe('notifications switched off (E4)', () => {
    it('per patient: no message for their next appointment, which stays in their « Mes rendez-vous »', async () => {
      const patient = await w.signIn({ email: 'lou.marchand@example.fr', firstName: 'Lou', lastName: 'Marchand' });
      const first = (await bookOnline(patient)).json().appointment;
      assert.ok((await intentKinds(w, first.id)).includes('confirmation'));
      const off = await w.practice('PATCH', `/patients/${first.patient.id}`, { notificationsOff: true });
      assert.equal(off.json().patient.notificationsOff, true);
      const second = (await bookOnline(patient)).json().appointment;
      assert.deepEqual(await intentKinds(w, second.id), []);
      const desk = await w.practice('POST', '/appointments', {
        placeId: w.agenda.placeId, reasonId: w.agenda.reasonId, start: nextStart(), patient: { patientId: first.patient.id },
      });
      assert.deepEqual(await intentKinds(w, desk.json().appointment.id), []);
      const mine = (await w.app.inject({ method: 'GET', url: '/api/appointments', headers: patient.headers })).json().upcoming;
      assert.ok(mine.some((view: { id: string }) => view.id === second.id));
    });

    it('per reason: no message for that reason’s appointments', async () => {
      const other = await w.newPractice();
      const as = { caller: other.staff, practitionerId: other.agenda.practitionerId };
      assert.equal((await w.practice('PATCH', `/reasons/${other.agenda.reasonId}`, { notifications: false }, as)).statusCode, 200);
      const patient = await w.signIn();
      const hold = (await w.hold(patient, other.agenda, '2026-03-10T08:00:00.000Z')).json().hold;
      const booked = (await w.confirm(patient, { holdId: hold.id, patient: { kind: 'self' } })).json().appointment;
      assert.deepEqual(await intentKinds(w, booked.id), []);
    });
  });
});
