/**
 * The notifications outbox (SPEC E1–E5, A7, D2–D5): every booking change writes its message intents in its own
 * transaction, through the real booking API. What the worker does with them is in notifications-pipeline.test.ts.
 */
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { AgendaFixture } from '../src/features/availability/agenda-fixtures.ts';
import {
  agenda, book, hold, MONDAY_8AM, openWorld, patient, practiceHeaders, relative, type Patient, type World,
} from './booking-manage-fixtures.ts';

/** Monday 16 March 2026, 09:00 Paris: two weeks ahead of the world's clock. */
const FAR = '2026-03-16T08:00:00.000Z';
/** Wednesday 4 March 2026, 09:00 Paris: within the week. */
const NEAR = '2026-03-04T08:00:00.000Z';

describe('notifications: the outbox written by booking changes', () => {
  let world: World;
  let dr: AgendaFixture;

  before(async () => {
    world = await openWorld();
  });
  after(() => world.close());
  beforeEach(async () => {
    world.clock.now = MONDAY_8AM;
    dr = await agenda(world);
  });

  /** The intents of an appointment as [kind, channel, role, send_at ISO, state], in send order. */
  const intentsOf = async (appointmentId: string) =>
    (await world.t.db.selectFrom('notification_intents')
      .select(['kind', 'channel', 'role', 'send_at', 'state', 'outcome', 'version'])
      .where('appointment_id', '=', appointmentId).orderBy('send_at').orderBy('channel').orderBy('role').execute())
      .map((row) => [row.kind, row.channel, row.role, row.send_at.toISOString(), row.state]);

  it('a booking two weeks ahead writes the confirmation now and the 7-day email, 48 h SMS and 24 h email (E1–E3)', async () => {
    const camille = await patient(world);
    const id = await book(world, camille, dr, FAR);
    assert.deepEqual(await intentsOf(id), [
      ['confirmation', 'email', 'holder', MONDAY_8AM.toISOString(), 'pending'],
      ['reminder_7d', 'email', 'holder', '2026-03-09T08:00:00.000Z', 'pending'],
      ['reminder_sms_48h', 'sms', 'holder', '2026-03-14T08:00:00.000Z', 'pending'],
      ['reminder_24h', 'email', 'holder', '2026-03-15T08:00:00.000Z', 'pending'],
    ]);
  });

  it('a booking within the week gets one email and one SMS 24 h before', async () => {
    const camille = await patient(world);
    const id = await book(world, camille, dr, NEAR);
    assert.deepEqual((await intentsOf(id)).slice(1), [
      ['reminder_24h', 'email', 'holder', '2026-03-03T08:00:00.000Z', 'pending'],
      ['reminder_sms_24h', 'sms', 'holder', '2026-03-03T08:00:00.000Z', 'pending'],
    ]);
  });

  it('sends no SMS to a landline (E3)', async () => {
    const landline = await patient(world, { phone: '+33240123456' });
    const id = await book(world, landline, dr, FAR);
    assert.deepEqual((await intentsOf(id)).map(([kind, channel]) => `${kind}/${channel}`),
      ['confirmation/email', 'reminder_7d/email', 'reminder_24h/email']);
  });

  it('a relative with own email and mobile gets the SMS; the holder and the relative both get the emails (A7)', async () => {
    const camille = await patient(world);
    const adult = await relative(world, camille, 'Paul', '1960-01-01');
    await world.t.db.updateTable('patients').set({ email: 'paul@example.fr', phone: '+33698765432', phone_kind: 'mobile' })
      .where('id', '=', adult).execute();
    const id = await book(world, camille, dr, NEAR, adult);
    assert.deepEqual((await intentsOf(id)).map(([kind, channel, role]) => `${kind}/${channel}/${role}`), [
      'confirmation/email/holder', 'confirmation/email/relative',
      'reminder_24h/email/holder', 'reminder_24h/email/relative', 'reminder_sms_24h/sms/relative',
    ]);
  });

  it('a relative without contact of its own: everything goes to the holder (A7)', async () => {
    const camille = await patient(world);
    const child = await relative(world, camille);
    const id = await book(world, camille, dr, NEAR, child);
    assert.ok((await intentsOf(id)).every(([, , role]) => role === 'holder'));
  });

  it('confirming again with the same key writes the intents once', async () => {
    const camille = await patient(world);
    const holdId = await hold(world, camille, dr, FAR);
    const key = randomUUID();
    const confirm = () => world.app.inject({
      method: 'POST', url: '/api/appointments', headers: { ...camille.session.headers, 'idempotency-key': key },
      payload: { holdId, patient: { kind: 'self' } },
    });
    assert.equal((await confirm()).statusCode, 201);
    assert.equal((await confirm()).statusCode, 200);
    assert.equal((await intentsOf(holdId)).length, 4);
  });

  it('cancelling drops the pending reminders and writes the cancellation email (D3)', async () => {
    const camille = await patient(world);
    const id = await book(world, camille, dr, FAR);
    const res = await world.app.inject({ method: 'POST', url: `/api/appointments/${id}/cancel`, headers: camille.session.headers });
    assert.equal(res.statusCode, 200, res.body);
    const rows = await intentsOf(id);
    assert.deepEqual(rows.filter(([, , , , state]) => state === 'pending'), [
      ['cancelled', 'email', 'holder', MONDAY_8AM.toISOString(), 'pending'],
    ]);
    assert.equal(rows.filter(([, , , , state]) => state === 'dropped').length, 4);
  });

  it('moving drops the old time\'s messages and plans the new time\'s, with the same calendar UID one sequence further (D2)', async () => {
    const camille = await patient(world);
    const old = await book(world, camille, dr, FAR);
    const holdId = await hold(world, camille, dr, '2026-03-18T08:00:00.000Z', old);
    const res = await world.app.inject({ method: 'POST', url: `/api/appointments/${old}/move`, headers: camille.session.headers, payload: { holdId } });
    assert.equal(res.statusCode, 200, res.body);
    assert.ok((await intentsOf(old)).every(([, , , , state]) => state === 'dropped'));
    assert.deepEqual(await intentsOf(holdId), [
      ['moved', 'email', 'holder', MONDAY_8AM.toISOString(), 'pending'],
      ['reminder_7d', 'email', 'holder', '2026-03-11T08:00:00.000Z', 'pending'],
      ['reminder_sms_48h', 'sms', 'holder', '2026-03-16T08:00:00.000Z', 'pending'],
      ['reminder_24h', 'email', 'holder', '2026-03-17T08:00:00.000Z', 'pending'],
    ]);
    const calendar = await world.t.db.selectFrom('appointment_calendar').selectAll().where('appointment_id', 'in', [old, holdId])
      .orderBy('sequence').execute();
    assert.deepEqual(calendar.map((row) => [row.appointment_id, row.uid, row.sequence]), [[old, `${old}@creneau`, 0], [holdId, `${old}@creneau`, 1]]);
  });

  it('« Remplacer par celui en cours » (C6) sends the cancellation of the replaced appointment', async () => {
    const { code } = await world.t.db.selectFrom('specialties').select('code').where('eight_day_rule', '=', true).orderBy('code').executeTakeFirstOrThrow();
    const [first, second] = [await agenda(world), await agenda(world)];
    await world.t.db.updateTable('practitioners').set({ specialty_code: code }).where('id', 'in', [first.practitionerId, second.practitionerId]).execute();
    const camille = await patient(world);
    const initial = await book(world, camille, first, FAR);
    const holdId = await hold(world, camille, second, '2026-03-17T08:00:00.000Z');
    const res = await world.app.inject({
      method: 'POST', url: '/api/appointments', headers: { ...camille.session.headers, 'idempotency-key': randomUUID() },
      payload: { holdId, patient: { kind: 'self' }, eightDayRule: 'replace' },
    });
    assert.equal(res.statusCode, 201, res.body);
    assert.deepEqual((await intentsOf(initial)).filter(([, , , , state]) => state === 'pending').map(([kind]) => kind), ['cancelled']);
    assert.equal((await intentsOf(holdId))[0]?.[0], 'confirmation');
  });

  it('a declared no-show drops what was pending and writes « Vous avez manqué votre dernier rendez-vous ? » (D5)', async () => {
    const camille = await patient(world);
    const id = await book(world, camille, dr, NEAR);
    world.clock.now = new Date('2026-03-04T08:20:00Z');
    const res = await world.app.inject({ method: 'POST', url: `/api/practice/appointments/${id}/no-show`, headers: await practiceHeaders(world, dr) });
    assert.equal(res.statusCode, 200, res.body);
    const rows = await intentsOf(id);
    assert.deepEqual(rows.filter(([, , , , state]) => state === 'pending'), [['no_show', 'email', 'holder', '2026-03-04T08:20:00.000Z', 'pending']]);
    assert.deepEqual(rows.filter(([, , , , state]) => state === 'dropped').map(([kind]) => kind), ['confirmation', 'reminder_24h', 'reminder_sms_24h']);
  });

  describe('E4: notifications switched off by the practice', () => {
    const myAppointments = async (who: Patient) =>
      (await world.app.inject({ method: 'GET', url: '/api/appointments', headers: who.session.headers })).json().upcoming.map((a: { id: string }) => a.id);

    it('for a reason: the booking writes no intent and stays in « Mes rendez-vous »', async () => {
      const at = dr;
      await world.t.db.updateTable('visit_reasons').set({ notifications: false }).where('id', '=', at.reasonId).execute();
      const camille = await patient(world);
      const id = await book(world, camille, at, FAR);
      assert.deepEqual(await intentsOf(id), []);
      assert.deepEqual(await myAppointments(camille), [id]);
    });

    it('for a patient: the practice file\'s switch stops every message of that patient with that practitioner', async () => {
      const at = dr;
      const camille = await patient(world);
      await world.t.db.insertInto('patient_files').values({
        practitioner_id: at.practitionerId, patient_id: camille.holderPatientId, first_name: 'Camille', last_name: 'Martin', notifications_off: true,
      }).execute();
      const id = await book(world, camille, at, FAR);
      assert.deepEqual(await intentsOf(id), []);
      const res = await world.app.inject({ method: 'POST', url: `/api/appointments/${id}/cancel`, headers: camille.session.headers });
      assert.equal(res.statusCode, 200);
      assert.deepEqual(await intentsOf(id), []);
      assert.equal((await intentsOf(await book(world, camille, await agenda(world), NEAR))).length, 3, 'another practitioner still notifies');
    });
  });
});
