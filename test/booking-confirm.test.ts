/** Confirming a hold (SPEC C2–C4, C7, C8, docs/api-booking.md « Confirming »): who it is for, ownership, expiry, idempotency. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { insertAgenda, type AgendaFixture } from '../src/features/availability/agenda-fixtures.ts';
import { bookedRows, bookingWorld, MONDAY_7AM, type BookingWorld, type Caller } from './support/booking.ts';

const TUESDAY_9AM = '2026-03-03T08:00:00.000Z';

describe('confirming a hold', () => {
  let w: BookingWorld;

  before(async () => {
    w = await bookingWorld();
  });
  after(async () => w.close());

  /** A fresh agenda, a signed-in patient and their hold on Tuesday 09:00. */
  const heldByNewPatient = async (fields = {}) => {
    w.clock.set(MONDAY_7AM);
    const agenda = await insertAgenda(w.t.db);
    const me = await w.signIn(fields);
    const hold = (await w.hold(me, agenda, TUESDAY_9AM)).json().hold;
    return { agenda, me, hold };
  };
  const forSelf = (holdId: string, extra: Record<string, unknown> = {}) => ({ holdId, patient: { kind: 'self' }, ...extra });
  const rowOf = (id: string) => w.t.db.selectFrom('appointments').selectAll().where('id', '=', id).executeTakeFirst();

  it('books the held slot for the account holder', async () => {
    const { agenda, me, hold } = await heldByNewPatient({ firstName: 'Camille', lastName: 'Martin' });
    w.clock.advanceMinutes(3);
    const res = await w.confirm(me, forSelf(hold.id));
    assert.equal(res.statusCode, 201);
    const { appointment } = res.json();
    assert.equal(appointment.id, hold.id);
    assert.equal(appointment.status, 'booked');
    assert.equal(appointment.start, TUESDAY_9AM);
    assert.deepEqual({ ...appointment.patient, id: undefined }, { id: undefined, firstName: 'Camille', lastName: 'Martin', isHolder: true });
    assert.equal(appointment.bookedAt, '2026-03-02T06:03:00.000Z');
    assert.equal(appointment.cancellation, 'online');
    assert.equal(appointment.practitioner.phone, '+33240000000');
    const row = await rowOf(hold.id);
    assert.equal(row?.status, 'booked');
    assert.equal(row?.hold_expires_at, null);
    assert.equal(row?.account_id, me.accountId);
    assert.ok(row?.patient_id);
    assert.equal((await bookedRows(w.t, agenda.practitionerId)).length, 1);
  });

  it('answers the same appointment (200) when the same request key comes again, and books once', async () => {
    const { agenda, me, hold } = await heldByNewPatient();
    const key = randomUUID();
    const first = await w.confirm(me, forSelf(hold.id), key);
    const again = await w.confirm(me, forSelf(hold.id), key);
    assert.equal(first.statusCode, 201);
    assert.equal(again.statusCode, 200);
    assert.deepEqual(again.json(), first.json());
    assert.equal((await bookedRows(w.t, agenda.practitionerId)).length, 1);
  });

  it('answers the same appointment when its hold is confirmed again with a lost key; to anyone else it is not theirs', async () => {
    const { agenda, me, hold } = await heldByNewPatient();
    const first = await w.confirm(me, forSelf(hold.id));
    const again = await w.confirm(me, forSelf(hold.id));
    assert.equal(again.statusCode, 200);
    assert.equal(again.json().appointment.id, first.json().appointment.id);
    const stranger = await w.signIn();
    const theirs = await w.confirm(stranger, forSelf(hold.id));
    assert.equal(theirs.statusCode, 403);
    assert.equal(theirs.json().code, 'hold_not_yours');
    assert.equal((await bookedRows(w.t, agenda.practitionerId)).length, 1);
  });

  it('refuses a confirmation without an Idempotency-Key (400) or without a session (401), keeping the hold', async () => {
    const { me, hold } = await heldByNewPatient();
    const noKey = await w.app.inject({ method: 'POST', url: '/api/appointments', headers: me.headers, payload: forSelf(hold.id) });
    assert.equal(noKey.statusCode, 400);
    const anonymous = await w.anonymous();
    assert.equal((await w.confirm(anonymous, forSelf(hold.id))).statusCode, 401);
    assert.equal((await rowOf(hold.id))?.status, 'held');
  });

  it('refuses a hold whose 15 minutes are over (410); someone else has meanwhile held the slot', async () => {
    const { agenda, me, hold } = await heldByNewPatient();
    w.clock.advanceMinutes(15);
    const other = await w.signIn();
    assert.equal((await w.hold(other, agenda, TUESDAY_9AM)).statusCode, 201);
    const res = await w.confirm(me, forSelf(hold.id));
    assert.equal(res.statusCode, 410);
    assert.equal(res.json().code, 'hold_expired');
    assert.equal(res.json().message, 'Ce créneau ne vous est plus réservé : le délai de 15 minutes est dépassé. Choisissez à nouveau un créneau.');
    assert.equal((await bookedRows(w.t, agenda.practitionerId)).length, 0);
  });

  it('refuses an expired hold even when nothing purged it yet', async () => {
    const { me, hold } = await heldByNewPatient();
    w.clock.advanceMinutes(16);
    assert.equal((await w.confirm(me, forSelf(hold.id))).statusCode, 410);
  });

  it('refuses to confirm another account’s hold (403 hold_not_yours) and leaves it to its owner', async () => {
    const { me, hold } = await heldByNewPatient();
    const stranger = await w.signIn();
    const res = await w.confirm(stranger, forSelf(hold.id));
    assert.equal(res.statusCode, 403);
    assert.equal(res.json().code, 'hold_not_yours');
    assert.equal((await rowOf(hold.id))?.account_id, me.accountId);
    assert.equal((await w.confirm(me, forSelf(hold.id))).statusCode, 201);
  });

  it('books a hold taken before login once the patient signs in and presents its token', async () => {
    w.clock.set(MONDAY_7AM);
    const agenda = await insertAgenda(w.t.db);
    const browser = await w.anonymous();
    const { hold, holdToken } = (await w.hold(browser, agenda, TUESDAY_9AM)).json();
    w.clock.advanceMinutes(5); // signing up takes a while
    const me = await w.signIn();
    const withoutToken = await w.confirm(me, forSelf(hold.id));
    assert.equal(withoutToken.statusCode, 403);
    const res = await w.confirm(me, forSelf(hold.id, { holdToken }));
    assert.equal(res.statusCode, 201);
    const row = await rowOf(hold.id);
    assert.equal(row?.account_id, me.accountId);
    assert.equal(row?.hold_token_hash, null);
  });

  it('lets nobody else claim a hold taken before login, even with a session', async () => {
    w.clock.set(MONDAY_7AM);
    const agenda = await insertAgenda(w.t.db);
    const browser = await w.anonymous();
    const { hold } = (await w.hold(browser, agenda, TUESDAY_9AM)).json();
    const stranger = await w.signIn();
    const res = await w.confirm(stranger, forSelf(hold.id, { holdToken: 'A'.repeat(43) }));
    assert.equal(res.statusCode, 403);
    assert.equal((await rowOf(hold.id))?.account_id, null);
  });

  it('fills « Mon compte » with the identity typed at booking when it was empty', async () => {
    const { me, hold } = await heldByNewPatient();
    await w.t.db.updateTable('patients').set({ first_name: null, last_name: null, birth_date: null })
      .where('account_id', '=', me.accountId).execute();
    const without = await w.confirm(me, forSelf(hold.id));
    assert.equal(without.statusCode, 400);
    assert.equal(without.json().code, 'identity_required');
    const identity = { civility: 'mme', firstName: '  Zoé ', lastName: 'Lefèvre', birthDate: '1985-06-01' };
    const res = await w.confirm(me, forSelf(hold.id, { patient: { kind: 'self', identity } }));
    assert.equal(res.statusCode, 201);
    assert.equal(res.json().appointment.patient.firstName, 'Zoé');
    const holder = await w.t.db.selectFrom('patients').selectAll().where('account_id', '=', me.accountId).where('is_holder', '=', true).executeTakeFirstOrThrow();
    assert.deepEqual([holder.civility, holder.first_name, holder.last_name, holder.birth_date], ['mme', 'Zoé', 'Lefèvre', '1985-06-01']);
  });

  it('keeps the identity already in « Mon compte » over a typed one', async () => {
    const { me, hold } = await heldByNewPatient({ firstName: 'Camille', lastName: 'Martin', birthDate: '1990-04-12' });
    await w.t.db.updateTable('patients').set({ civility: 'm' }).where('account_id', '=', me.accountId).execute();
    const identity = { civility: 'mme', firstName: 'Autre', lastName: 'Nom', birthDate: '2001-01-01' };
    const res = await w.confirm(me, forSelf(hold.id, { patient: { kind: 'self', identity } }));
    assert.equal(res.json().appointment.patient.firstName, 'Camille');
  });

  it('books for one of the account’s relatives', async () => {
    const { me, hold } = await heldByNewPatient();
    const relative = await w.t.db.insertInto('patients').values({
      account_id: me.accountId, is_holder: false, first_name: 'Léo', last_name: 'Martin', birth_date: '2018-09-30',
    }).returning('id').executeTakeFirstOrThrow();
    const res = await w.confirm(me, forSelf(hold.id, { patient: { kind: 'relative', relativeId: relative.id } }));
    assert.equal(res.statusCode, 201);
    assert.deepEqual(res.json().appointment.patient, { id: relative.id, firstName: 'Léo', lastName: 'Martin', isHolder: false });
    const read = await w.app.inject({ method: 'GET', url: `/api/appointments/${hold.id}`, headers: me.headers });
    assert.deepEqual(read.json().appointment, res.json().appointment, 'the confirmation answers the appointment as it reads');
  });

  it('refuses to book for another account’s relative (404) and keeps the hold', async () => {
    const { me, hold } = await heldByNewPatient();
    const other = await w.signIn();
    const theirs = await w.t.db.insertInto('patients').values({
      account_id: other.accountId, is_holder: false, first_name: 'Inès', last_name: 'Roux', birth_date: '2015-01-01',
    }).returning('id').executeTakeFirstOrThrow();
    const res = await w.confirm(me, forSelf(hold.id, { patient: { kind: 'relative', relativeId: theirs.id } }));
    assert.equal(res.statusCode, 404);
    assert.equal((await rowOf(hold.id))?.status, 'held');
  });

  it('creates a new relative in the same transaction as the booking', async () => {
    const { me, hold } = await heldByNewPatient();
    const relative = { civility: 'm', firstName: 'Hugo', lastName: 'Martin', birthDate: '2020-02-29' };
    const res = await w.confirm(me, forSelf(hold.id, { patient: { kind: 'new_relative', relative } }));
    assert.equal(res.statusCode, 201);
    const { patient } = res.json().appointment;
    assert.equal(patient.isHolder, false);
    const row = await w.t.db.selectFrom('patients').selectAll().where('id', '=', patient.id).executeTakeFirstOrThrow();
    assert.deepEqual([row.account_id, row.first_name, row.birth_date], [me.accountId, 'Hugo', '2020-02-29']);
  });

  it('creates no relative when the booking is refused', async () => {
    const { hold } = await heldByNewPatient();
    const stranger = await w.signIn();
    const relative = { firstName: 'Hugo', lastName: 'Martin', birthDate: '2020-02-29' };
    assert.equal((await w.confirm(stranger, forSelf(hold.id, { patient: { kind: 'new_relative', relative } }))).statusCode, 403);
    const relatives = await w.t.db.selectFrom('patients').select('id').where('account_id', '=', stranger.accountId).where('is_holder', '=', false).execute();
    assert.equal(relatives.length, 0);
  });

  it('books two patients on one slot of a capacity-2 reason and refuses a third', async () => {
    w.clock.set(MONDAY_7AM);
    const agenda: AgendaFixture = await insertAgenda(w.t.db, { capacity: 2 });
    const patients: Caller[] = [await w.signIn(), await w.signIn(), await w.signIn()];
    for (const patient of patients.slice(0, 2)) {
      const hold = (await w.hold(patient, agenda, TUESDAY_9AM)).json().hold;
      assert.equal((await w.confirm(patient, forSelf(hold.id))).statusCode, 201);
    }
    const third = await w.hold(patients[2]!, agenda, TUESDAY_9AM);
    assert.equal(third.statusCode, 409);
    assert.equal(third.json().code, 'slot_taken');
    assert.equal((await bookedRows(w.t, agenda.practitionerId)).length, 2);
  });
});
