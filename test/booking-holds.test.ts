/** Holding a slot (SPEC C2, docs/api-booking.md « Holding a slot »): POST/GET/DELETE /api/holds. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import {
  insertAbsence, insertAgenda, insertAppointment, insertReason, insertReplacement, NANTES, type AgendaFixture,
} from '../src/features/availability/agenda-fixtures.ts';
import { announceAgendaChange } from '../src/features/availability/index.ts';
import { bookingWorld, MONDAY_7AM, type BookingWorld } from './support/booking.ts';

// Tuesday 3 March 2026, 09:00 Paris: a slot of the fixture agendas (30 minutes).
const TUESDAY_9AM = '2026-03-03T08:00:00.000Z';

describe('holding a slot', () => {
  let w: BookingWorld;
  let agenda: AgendaFixture;

  before(async () => {
    w = await bookingWorld();
  });
  after(async () => w.close());

  const freeStarts = async (a: AgendaFixture, date: string) => {
    const res = await w.app.inject({ method: 'GET', url: `/api/practitioners/${a.practitionerId}/availability?place=${a.placeId}&reason=${a.reasonId}&from=${date}&days=1` });
    return (res.json().calendar[0].slots as { start: string; remaining: number }[]);
  };
  const liveRows = async (a: AgendaFixture) => w.t.db.selectFrom('appointments').selectAll()
    .where('practitioner_id', '=', a.practitionerId).where('status', 'in', ['held', 'booked']).execute();

  it('holds a free slot for 15 minutes and describes it for the confirmation page', async () => {
    w.clock.set(MONDAY_7AM);
    agenda = await insertAgenda(w.t.db);
    const me = await w.signIn();
    const res = await w.hold(me, agenda, TUESDAY_9AM);
    assert.equal(res.statusCode, 201);
    const { hold, holdToken } = res.json();
    assert.equal(holdToken, undefined, 'a signed-in patient needs no hold token');
    assert.equal(hold.start, TUESDAY_9AM);
    assert.equal(hold.end, '2026-03-03T08:30:00.000Z');
    assert.equal(hold.expiresAt, '2026-03-02T06:15:00.000Z');
    assert.match(hold.practitioner.name, /^Dr Hélène Dupont\d+$/);
    assert.equal(hold.practitioner.specialty, 'Médecin généraliste');
    assert.deepEqual(hold.place, { id: agenda.placeId, name: null, address: '3 rue de la Paix', postalCode: '44000', city: 'Nantes' });
    assert.deepEqual(hold.reason, {
      id: agenda.reasonId, label: 'Consultation', video: false, priceCents: 2650, instructions: null,
      referralRequired: false, minAgeYears: null, maxAgeYears: null,
    });
    assert.equal(hold.earlierVideo, null);
    assert.equal(hold.replacement, false);
    const rows = await liveRows(agenda);
    assert.deepEqual(rows.map((r) => [r.status, r.account_id]), [['held', me.accountId]]);
  });

  it('takes the held slot out of everyone else’s calendar, and refuses it to a second patient with 409 slot_taken', async () => {
    const starts = (await freeStarts(agenda, '2026-03-03')).map((slot) => slot.start);
    assert.ok(!starts.includes(TUESDAY_9AM));
    const other = await w.signIn();
    const res = await w.hold(other, agenda, TUESDAY_9AM);
    assert.equal(res.statusCode, 409);
    assert.equal(res.json().code, 'slot_taken');
    assert.equal(res.json().message, 'Ce créneau vient d’être pris. Choisissez-en un autre.');
  });

  it('refuses a start that is not a slot of the agenda: off the grid, in the past, on a closed day, centuries away', async () => {
    const me = await w.signIn();
    const starts = ['2026-03-03T08:10:00.000Z', '2026-03-02T05:30:00.000Z', '2026-03-07T09:00:00.000Z', '9999-12-31T23:30:00Z', '0001-01-01T08:00:00Z'];
    for (const start of starts) {
      const res = await w.hold(me, agenda, start);
      assert.equal(res.statusCode, 409, start);
      assert.equal(res.json().code, 'slot_taken');
    }
  });

  it('keeps one hold per patient and practitioner: a new hold releases the previous one', async () => {
    const a = await insertAgenda(w.t.db);
    const me = await w.signIn();
    assert.equal((await w.hold(me, a, TUESDAY_9AM)).statusCode, 201);
    assert.equal((await w.hold(me, a, '2026-03-03T08:30:00.000Z')).statusCode, 201);
    const rows = await liveRows(a);
    assert.deepEqual(rows.map((r) => r.starts_at.toISOString()), ['2026-03-03T08:30:00.000Z']);
    assert.ok((await freeStarts(a, '2026-03-03')).some((slot) => slot.start === TUESDAY_9AM));
  });

  it('keeps the previous hold when the new one is refused', async () => {
    const a = await insertAgenda(w.t.db);
    await insertAppointment(w.t.db, a, '2026-03-03T09:00:00Z', '2026-03-03T09:30:00Z');
    const me = await w.signIn();
    assert.equal((await w.hold(me, a, TUESDAY_9AM)).statusCode, 201);
    assert.equal((await w.hold(me, a, '2026-03-03T09:00:00.000Z')).statusCode, 409);
    const held = (await liveRows(a)).filter((r) => r.status === 'held');
    assert.deepEqual(held.map((r) => r.starts_at.toISOString()), [TUESDAY_9AM]);
  });

  it('lets a patient choose the slot they already hold again', async () => {
    const a = await insertAgenda(w.t.db);
    const me = await w.signIn();
    assert.equal((await w.hold(me, a, TUESDAY_9AM)).statusCode, 201);
    assert.equal((await w.hold(me, a, TUESDAY_9AM)).statusCode, 201);
    assert.equal((await liveRows(a)).length, 1);
  });

  it('frees the slot for everyone once the 15 minutes are over; the holder then sees it expired (410)', async () => {
    w.clock.set(MONDAY_7AM);
    const a = await insertAgenda(w.t.db);
    const first = await w.signIn();
    const second = await w.signIn();
    const held = (await w.hold(first, a, TUESDAY_9AM)).json().hold;
    w.clock.advanceMinutes(14);
    assert.equal((await w.hold(second, a, TUESDAY_9AM)).statusCode, 409, 'still held at 14 minutes');
    assert.equal((await w.app.inject({ method: 'GET', url: `/api/holds/${held.id}`, headers: first.headers })).statusCode, 200);
    w.clock.advanceMinutes(1);
    const seen = await w.app.inject({ method: 'GET', url: `/api/holds/${held.id}`, headers: first.headers });
    assert.equal(seen.statusCode, 410);
    assert.equal(seen.json().code, 'hold_expired');
    assert.equal((await w.hold(second, a, TUESDAY_9AM)).statusCode, 201, 'free again at 15 minutes');
    const rows = await liveRows(a);
    assert.deepEqual(rows.map((r) => r.account_id), [second.accountId], 'the expired hold was deleted');
  });

  it('shows a hold to its owner only: another account gets 404, for reading and releasing', async () => {
    w.clock.set(MONDAY_7AM);
    const a = await insertAgenda(w.t.db);
    const owner = await w.signIn();
    const stranger = await w.signIn();
    const held = (await w.hold(owner, a, TUESDAY_9AM)).json().hold;
    const seen = await w.app.inject({ method: 'GET', url: `/api/holds/${held.id}`, headers: stranger.headers });
    assert.equal(seen.statusCode, 404);
    assert.ok(!seen.body.includes(TUESDAY_9AM));
    const released = await w.app.inject({ method: 'DELETE', url: `/api/holds/${held.id}`, headers: stranger.headers });
    assert.equal(released.statusCode, 404);
    assert.equal((await liveRows(a)).length, 1);
    const mine = await w.app.inject({ method: 'GET', url: `/api/holds/${held.id}`, headers: owner.headers });
    assert.equal(mine.json().hold.id, held.id);
  });

  it('releases a hold (DELETE → 204): the slot is free again', async () => {
    const a = await insertAgenda(w.t.db);
    const me = await w.signIn();
    const held = (await w.hold(me, a, TUESDAY_9AM)).json().hold;
    const res = await w.app.inject({ method: 'DELETE', url: `/api/holds/${held.id}`, headers: me.headers });
    assert.equal(res.statusCode, 204);
    assert.equal((await liveRows(a)).length, 0);
    assert.ok((await freeStarts(a, '2026-03-03')).some((slot) => slot.start === TUESDAY_9AM));
  });

  it('holds for a browser without a session: a token returned once, needed to read or release the hold', async () => {
    const a = await insertAgenda(w.t.db);
    const browser = await w.anonymous();
    const res = await w.hold(browser, a, TUESDAY_9AM);
    assert.equal(res.statusCode, 201);
    const { hold, holdToken } = res.json();
    assert.match(holdToken, /^[A-Za-z0-9_-]{43}$/);
    const row = await w.t.db.selectFrom('appointments').select(['account_id', 'hold_token_hash']).where('id', '=', hold.id).executeTakeFirstOrThrow();
    assert.equal(row.account_id, null);
    assert.ok(row.hold_token_hash && !row.hold_token_hash.toString('utf8').includes(holdToken), 'only a hash is stored');
    const without = await w.app.inject({ method: 'GET', url: `/api/holds/${hold.id}`, headers: browser.headers });
    assert.equal(without.statusCode, 404);
    const withToken = await w.app.inject({ method: 'GET', url: `/api/holds/${hold.id}`, headers: { ...browser.headers, 'x-hold-token': holdToken } });
    assert.equal(withToken.statusCode, 200);
    const wrong = await w.app.inject({ method: 'GET', url: `/api/holds/${hold.id}`, headers: { ...browser.headers, 'x-hold-token': 'x'.repeat(43) } });
    assert.equal(wrong.statusCode, 404);
  });

  it('lets the same browser change its anonymous hold by presenting the previous token', async () => {
    const a = await insertAgenda(w.t.db);
    const browser = await w.anonymous();
    const first = (await w.hold(browser, a, TUESDAY_9AM)).json();
    const second = await w.hold({ ...browser, headers: { ...browser.headers, 'x-hold-token': first.holdToken } }, a, '2026-03-03T08:30:00.000Z');
    assert.equal(second.statusCode, 201);
    assert.deepEqual((await liveRows(a)).map((r) => r.starts_at.toISOString()), ['2026-03-03T08:30:00.000Z']);
  });

  it('lets two patients hold the same slot of a capacity-2 reason and refuses a third', async () => {
    const a = await insertAgenda(w.t.db, { capacity: 2 });
    const [p1, p2, p3] = [await w.signIn(), await w.signIn(), await w.signIn()];
    assert.equal((await w.hold(p1, a, TUESDAY_9AM)).statusCode, 201);
    assert.equal((await freeStarts(a, '2026-03-03')).find((slot) => slot.start === TUESDAY_9AM)?.remaining, 1);
    assert.equal((await w.hold(p2, a, TUESDAY_9AM)).statusCode, 201);
    const third = await w.hold(p3, a, TUESDAY_9AM);
    assert.equal(third.statusCode, 409);
    assert.equal(third.json().code, 'slot_taken');
    const groups = new Set((await liveRows(a)).map((r) => r.slot_group));
    assert.equal(groups.size, 1, 'the two rows share the group slot');
  });

  it('joins a group session booked elsewhere (demo or practice data) under that session’s own group', async () => {
    const a = await insertAgenda(w.t.db, { capacity: 2 });
    await insertAppointment(w.t.db, a, '2026-03-03T08:00:00Z', '2026-03-03T08:30:00Z'); // its own random group
    const res = await w.hold(await w.signIn(), a, TUESDAY_9AM);
    assert.equal(res.statusCode, 201);
    assert.equal(new Set((await liveRows(a)).map((r) => r.slot_group)).size, 1);
    assert.equal((await w.hold(await w.signIn(), a, TUESDAY_9AM)).statusCode, 409, 'and the session is full');
  });

  it('proposes an earlier video consultation of the practitioner (C10)', async () => {
    w.clock.set(MONDAY_7AM);
    const a = await insertAgenda(w.t.db, { weekdays: [3] }); // Wednesdays only
    const videoReason = await insertReason(w.t.db, a.practitionerId, { video: true, durationMinutes: 15 });
    await sql`insert into opening_rules (practitioner_id, place_id, weekday, start_time, end_time, reason_ids)
              values (${a.practitionerId}, ${a.placeId}, 2, '10:00', '11:00', array[${videoReason}]::bigint[])`.execute(w.t.db);
    const me = await w.signIn();
    const res = await w.hold(me, a, '2026-03-04T08:00:00.000Z');
    assert.deepEqual(res.json().hold.earlierVideo, { start: '2026-03-03T09:00:00.000Z', reasonId: videoReason, placeId: a.placeId });
  });

  it('names the place whose agenda offers the earlier video consultation, when it is another place (C10)', async () => {
    w.clock.set(MONDAY_7AM);
    const a = await insertAgenda(w.t.db, { weekdays: [3] });
    const videoReason = await insertReason(w.t.db, a.practitionerId, { video: true, durationMinutes: 15 });
    const other = await w.t.db.insertInto('places').values({
      practitioner_id: a.practitionerId, address: '8 quai de la Fosse', postal_code: '44000', commune_code: NANTES, latitude: 47.21, longitude: -1.56,
    }).returning('id').executeTakeFirstOrThrow();
    await sql`insert into opening_rules (practitioner_id, place_id, weekday, start_time, end_time, reason_ids)
              values (${a.practitionerId}, ${other.id}, 2, '10:00', '11:00', array[${videoReason}]::bigint[])`.execute(w.t.db);
    const res = await w.hold(await w.signIn(), a, '2026-03-04T08:00:00.000Z');
    assert.deepEqual(res.json().hold.earlierVideo, { start: '2026-03-03T09:00:00.000Z', reasonId: videoReason, placeId: other.id });
  });

  it('says when the held slot is given by the practitioner’s replacement (C1 blue dot)', async () => {
    w.clock.set(MONDAY_7AM);
    const a = await insertAgenda(w.t.db);
    await insertReplacement(w.t.db, a, '2026-03-03T08:00:00.000Z', '2026-03-03T11:00:00.000Z');
    const me = await w.signIn();
    const given = (await w.hold(me, a, TUESDAY_9AM)).json().hold;
    assert.equal(given.replacement, true);
    assert.equal((await w.app.inject({ method: 'GET', url: `/api/holds/${given.id}`, headers: me.headers })).json().hold.replacement, true);
    const before = (await w.hold(me, a, '2026-03-03T07:30:00.000Z')).json().hold;
    assert.equal(before.replacement, false, 'the slot just before the replacement starts');
  });

  it('answers 404 for an unknown practitioner or a reason of another practitioner, 400 for malformed input', async () => {
    const me = await w.signIn();
    const unknown = await w.hold(me, { ...agenda, practitionerId: '999999999' }, TUESDAY_9AM);
    assert.equal(unknown.statusCode, 404);
    const other = await insertAgenda(w.t.db);
    assert.equal((await w.hold(me, { ...agenda, reasonId: other.reasonId }, TUESDAY_9AM)).statusCode, 404);
    for (const start of ['tomorrow', '2026-02-30T08:00:00Z', '']) {
      assert.equal((await w.hold(me, agenda, start)).statusCode, 400, start);
    }
    assert.equal((await w.hold(me, { ...agenda, placeId: '1; drop table appointments' }, TUESDAY_9AM)).statusCode, 400);
  });

  it('refuses a hold without the CSRF token', async () => {
    const res = await w.app.inject({
      method: 'POST', url: '/api/holds',
      payload: { practitionerId: agenda.practitionerId, placeId: agenda.placeId, reasonId: agenda.reasonId, start: TUESDAY_9AM },
    });
    assert.equal(res.statusCode, 403);
  });
});

describe('holding a slot where agenda days are remembered (as `npm start` runs)', () => {
  let w: BookingWorld;
  before(async () => {
    w = await bookingWorld({ listSlotsCacheMs: 30_000 });
  });
  after(async () => w.close());

  it('refuses a slot the practice closed just after the day was read, once the change is announced', async () => {
    w.clock.set(MONDAY_7AM);
    const agenda = await insertAgenda(w.t.db);
    const me = await w.signIn();
    assert.equal((await w.hold(me, agenda, TUESDAY_9AM)).statusCode, 201);
    await insertAbsence(w.t.db, agenda, '2026-03-03T07:00:00Z', '2026-03-03T11:00:00Z');
    announceAgendaChange(agenda.practitionerId);
    const res = await w.hold(me, agenda, TUESDAY_9AM);
    assert.equal(res.statusCode, 409);
    assert.equal(res.json().code, 'slot_taken');
  });
});
