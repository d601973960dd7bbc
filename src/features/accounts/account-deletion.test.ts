import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { App } from '../../platform/http/app.ts';
import type { TestDatabase } from '../../../test/support/database.ts';
import { startTestApp, stopTestApp } from '../../../test/support/app.ts';
import { createTestAccount, signIn, type SignedInTest, type TestAccount } from '../../../test/support/accounts.ts';
import { insertAgenda, insertReferenceRows, type AgendaFixture } from '../availability/agenda-fixtures.ts';
import { recordingDelivery } from './account-test-support.ts';

const clock = new Date('2026-03-01T10:00:00Z');

interface Person {
  account: TestAccount;
  session: SignedInTest;
  /** Values that identify the person: none may remain anywhere after deletion. */
  traces: string[];
}

describe('« Supprimer mon compte »: personal data erased, what appointments need kept pseudonymised (A6, D6)', () => {
  let t: TestDatabase;
  let app: App;
  let agenda: AgendaFixture;
  let serial = 0;

  before(async () => {
    ({ t, app } = await startTestApp({ now: () => clock, delivery: recordingDelivery() }));
    await insertReferenceRows(t.db);
    agenda = await insertAgenda(t.db);
  });
  after(() => stopTestApp(app, t));

  /** An account with unusual, unique identity values, a child and a trusted device, signed in. */
  async function person(): Promise<Person> {
    serial += 1;
    const tag = randomBytes(4).toString('hex').replace(/[0-9]/g, (digit) => 'ghijklmnop'[Number(digit)]!); // letters only: names refuse digits
    const phone = `+336980000${String(10 + serial).padStart(2, '0')}`;
    const account = await createTestAccount(t.db, {
      email: `efface-${tag}@example.fr`, phone, firstName: `Zéphyrine${tag}`, lastName: `Quillebeuf${tag}`, birthDate: `1961-0${(serial % 9) + 1}-17`,
    });
    const session = await signIn(app, t.db, account);
    const child = await app.inject({
      method: 'POST', url: '/api/relatives', headers: session.headers,
      payload: { firstName: `Anatole${tag}`, lastName: `Quillebeuf${tag}`, birthDate: '2016-02-03' },
    });
    assert.equal(child.statusCode, 201);
    await t.db.insertInto('trusted_devices').values({
      token_hash: createHash('sha256').update(`device-${tag}`).digest(), account_id: account.accountId,
      created_at: clock, last_used_at: clock, expires_at: new Date('2026-05-01T00:00:00Z'),
    }).execute();
    await t.db.insertInto('password_resets').values({
      token_hash: createHash('sha256').update(`reset-${tag}`).digest(), account_id: account.accountId,
      created_at: clock, expires_at: new Date('2026-03-01T10:30:00Z'),
    }).execute();
    return { account, session, traces: [account.email, phone, phone.slice(3), tag] };
  }

  const deleteAccount = (who: Person, password = who.account.password, headers = who.session.headers) =>
    app.inject({ method: 'DELETE', url: '/api/account', headers, payload: { password } });

  /** Every table of the database, searched as text for each trace (reference tables included). */
  async function tablesHolding(traces: string[]): Promise<string[]> {
    const { rows: tables } = await sql<{ name: string }>`
      select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`.execute(t.db);
    const found: string[] = [];
    for (const { name } of tables) {
      for (const trace of traces) {
        const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(name)} x where x::text ilike ${`%${trace}%`}`.execute(t.db);
        if ((rows[0]?.n ?? 0) > 0) found.push(`${name} holds ${trace}`);
      }
    }
    return found;
  }

  async function bookFor(patientId: string, accountId: string | null, start: string, status: 'done' | 'booked' | 'cancelled'): Promise<string> {
    const end = new Date(new Date(start).getTime() + 30 * 60_000).toISOString();
    const row = await t.db.insertInto('appointments').values({
      practitioner_id: agenda.practitionerId, place_id: agenda.placeId, reason_id: agenda.reasonId,
      starts_at: start, ends_at: end, status, patient_id: patientId, account_id: accountId,
    }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  }

  const patientIds = async (accountId: string, holder: boolean) =>
    (await t.db.selectFrom('patients').select('id').where('account_id', '=', accountId).where('is_holder', '=', holder).execute()).map((r) => r.id);

  it('deletes the account and leaves no personal data in any table; the session stops working and cookies are cleared', async () => {
    const who = await person();
    assert.ok((await tablesHolding(who.traces)).length > 0, 'the traces are findable before deletion');
    const res = await deleteAccount(who);
    assert.equal(res.statusCode, 204);
    const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    assert.ok(cookies.some((c) => c.startsWith('__Host-creneau_session=;') && /Max-Age=0/.test(c)));
    assert.ok(cookies.some((c) => c.startsWith('__Host-creneau_device=;') && /Max-Age=0/.test(c)));
    assert.deepEqual(await tablesHolding(who.traces), []);
    assert.equal((await app.inject({ method: 'GET', url: '/api/account', headers: who.session.headers })).statusCode, 401);
    for (const table of ['sessions', 'trusted_devices', 'password_resets', 'one_time_codes'] as const) {
      const rows = await t.db.selectFrom(table).select('account_id').where('account_id', '=', who.account.accountId).execute();
      assert.equal(rows.length, 0, table);
    }
  });

  it('keeps a security event of the deletion, no longer linked to the account', async () => {
    const who = await person();
    await deleteAccount(who);
    const events = await t.db.selectFrom('security_events').select(['account_id', 'details']).where('event', '=', 'account_deleted').execute();
    assert.ok(events.length > 0);
    assert.ok(events.every((e) => e.account_id === null));
  });

  it('keeps the rows past appointments point at, pseudonymised, and deletes the others', async () => {
    const who = await person();
    const [holderId] = await patientIds(who.account.accountId, true);
    const [childId] = await patientIds(who.account.accountId, false);
    const seen = await bookFor(holderId!, who.account.accountId, '2026-01-15T09:00:00Z', 'done');
    assert.equal((await deleteAccount(who)).statusCode, 204);

    const holder = await t.db.selectFrom('patients').selectAll().where('id', '=', holderId!).executeTakeFirstOrThrow();
    assert.equal(holder.account_id, null);
    assert.equal(holder.first_name, null);
    assert.equal(holder.last_name, null);
    assert.equal(holder.birth_date, null);
    assert.ok(holder.pseudonymised_at);
    assert.equal((await t.db.selectFrom('patients').select('id').where('id', '=', childId!).execute()).length, 0);
    const appointment = await t.db.selectFrom('appointments').select(['patient_id', 'account_id', 'status']).where('id', '=', seen).executeTakeFirstOrThrow();
    assert.deepEqual(appointment, { patient_id: holderId, account_id: null, status: 'done' });
    assert.deepEqual(await tablesHolding(who.traces), []);
  });

  it('refuses while an appointment is still to come (409), and accepts once it is cancelled', async () => {
    const who = await person();
    const [childId] = await patientIds(who.account.accountId, false);
    const upcoming = await bookFor(childId!, who.account.accountId, '2026-03-20T09:00:00Z', 'booked');
    const refused = await deleteAccount(who);
    assert.equal(refused.statusCode, 409);
    assert.match(refused.json().message, /rendez-vous à venir/);
    assert.equal((await app.inject({ method: 'GET', url: '/api/account', headers: who.session.headers })).statusCode, 200);
    await t.db.updateTable('appointments').set({ status: 'cancelled', cancelled_at: clock, cancelled_by: 'patient' }).where('id', '=', upcoming).execute();
    assert.equal((await deleteAccount(who)).statusCode, 204);
  });

  it('refuses a wrong password and deletes nothing', async () => {
    const who = await person();
    const res = await deleteAccount(who, 'Pas-Le-Bon-9!');
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().message, 'Mot de passe incorrect.');
    assert.equal((await app.inject({ method: 'GET', url: '/api/account', headers: who.session.headers })).statusCode, 200);
    assert.equal((await patientIds(who.account.accountId, false)).length, 1);
  });

  it('refuses without the password field or without the CSRF token', async () => {
    const who = await person();
    const noPassword = await app.inject({ method: 'DELETE', url: '/api/account', headers: who.session.headers, payload: {} });
    assert.equal(noPassword.statusCode, 400);
    assert.match(noPassword.json().message, /mot de passe/);
    const forged = await deleteAccount(who, who.account.password, { cookie: who.session.cookie });
    assert.equal(forged.statusCode, 403);
    assert.equal((await app.inject({ method: 'GET', url: '/api/account', headers: who.session.headers })).statusCode, 200);
  });

  it('deletes only the session’s account: another account, its relatives and its session are untouched', async () => {
    const alice = await person();
    const bob = await person();
    const bobBefore = await t.db.selectFrom('patients').selectAll().where('account_id', '=', bob.account.accountId).orderBy('id').execute();
    assert.equal((await deleteAccount(alice)).statusCode, 204);
    assert.deepEqual(await t.db.selectFrom('patients').selectAll().where('account_id', '=', bob.account.accountId).orderBy('id').execute(), bobBefore);
    const bobsAccount = await app.inject({ method: 'GET', url: '/api/account', headers: bob.session.headers });
    assert.equal(bobsAccount.statusCode, 200);
    assert.equal(bobsAccount.json().account.email, bob.account.email);
  });
});
