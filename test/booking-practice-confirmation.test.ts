/**
 * Practices that confirm from their own software (SPEC C9, docs/api-booking.md « Practices that confirm from their
 * own software »): the booking waits for the practice's answer, for 2 minutes at most.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { insertAgenda, type AgendaFixture } from '../src/features/availability/agenda-fixtures.ts';
import { purgeExpiredHolds } from '../src/features/booking/index.ts';
import { createPracticeToken } from '../src/features/practice-api/index.ts';
import { intentKinds, practiceWorld, type PracticeWorld } from '../src/features/practice/practice-test-world.ts';
import { bookedRows, MONDAY_7AM, type Caller } from './support/booking.ts';

const TUESDAY_9AM = '2026-03-03T08:00:00.000Z';

describe('a practice confirming online bookings from its own software (C9)', () => {
  let w: PracticeWorld;
  before(async () => { w = await practiceWorld(); });
  after(async () => w.close());

  interface Asked { agenda: AgendaFixture; practice: Record<string, string>; me: Caller; holdId: string; key: string }

  /** A practitioner confirming from its software, its token, and a patient who held Tuesday 09:00 there. */
  const flaggedPractice = async () => {
    w.clock.set(MONDAY_7AM);
    const agenda = await insertAgenda(w.t.db);
    await w.t.db.updateTable('practitioners').set({ confirms_from_software: true }).where('id', '=', agenda.practitionerId).execute();
    const token = await createPracticeToken(w.t.db, agenda.practitionerId, 'software', w.clock.now());
    const me = await w.signIn({ firstName: 'Camille', lastName: 'Martin' });
    const hold = await w.hold(me, agenda, TUESDAY_9AM);
    assert.equal(hold.statusCode, 201, hold.body);
    return { agenda, practice: { authorization: `Bearer ${token!.token}` }, me, holdId: hold.json().hold.id as string };
  };
  /** The patient confirms for themselves and the practice is asked (202). */
  const asked = async (): Promise<Asked> => {
    const world = await flaggedPractice();
    const key = randomUUID();
    const res = await w.confirm(world.me, { holdId: world.holdId, patient: { kind: 'self' } }, key);
    assert.equal(res.statusCode, 202, res.body);
    return { ...world, key };
  };
  const pendingOf = (me: Caller, holdId: string) => w.app.inject({ method: 'GET', url: `/api/appointments/pending/${holdId}`, headers: me.headers });
  const answer = (a: { practice: Record<string, string> }, holdId: string, accept: boolean) => w.app.inject({
    method: 'POST', url: `/api/practice/confirmations/${holdId}`, headers: a.practice, payload: { accept },
  });
  const waitingList = (a: { practice: Record<string, string> }) =>
    w.app.inject({ method: 'GET', url: '/api/practice/confirmations', headers: a.practice });
  const holdRow = (id: string) => w.t.db.selectFrom('appointments').selectAll().where('id', '=', id).executeTakeFirst();
  const pendingRow = (id: string) => w.t.db.selectFrom('pending_confirmations').selectAll().where('hold_id', '=', id).executeTakeFirst();

  it('asks the practice instead of booking: 202 with answerBy 2 minutes on, the request stored, the hold kept until then', async () => {
    const world = await flaggedPractice();
    w.clock.advanceMinutes(3);
    const res = await w.confirm(world.me, { holdId: world.holdId, patient: { kind: 'self' } });
    assert.equal(res.statusCode, 202, res.body);
    assert.deepEqual(res.json(), { pending: { holdId: world.holdId, answerBy: '2026-03-02T06:05:00.000Z' } });
    const row = await holdRow(world.holdId);
    assert.equal(row?.status, 'held');
    assert.equal(row?.hold_expires_at?.toISOString(), '2026-03-02T06:05:00.000Z');
    const pending = await pendingRow(world.holdId);
    assert.equal(pending?.account_id, world.me.accountId);
    assert.equal(pending?.outcome, null);
    assert.equal((await bookedRows(w.t, world.agenda.practitionerId)).length, 0);
  });

  it('answers the same 202 when the same request key comes again while waiting', async () => {
    const a = await asked();
    w.clock.advanceMinutes(1);
    const again = await w.confirm(a.me, { holdId: a.holdId, patient: { kind: 'self' } }, a.key);
    assert.equal(again.statusCode, 202, again.body);
    assert.deepEqual(again.json(), { pending: { holdId: a.holdId, answerBy: '2026-03-02T06:02:00.000Z' } });
    assert.equal((await w.t.db.selectFrom('pending_confirmations').select('hold_id').where('account_id', '=', a.me.accountId!).execute()).length, 1);
  });

  it('shows the practice what waits, oldest first, with the patient’s identity', async () => {
    const a = await asked();
    const res = await waitingList(a);
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json().confirmations, [{
      holdId: a.holdId, requestedAt: '2026-03-02T06:00:00.000Z', answerBy: '2026-03-02T06:02:00.000Z',
      start: TUESDAY_9AM, end: '2026-03-03T08:30:00.000Z', placeId: a.agenda.placeId, reasonId: a.agenda.reasonId,
      patient: { firstName: 'Camille', lastName: 'Martin', birthDate: (await pendingIdentity(a)).birthDate },
    }]);
  });
  const pendingIdentity = async (a: Asked) => w.t.db.selectFrom('patients').select(['birth_date as birthDate'])
    .where('account_id', '=', a.me.accountId!).where('is_holder', '=', true).executeTakeFirstOrThrow();

  it('books on acceptance (200), with its confirmation message, and the patient’s page then shows the appointment', async () => {
    const a = await asked();
    w.clock.advanceMinutes(1);
    const res = await answer(a, a.holdId, true);
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), { appointment: { id: a.holdId, status: 'booked', start: TUESDAY_9AM, end: '2026-03-03T08:30:00.000Z' } });
    const row = await holdRow(a.holdId);
    assert.equal(row?.status, 'booked');
    assert.equal(row?.booked_at?.toISOString(), '2026-03-02T06:01:00.000Z');
    assert.ok((await intentKinds(w, a.holdId)).includes('confirmation'));
    const pending = await pendingOf(a.me, a.holdId);
    assert.equal(pending.statusCode, 200, pending.body);
    assert.equal(pending.json().status, 'booked');
    assert.equal(pending.json().appointment.id, a.holdId);
    assert.equal(pending.json().appointment.status, 'booked');
    const again = await answer(a, a.holdId, true);
    assert.deepEqual({ status: again.statusCode, body: again.json() }, { status: 200, body: res.json() });
    const sameKey = await w.confirm(a.me, { holdId: a.holdId, patient: { kind: 'self' } }, a.key);
    assert.equal(sameKey.statusCode, 200, sameKey.body);
    assert.equal(sameKey.json().appointment.id, a.holdId);
    assert.equal((await waitingList(a)).json().confirmations.length, 0);
  });

  it('releases the slot on refusal (204): the patient is told, and someone else can hold it', async () => {
    const a = await asked();
    const res = await answer(a, a.holdId, false);
    assert.equal(res.statusCode, 204, res.body);
    assert.equal(await holdRow(a.holdId), undefined);
    assert.deepEqual((await pendingOf(a.me, a.holdId)).json(), { status: 'refused' });
    assert.equal((await answer(a, a.holdId, true)).statusCode, 204, 'already answered: the same answer');
    const sameKey = await w.confirm(a.me, { holdId: a.holdId, patient: { kind: 'self' } }, a.key);
    assert.equal(sameKey.statusCode, 202, 'the same key: the same 202, whose page tells the refusal');
    const other = await w.signIn();
    assert.equal((await w.hold(other, a.agenda, TUESDAY_9AM)).statusCode, 201);
  });

  it('without an answer by answerBy: the patient sees timed_out with the practice’s phone, a late acceptance is 410, the slot is freed', async () => {
    const a = await asked();
    assert.deepEqual((await pendingOf(a.me, a.holdId)).json(), { status: 'waiting', answerBy: '2026-03-02T06:02:00.000Z' });
    w.clock.advanceMinutes(2);
    assert.deepEqual((await pendingOf(a.me, a.holdId)).json(), { status: 'timed_out', phone: '02 40 00 00 00' });
    assert.equal((await waitingList(a)).json().confirmations.length, 0);
    const late = await answer(a, a.holdId, true);
    assert.equal(late.statusCode, 410, late.body);
    assert.equal(late.json().code, 'confirmation_expired');
    assert.equal((await bookedRows(w.t, a.agenda.practitionerId)).length, 0);
    await purgeExpiredHolds(w.t.db, w.clock.now());
    assert.equal(await holdRow(a.holdId), undefined);
    const other = await w.signIn();
    assert.equal((await w.hold(other, a.agenda, TUESDAY_9AM)).statusCode, 201);
  });

  it('hides a request from another account (404) and from another practitioner’s token (404)', async () => {
    const a = await asked();
    const stranger = await w.signIn();
    const seen = await pendingOf(stranger, a.holdId);
    assert.equal(seen.statusCode, 404);
    assert.equal(seen.json().code, 'confirmation_not_found');
    const elsewhere = await flaggedPractice();
    assert.equal((await answer(elsewhere, a.holdId, true)).statusCode, 404);
    assert.equal((await answer(elsewhere, randomUUID(), true)).statusCode, 404);
    assert.equal((await waitingList(elsewhere)).json().confirmations.some((c: { holdId: string }) => c.holdId === a.holdId), false);
    assert.equal((await holdRow(a.holdId))?.status, 'held');
  });

  it('still refuses by the booking rules before asking: a blocked patient gets 403 and nothing is stored', async () => {
    const world = await flaggedPractice();
    const holder = await w.t.db.selectFrom('patients').select('id').where('account_id', '=', world.me.accountId!).executeTakeFirstOrThrow();
    await w.t.db.insertInto('patient_files').values({
      practitioner_id: world.agenda.practitionerId, patient_id: holder.id, first_name: 'Camille', last_name: 'Martin',
      blocked_at: new Date('2026-01-01T00:00:00Z'),
    }).execute();
    const res = await w.confirm(world.me, { holdId: world.holdId, patient: { kind: 'self' } });
    assert.equal(res.statusCode, 403, res.body);
    assert.equal(res.json().code, 'blocked_by_practice');
    assert.equal(await pendingRow(world.holdId), undefined);
  });

  it('creates a new relative at once and keeps it among « Mes proches » when the practice refuses', async () => {
    const world = await flaggedPractice();
    const res = await w.confirm(world.me, {
      holdId: world.holdId, patient: { kind: 'new_relative', relative: { firstName: 'Léa', lastName: 'Martin', birthDate: '2015-06-01' } },
    });
    assert.equal(res.statusCode, 202, res.body);
    assert.equal((await answer(world, world.holdId, false)).statusCode, 204);
    const relatives = await w.t.db.selectFrom('patients').select('first_name')
      .where('account_id', '=', world.me.accountId!).where('is_holder', '=', false).where('removed_at', 'is', null).execute();
    assert.deepEqual(relatives.map((r) => r.first_name), ['Léa']);
  });

  it('books at once (201) with a practitioner that does not confirm from its software', async () => {
    w.clock.set(MONDAY_7AM);
    const agenda = await insertAgenda(w.t.db);
    const me = await w.signIn();
    const hold = (await w.hold(me, agenda, TUESDAY_9AM)).json().hold;
    const res = await w.confirm(me, { holdId: hold.id, patient: { kind: 'self' } });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(await pendingRow(hold.id), undefined);
  });

  it('lets the practice switch it on in its settings with edit_settings only (a secretary who may only view gets 403)', async () => {
    const viewer = await w.secretary(w.agenda.practitionerId, ['view']);
    const refused = await w.practice('PATCH', '/settings', { confirmsFromSoftware: true }, { caller: viewer });
    assert.equal(refused.statusCode, 403, refused.body);
    assert.equal((await w.practice('GET', '/settings')).json().confirmsFromSoftware, false);
    const res = await w.practice('PATCH', '/settings', { confirmsFromSoftware: true });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().confirmsFromSoftware, true);
    assert.equal((await w.practice('GET', '/settings')).json().confirmsFromSoftware, true);
    const me = await w.signIn();
    const hold = (await w.hold(me, w.agenda, TUESDAY_9AM)).json().hold;
    assert.equal((await w.confirm(me, { holdId: hold.id, patient: { kind: 'self' } })).statusCode, 202);
  });
});
