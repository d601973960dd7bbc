/**
 * Sessions remembered by a server process (docs/decisions.md « Accounts — sessions in memory »): two apps on one
 * database, the second remembering the sessions it checked and hearing of ended ones only through its own listening
 * connection (LISTEN/NOTIFY, as another server process would). A session ended anywhere must be refused there too.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { buildApp, type App } from '../src/platform/http/app.ts';
import { featureRoutes } from '../src/features/routes.ts';
import { createSessionMemory, type SessionMemory } from '../src/features/accounts/session-memory.ts';
import { CHANGES_LISTENER_APPLICATION, listenToChanges } from '../src/features/changes.ts';
import type { NotificationListener } from '../src/platform/db/notification-listener.ts';
import { freshDatabase, type TestDatabase } from './support/database.ts';
import { createTestAccount, signIn, type SignedInTest } from './support/accounts.ts';

const start = new Date('2026-03-02T08:00:00Z');
const minutes = (n: number) => new Date(start.getTime() + n * 60_000);

describe('sessions remembered by another server process', () => {
  let t: TestDatabase;
  let first: App;
  let second: App;
  let memory: SessionMemory;
  let listener: NotificationListener;
  let clock = start;

  before(async () => {
    t = await freshDatabase();
    first = await buildApp({ context: { db: t.db, now: () => clock }, routes: featureRoutes });
    memory = createSessionMemory();
    second = await buildApp({ context: { db: t.db, now: () => clock, sessionMemory: memory }, routes: featureRoutes });
    // The second server's listening connection, as npm start opens it (agenda changes are not remembered here).
    listener = await listenToChanges({ connectionString: t.connectionString, agendaChanges: false, sessionMemory: memory });
    assert.equal(listener.listening(), true);
  });
  after(async () => {
    await listener.stop();
    await second.close();
    await first.close();
    await t.drop();
  });

  /** The account the second server sees signed in with these cookies, or null. */
  const accountOnSecond = async (session: SignedInTest) => {
    const res = await second.inject({ method: 'GET', url: '/api/session', headers: { cookie: session.cookie } });
    assert.equal(res.statusCode, 200, res.body);
    return (res.json() as { account: { id: string } | null }).account?.id ?? null;
  };

  /** Asks again for up to 2 s (a notification arrives asynchronously), answering the last account seen. */
  const accountOnSecondOnceGone = async (session: SignedInTest) => {
    let seen = await accountOnSecond(session);
    for (let waited = 0; seen !== null && waited < 2_000; waited += 25) {
      await sleep(25);
      seen = await accountOnSecond(session);
    }
    return seen;
  };

  /** Waits up to 2 s for the listening connection to be in the state wanted. */
  const listenerIs = async (listening: boolean) => {
    for (let waited = 0; listener.listening() !== listening && waited < 2_000; waited += 25) await sleep(25);
    return listener.listening();
  };

  it('answers a signed-in request from memory once it checked the session', async () => {
    clock = start;
    const session = await signIn(first, t.db);
    assert.equal(await accountOnSecond(session), session.accountId);
    assert.equal(memory.size(), 1);
    // Deleted behind the servers' backs (no announcement: triggers off), the session is still answered from memory.
    await t.db.transaction().execute(async (trx) => {
      await sql`set local session_replication_role = replica`.execute(trx);
      await trx.deleteFrom('sessions').where('account_id', '=', session.accountId).execute();
    });
    assert.equal(await accountOnSecond(session), session.accountId);
    memory.forgetAccount(session.accountId);
    assert.equal(await accountOnSecond(session), null, 'once forgotten, the database is asked again');
  });

  it('refuses a session the patient logged out of on the first server', async () => {
    clock = start;
    const session = await signIn(first, t.db);
    assert.equal(await accountOnSecond(session), session.accountId);
    const res = await first.inject({ method: 'POST', url: '/api/auth/logout', headers: session.headers });
    assert.equal(res.statusCode, 204);
    assert.equal(await accountOnSecondOnceGone(session), null);
  });

  it('refuses every session of an account logged out of all devices, and of a deleted account', async () => {
    clock = start;
    const account = await createTestAccount(t.db);
    const phone = await signIn(first, t.db, account);
    const laptop = await signIn(first, t.db, account);
    assert.equal(await accountOnSecond(phone), phone.accountId);
    assert.equal(await accountOnSecond(laptop), phone.accountId);
    const res = await first.inject({ method: 'POST', url: '/api/auth/logout-all', headers: phone.headers });
    assert.equal(res.statusCode, 204);
    assert.equal(await accountOnSecondOnceGone(laptop), null);

    const deleted = await signIn(first, t.db);
    assert.equal(await accountOnSecond(deleted), deleted.accountId);
    await t.db.deleteFrom('accounts').where('id', '=', deleted.accountId).execute();
    assert.equal(await accountOnSecondOnceGone(deleted), null, 'the sessions deleted by cascade are announced too');
  });

  it('remembers nothing while its listening connection is cut, and remembers again once it is back', async () => {
    clock = start;
    const session = await signIn(first, t.db);
    assert.equal(await accountOnSecond(session), session.accountId);
    const { rows } = await sql<{ cut: boolean }>`select pg_terminate_backend(pid) as cut from pg_stat_activity
      where application_name = ${CHANGES_LISTENER_APPLICATION} and datname = current_database()`.execute(t.db);
    assert.deepEqual(rows, [{ cut: true }]);
    assert.equal(await listenerIs(false), false);
    // Ended while nothing could be heard: the second server must not answer from what it remembered.
    await t.db.transaction().execute(async (trx) => {
      await sql`set local session_replication_role = replica`.execute(trx);
      await trx.deleteFrom('sessions').where('account_id', '=', session.accountId).execute();
    });
    assert.equal(await accountOnSecond(session), null);

    assert.equal(await listenerIs(true), true);
    const again = await signIn(first, t.db);
    assert.equal(await accountOnSecond(again), again.accountId);
    assert.equal(memory.size(), 1);
  });

  it('still slides and ends idle sessions: memory answers for a minute at most, then the database decides', async () => {
    clock = start;
    const session = await signIn(first, t.db, undefined, { now: start });
    assert.equal(await accountOnSecond(session), session.accountId);
    clock = minutes(25);
    assert.equal(await accountOnSecond(session), session.accountId, 'seen at 25 min: idle until 55 min');
    clock = minutes(50);
    assert.equal(await accountOnSecond(session), session.accountId);
    clock = minutes(50.5);
    assert.equal(await accountOnSecond(session), session.accountId, 'from memory');
    clock = minutes(81);
    assert.equal(await accountOnSecond(session), null, 'idle for 31 minutes');
    const { rows } = await sql<{ n: string }>`select count(*) as n from sessions where account_id = ${session.accountId}`.execute(t.db);
    assert.equal(rows[0]!.n, '0', 'the expired session is deleted');
  });
});
