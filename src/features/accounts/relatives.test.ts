import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { App } from '../../platform/http/app.ts';
import type { TestDatabase } from '../../../test/support/database.ts';
import { startTestApp, stopTestApp } from '../../../test/support/app.ts';
import { createTestAccount, signIn, type SignedInTest } from '../../../test/support/accounts.ts';
import { insertAgenda, insertReferenceRows } from '../availability/agenda-fixtures.ts';
import { MAX_RELATIVES } from './relatives-service.ts';

/** 1 March 2026, 11:00 in Paris. */
let clock = new Date('2026-03-01T10:00:00Z');

describe('« Mes proches »: relatives of an account (A7)', () => {
  let t: TestDatabase;
  let app: App;
  let session: SignedInTest;

  before(async () => {
    ({ t, app } = await startTestApp({ now: () => clock }));
  });
  after(() => stopTestApp(app, t));
  beforeEach(async () => {
    clock = new Date('2026-03-01T10:00:00Z');
    session = await signIn(app, t.db, await createTestAccount(t.db));
  });

  const add = (payload: Record<string, unknown>, headers = session.headers) =>
    app.inject({ method: 'POST', url: '/api/relatives', headers, payload });
  const list = async (headers = session.headers) =>
    (await app.inject({ method: 'GET', url: '/api/relatives', headers })).json().relatives as Array<Record<string, unknown>>;
  const storedRows = (accountId: string) =>
    t.db.selectFrom('patients').selectAll().where('account_id', '=', accountId).where('is_holder', '=', false).execute();

  it('adds a child and lists it as a minor, without the holder', async () => {
    const res = await add({ civility: 'm', firstName: '  Léo ', lastName: 'Martin', birthDate: '2019-06-02' });
    assert.equal(res.statusCode, 201);
    assert.deepEqual(res.json().relative, {
      id: res.json().relative.id, civility: 'm', firstName: 'Léo', lastName: 'Martin', birthDate: '2019-06-02',
      email: null, phone: null, phoneDisplay: null, minor: true,
    });
    const relatives = await list();
    assert.equal(relatives.length, 1);
    assert.equal(relatives[0]?.firstName, 'Léo');
  });

  it('gives an adult relative its own email and phone, stored in normal form', async () => {
    const res = await add({ firstName: 'Jeanne', lastName: 'Martin', birthDate: '1950-01-20', email: ' Jeanne.Martin@Example.FR ', phone: '06 12 34 56 78' });
    assert.equal(res.statusCode, 201);
    const relative = res.json().relative;
    assert.equal(relative.email, 'jeanne.martin@example.fr');
    assert.equal(relative.phone, '+33612345678');
    assert.equal(relative.phoneDisplay, '06 12 34 56 78');
    assert.equal(relative.minor, false);
  });

  it('refuses an email or a phone for a minor relative, in French, and stores nothing', async () => {
    const withEmail = await add({ firstName: 'Léo', lastName: 'Martin', birthDate: '2012-05-05', email: 'leo@example.fr' });
    const withPhone = await add({ firstName: 'Léo', lastName: 'Martin', birthDate: '2012-05-05', phone: '0612345678' });
    for (const res of [withEmail, withPhone]) {
      assert.equal(res.statusCode, 400);
      assert.match(res.json().message, /mineur/);
    }
    assert.equal((await storedRows(session.accountId)).length, 0);
  });

  it('judges adulthood on today’s date in Paris: 18 years old since midnight in Paris, still 17 in UTC', async () => {
    clock = new Date('2026-03-01T23:30:00Z'); // 2 March, 00:30 in Paris
    const late = await signIn(app, t.db, await createTestAccount(t.db));
    const res = await add({ firstName: 'Inès', lastName: 'Martin', birthDate: '2008-03-02', phone: '+33 6 98 76 54 32' }, late.headers);
    assert.equal(res.statusCode, 201);
    assert.equal(res.json().relative.minor, false);
  });

  it('refuses a birth date in the future, more than 120 years ago, or not a real day', async () => {
    const cases: Array<[string, RegExp]> = [
      ['2026-03-02', /futur/], ['1905-01-01', /120 ans/], ['2020-02-30', /date de naissance valide/], ['01/02/2020', /date de naissance valide/],
    ];
    for (const [birthDate, message] of cases) {
      const res = await add({ firstName: 'Léo', lastName: 'Martin', birthDate });
      assert.equal(res.statusCode, 400, birthDate);
      assert.match(res.json().message, message);
    }
    assert.equal((await storedRows(session.accountId)).length, 0);
  });

  it('refuses a phone typed with 00, with the advice to type +33, in English when preferred', async () => {
    const res = await app.inject({
      method: 'POST', url: '/api/relatives', headers: { ...session.headers, 'accept-language': 'en' },
      payload: { firstName: 'Jeanne', lastName: 'Martin', birthDate: '1950-01-20', phone: '0033612345678' },
    });
    assert.equal(res.statusCode, 400);
    assert.match(res.json().message, /international format/);
  });

  it('refuses a missing name, an invalid email and a name with digits', async () => {
    const cases = [
      { lastName: 'Martin', birthDate: '2000-01-01' },
      { firstName: '   ', lastName: 'Martin', birthDate: '2000-01-01' },
      { firstName: 'Jeanne', lastName: 'Martin', birthDate: '2000-01-01', email: 'jeanne@' },
      { firstName: 'R2D2', lastName: 'Martin', birthDate: '2000-01-01' },
    ];
    for (const payload of cases) {
      const res = await add(payload);
      assert.equal(res.statusCode, 400, JSON.stringify(payload));
      assert.ok(res.json().message.length > 0);
    }
    assert.equal((await storedRows(session.accountId)).length, 0);
  });

  it('edits a relative: absent fields stay, an empty phone removes it', async () => {
    const created = (await add({ firstName: 'Jeanne', lastName: 'Martin', birthDate: '1950-01-20', phone: '0612345678', email: 'j@example.fr' })).json().relative;
    const res = await app.inject({
      method: 'PATCH', url: `/api/relatives/${created.id}`, headers: session.headers, payload: { lastName: 'Durand', phone: '' },
    });
    assert.equal(res.statusCode, 200);
    const relative = res.json().relative;
    assert.equal(relative.firstName, 'Jeanne');
    assert.equal(relative.lastName, 'Durand');
    assert.equal(relative.phone, null);
    assert.equal(relative.email, 'j@example.fr');
  });

  it('refuses an edit that would make a relative with a phone a minor, and changes nothing', async () => {
    const created = (await add({ firstName: 'Jeanne', lastName: 'Martin', birthDate: '1990-01-20', phone: '0612345678' })).json().relative;
    const res = await app.inject({
      method: 'PATCH', url: `/api/relatives/${created.id}`, headers: session.headers, payload: { birthDate: '2015-01-20' },
    });
    assert.equal(res.statusCode, 400);
    const [row] = await storedRows(session.accountId);
    assert.equal(row?.birth_date, '1990-01-20');
    assert.equal(row?.phone, '+33612345678');
  });

  it('deletes a relative without appointments: gone from the list and from the database', async () => {
    const created = (await add({ firstName: 'Léo', lastName: 'Martin', birthDate: '2019-06-02' })).json().relative;
    const res = await app.inject({ method: 'DELETE', url: `/api/relatives/${created.id}`, headers: session.headers });
    assert.equal(res.statusCode, 204);
    assert.deepEqual(await list(), []);
    assert.equal((await storedRows(session.accountId)).length, 0);
  });

  it('hides a relative that has an appointment and keeps its row for the practitioner', async () => {
    await insertReferenceRows(t.db);
    const agenda = await insertAgenda(t.db);
    const created = (await add({ firstName: 'Léo', lastName: 'Martin', birthDate: '2019-06-02' })).json().relative;
    await t.db.insertInto('appointments').values({
      practitioner_id: agenda.practitionerId, place_id: agenda.placeId, reason_id: agenda.reasonId,
      starts_at: '2026-02-10T09:00:00Z', ends_at: '2026-02-10T09:30:00Z', status: 'done', patient_id: created.id,
    }).execute();
    const res = await app.inject({ method: 'DELETE', url: `/api/relatives/${created.id}`, headers: session.headers });
    assert.equal(res.statusCode, 204);
    assert.deepEqual(await list(), []);
    const [row] = await storedRows(session.accountId);
    assert.equal(row?.first_name, 'Léo');
    assert.ok(row?.removed_at);
    const again = await app.inject({ method: 'PATCH', url: `/api/relatives/${created.id}`, headers: session.headers, payload: { firstName: 'Tom' } });
    assert.equal(again.statusCode, 404);
  });

  it(`refuses a relative beyond ${MAX_RELATIVES}`, async () => {
    for (let i = 0; i < MAX_RELATIVES; i++) {
      assert.equal((await add({ firstName: 'Enfant', lastName: 'Martin', birthDate: '2015-01-01' })).statusCode, 201);
    }
    const res = await add({ firstName: 'Enfant', lastName: 'Martin', birthDate: '2015-01-01' });
    assert.equal(res.statusCode, 400);
    assert.match(res.json().message, /20 proches/);
    assert.equal((await storedRows(session.accountId)).length, MAX_RELATIVES);
  });

  it('answers 401 without a session and 403 without the CSRF token', async () => {
    const anonymous = await app.inject({ method: 'GET', url: '/api/relatives' });
    assert.equal(anonymous.statusCode, 401);
    assert.match(anonymous.json().message, /Connectez-vous/);
    const forged = await app.inject({
      method: 'POST', url: '/api/relatives', headers: { cookie: session.cookie },
      payload: { firstName: 'Léo', lastName: 'Martin', birthDate: '2019-06-02' },
    });
    assert.equal(forged.statusCode, 403);
    assert.equal((await storedRows(session.accountId)).length, 0);
  });

  it('answers 404 for a malformed relative id', async () => {
    for (const id of ['not-a-uuid', '123', "1' or '1'='1"]) {
      const res = await app.inject({ method: 'PATCH', url: `/api/relatives/${encodeURIComponent(id)}`, headers: session.headers, payload: { firstName: 'Tom' } });
      assert.equal(res.statusCode, 404, id);
      const del = await app.inject({ method: 'DELETE', url: `/api/relatives/${encodeURIComponent(id)}`, headers: session.headers });
      assert.equal(del.statusCode, 404, id);
    }
  });

  describe('authorisation: a session of account A never reaches B’s relatives', () => {
    it('does not list, edit or delete B’s relative, answers 404 as for a missing one, and leaves it unchanged', async () => {
      const bob = await signIn(app, t.db, await createTestAccount(t.db));
      const bobsChild = (await add({ firstName: 'Zoé', lastName: 'Bernard', birthDate: '2018-09-09' }, bob.headers)).json().relative;
      assert.deepEqual(await list(session.headers), []);
      const patch = await app.inject({ method: 'PATCH', url: `/api/relatives/${bobsChild.id}`, headers: session.headers, payload: { firstName: 'Volée' } });
      const del = await app.inject({ method: 'DELETE', url: `/api/relatives/${bobsChild.id}`, headers: session.headers });
      const missing = await app.inject({ method: 'DELETE', url: '/api/relatives/00000000-0000-4000-8000-000000000000', headers: session.headers });
      assert.equal(patch.statusCode, 404);
      assert.equal(del.statusCode, 404);
      assert.deepEqual(del.json(), missing.json());
      const bobs = await list(bob.headers);
      assert.equal(bobs.length, 1);
      assert.equal(bobs[0]?.firstName, 'Zoé');
    });

    it('cannot edit the holder’s own record through the relatives routes', async () => {
      const holder = await t.db.selectFrom('patients').select('id').where('account_id', '=', session.accountId).where('is_holder', '=', true).executeTakeFirstOrThrow();
      const res = await app.inject({ method: 'DELETE', url: `/api/relatives/${holder.id}`, headers: session.headers });
      assert.equal(res.statusCode, 404);
    });
  });
});
