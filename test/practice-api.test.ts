/** The practice-side API (docs/api-booking.md « Practice side »): bearer tokens, no-shows (D5), blocking patients (C5). */
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { revokePracticeToken } from '../src/features/practice-api/index.ts';
import { randomUUID } from 'node:crypto';
import { agenda, book, hold, MONDAY_8AM, openWorld, patient, practiceHeaders, signInAgain, type Patient, type World } from './booking-manage-fixtures.ts';
import type { AgendaFixture } from '../src/features/availability/agenda-fixtures.ts';

const NINE = '2026-03-02T08:00:00.000Z'; // Monday 09:00 Paris
const TEN = '2026-03-02T09:00:00.000Z';

describe('practice API: tokens, no-shows and blocks', () => {
  let world: World;
  let drA: AgendaFixture;
  let drB: AgendaFixture;
  let asA: Record<string, string>;

  before(async () => {
    world = await openWorld();
    drA = await agenda(world);
    drB = await agenda(world);
    asA = await practiceHeaders(world, drA);
  });
  after(() => world.close());
  beforeEach(() => {
    world.clock.now = MONDAY_8AM;
  });

  const noShow = (id: string, headers: Record<string, string>) =>
    world.app.inject({ method: 'POST', url: `/api/practice/appointments/${id}/no-show`, headers });

  it('declares a started appointment missed, without a CSRF token since no cookie rides along', async () => {
    const camille = await patient(world);
    const id = await book(world, camille, drA, NINE);
    world.clock.now = new Date('2026-03-02T08:20:00Z');
    const res = await noShow(id, asA);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().status, 'no_show');
    assert.equal(res.json().noShowsWithPatient, 1);
    const row = await world.t.db.selectFrom('appointments').select(['status', 'no_show_declared_at']).where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.status, 'no_show');
    assert.equal(row.no_show_declared_at?.toISOString(), '2026-03-02T08:20:00.000Z');
  });

  it('refuses to declare missed an appointment that has not started', async () => {
    const camille = await patient(world);
    const id = await book(world, camille, drA, TEN);
    world.clock.now = new Date('2026-03-02T08:59:00Z');
    const res = await noShow(id, asA);
    assert.equal(res.statusCode, 409);
    assert.equal(res.json().code, 'appointment_not_started');
  });

  it('declaring the same no-show twice counts it once', async () => {
    const camille = await patient(world);
    const id = await book(world, camille, drA, '2026-03-02T10:00:00.000Z');
    world.clock.now = new Date('2026-03-02T11:00:00Z');
    assert.equal((await noShow(id, asA)).statusCode, 200);
    world.clock.now = new Date('2026-03-02T12:00:00Z');
    const again = await noShow(id, asA);
    assert.equal(again.statusCode, 200);
    assert.equal(again.json().noShowsWithPatient, 1);
    assert.equal(again.json().declaredAt, '2026-03-02T11:00:00.000Z');
  });

  it('answers 404 for another practitioner’s appointment and for a malformed id', async () => {
    const camille = await patient(world);
    const ofB = await book(world, camille, drB, NINE);
    world.clock.now = new Date('2026-03-02T09:00:00Z');
    const res = await noShow(ofB, asA);
    assert.equal(res.statusCode, 404);
    assert.equal((await world.t.db.selectFrom('appointments').select('status').where('id', '=', ofB).executeTakeFirstOrThrow()).status, 'booked');
    assert.equal((await noShow('not-an-id', asA)).statusCode, 404);
  });

  it('refuses requests without a token (the CSRF guard, 403), with an unknown one or a revoked one (401)', async () => {
    const camille = await patient(world);
    const id = await book(world, camille, drA, '2026-03-02T13:00:00.000Z');
    world.clock.now = new Date('2026-03-02T14:00:00Z');
    assert.equal((await noShow(id, {})).statusCode, 403, 'no bearer: the CSRF guard refuses a cookieless anonymous write');
    assert.equal((await noShow(id, { authorization: `Bearer ${'x'.repeat(43)}` })).statusCode, 401);
    const revokedHeaders = await practiceHeaders(world, drA);
    await revokePracticeToken(world.t.db, revokedHeaders.authorization!.slice('Bearer '.length), world.clock.now);
    const revoked = await noShow(id, revokedHeaders);
    assert.equal(revoked.statusCode, 401);
    assert.equal(revoked.json().code, 'practice_token_required');
  });

  it('still requires the CSRF token when the bearer request also carries cookies', async () => {
    const camille = await patient(world);
    const id = await book(world, camille, drA, '2026-03-02T13:30:00.000Z');
    world.clock.now = new Date('2026-03-02T14:00:00Z');
    const res = await noShow(id, { ...asA, cookie: camille.session.cookie });
    assert.equal(res.statusCode, 403);
  });

  /** Confirms a held time for the holder; the answer tells whether online booking is allowed. */
  async function tryToBook(who: Patient, at: AgendaFixture, start: string) {
    const holdId = await hold(world, who, at, start);
    return world.app.inject({
      method: 'POST', url: '/api/appointments', headers: { ...who.session.headers, 'idempotency-key': randomUUID() },
      payload: { holdId, patient: { kind: 'self' } },
    });
  }

  it('the third declared no-show blocks online booking with that practitioner, not with others', async () => {
    const dr = await agenda(world);
    const other = await agenda(world);
    const headers = await practiceHeaders(world, dr);
    const camille = await patient(world);
    const missed = [
      await book(world, camille, dr, '2026-03-02T08:00:00.000Z'),
      await book(world, camille, dr, '2026-03-03T08:00:00.000Z'),
      await book(world, camille, dr, '2026-03-04T08:00:00.000Z'),
    ];
    world.clock.now = new Date('2026-03-04T09:00:00Z');
    for (const [index, id] of missed.entries()) {
      const res = await noShow(id, headers);
      assert.equal(res.json().noShowsWithPatient, index + 1);
      if (index < 2) assert.equal((await tryToBook(camille, dr, `2026-03-1${index}T08:00:00.000Z`)).statusCode, 201);
    }
    const refused = await tryToBook(camille, dr, '2026-03-12T08:00:00.000Z');
    assert.equal(refused.statusCode, 403);
    assert.equal(refused.json().code, 'blocked_no_shows');
    assert.equal((await tryToBook(camille, other, '2026-03-12T08:00:00.000Z')).statusCode, 201);
  });

  it('unblocking a patient blocked after three no-shows lets them book again; three new no-shows block them again', async () => {
    const dr = await agenda(world);
    const headers = await practiceHeaders(world, dr);
    const camille = await patient(world);
    const missed = [];
    for (const start of ['2026-03-02T08:00:00.000Z', '2026-03-03T08:00:00.000Z', '2026-03-04T08:00:00.000Z']) {
      missed.push(await book(world, camille, dr, start));
    }
    world.clock.now = new Date('2026-03-04T09:00:00Z');
    for (const id of missed) assert.equal((await noShow(id, headers)).statusCode, 200);
    assert.equal((await tryToBook(camille, dr, '2026-03-12T08:00:00.000Z')).json().code, 'blocked_no_shows');

    world.clock.now = new Date('2026-03-04T09:05:00Z');
    const unblock = await world.app.inject({ method: 'POST', url: `/api/practice/patients/${camille.holderPatientId}/unblock`, headers });
    assert.equal(unblock.statusCode, 204, unblock.body);
    const accepted = await tryToBook(camille, dr, '2026-03-12T09:00:00.000Z');
    assert.equal(accepted.statusCode, 201, accepted.body);

    const again = [
      await book(world, camille, dr, '2026-03-05T08:00:00.000Z'),
      await book(world, camille, dr, '2026-03-06T08:00:00.000Z'),
      accepted.json().appointment.id as string,
    ];
    world.clock.now = new Date('2026-03-12T10:00:00Z');
    await signInAgain(world, camille);
    const counts = [];
    for (const [index, id] of again.entries()) {
      counts.push((await noShow(id, headers)).json().noShowsWithPatient);
      if (index === 1) assert.equal((await tryToBook(camille, dr, '2026-03-16T08:00:00.000Z')).statusCode, 201, 'two new no-shows do not block');
    }
    assert.deepEqual(counts, [1, 2, 3]);
    const refused = await tryToBook(camille, dr, '2026-03-17T08:00:00.000Z');
    assert.equal(refused.statusCode, 403);
    assert.equal(refused.json().code, 'blocked_no_shows');
  });

  it('a patient blocked by the practice cannot book online until unblocked', async () => {
    const dr = await agenda(world);
    const headers = await practiceHeaders(world, dr);
    const camille = await patient(world);
    await book(world, camille, dr, '2026-03-02T08:00:00.000Z');
    const url = `/api/practice/patients/${camille.holderPatientId}`;
    assert.equal((await world.app.inject({ method: 'POST', url: `${url}/block`, headers })).statusCode, 204);
    const refused = await tryToBook(camille, dr, '2026-03-09T08:00:00.000Z');
    assert.equal(refused.statusCode, 403);
    assert.equal(refused.json().code, 'blocked_by_practice');
    assert.equal((await world.app.inject({ method: 'POST', url: `${url}/unblock`, headers })).statusCode, 204);
    assert.equal((await tryToBook(camille, dr, '2026-03-09T08:00:00.000Z')).statusCode, 201);
  });

  it('blocks a patient of the practice, creating its file with the patient’s identity, and unblocks', async () => {
    const camille = await patient(world, { firstName: 'Zoé', lastName: 'Bernard', birthDate: '1985-01-20' });
    await book(world, camille, drA, '2026-03-03T08:00:00.000Z');
    const block = await world.app.inject({ method: 'POST', url: `/api/practice/patients/${camille.holderPatientId}/block`, headers: asA });
    assert.equal(block.statusCode, 204, block.body);
    const file = await world.t.db.selectFrom('patient_files').selectAll()
      .where('practitioner_id', '=', drA.practitionerId).where('patient_id', '=', camille.holderPatientId).executeTakeFirstOrThrow();
    assert.deepEqual([file.first_name, file.last_name, file.birth_date], ['Zoé', 'Bernard', '1985-01-20']);
    assert.ok(file.blocked_at);
    const unblock = await world.app.inject({ method: 'POST', url: `/api/practice/patients/${camille.holderPatientId}/unblock`, headers: asA });
    assert.equal(unblock.statusCode, 204);
    const after = await world.t.db.selectFrom('patient_files').select('blocked_at').where('id', '=', file.id).executeTakeFirstOrThrow();
    assert.equal(after.blocked_at, null);
  });

  it('cannot block someone who is not a patient of the practice (404)', async () => {
    const camille = await patient(world);
    await book(world, camille, drB, '2026-03-03T09:00:00.000Z');
    const res = await world.app.inject({ method: 'POST', url: `/api/practice/patients/${camille.holderPatientId}/block`, headers: asA });
    assert.equal(res.statusCode, 404);
    const files = await world.t.db.selectFrom('patient_files').select('id').where('patient_id', '=', camille.holderPatientId).execute();
    assert.equal(files.length, 0);
  });
});
