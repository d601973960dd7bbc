import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildApp, type App } from '../../platform/http/app.ts';
import { featureRoutes } from '../routes.ts';
import { freshDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { createTestAccount, signIn } from '../../../test/support/accounts.ts';

const start = new Date('2026-03-02T08:00:00Z');
const minutes = (n: number) => new Date(start.getTime() + n * 60_000);

describe('accounts: sessions', () => {
  let t: TestDatabase;
  let app: App;
  let clock = start;
  before(async () => {
    t = await freshDatabase();
    app = await buildApp({ context: { db: t.db, now: () => clock }, routes: featureRoutes });
  });
  after(async () => {
    await app.close();
    await t.drop();
  });

  const session = async (cookie: string) => (await app.inject({ method: 'GET', url: '/api/session', headers: { cookie } })).json();

  it('answers an anonymous visitor with no account and sets a CSRF cookie readable by the page', async () => {
    clock = start;
    const res = await app.inject({ method: 'GET', url: '/api/session' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().account, null);
    const setCookie = String(res.headers['set-cookie']);
    assert.match(setCookie, new RegExp(`^__Host-creneau_csrf=${res.json().csrfToken.replace('.', '\\.')}; Path=/; Secure; SameSite=Strict$`));
  });

  it('keeps the CSRF cookie it already set', async () => {
    clock = start;
    const first = await app.inject({ method: 'GET', url: '/api/session' });
    const token = first.json().csrfToken;
    const again = await app.inject({ method: 'GET', url: '/api/session', headers: { cookie: `__Host-creneau_csrf=${token}` } });
    assert.equal(again.json().csrfToken, token);
    assert.equal(again.headers['set-cookie'], undefined);
  });

  it('replaces a CSRF cookie the server did not sign', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/session', headers: { cookie: '__Host-creneau_csrf=planted.value' } });
    assert.notEqual(res.json().csrfToken, 'planted.value');
    assert.match(String(res.headers['set-cookie']), /^__Host-creneau_csrf=/);
  });

  it('shows the signed-in account with its identity', async () => {
    clock = start;
    const account = await createTestAccount(t.db, { firstName: 'Inès', phone: '+33612345678' });
    const { cookie } = await signIn(app, t.db, account);
    const body = await session(cookie);
    assert.equal(body.account.id, account.accountId);
    assert.equal(body.account.email, account.email);
    assert.equal(body.account.phoneDisplay, '06 12 34 56 78');
    assert.equal(body.account.identity.firstName, 'Inès');
  });

  it('ends a browser session after 30 minutes without activity', async () => {
    clock = start;
    const { cookie } = await signIn(app, t.db);
    clock = minutes(31);
    assert.equal((await session(cookie)).account, null);
  });

  it('keeps a browser session alive while it is used', async () => {
    clock = start;
    const { cookie, accountId } = await signIn(app, t.db);
    for (const at of [20, 40, 60, 80]) {
      clock = minutes(at);
      assert.equal((await session(cookie)).account?.id, accountId, `at ${at} minutes`);
    }
  });

  it('ends a browser session after 12 hours even when used all along', async () => {
    clock = start;
    const { cookie } = await signIn(app, t.db);
    for (let at = 20; at < 12 * 60; at += 20) {
      clock = minutes(at);
      assert.ok((await session(cookie)).account, `alive at ${at} minutes`);
    }
    clock = minutes(12 * 60 + 1);
    assert.equal((await session(cookie)).account, null);
  });

  it('keeps a remembered session through 6 idle days', async () => {
    clock = start;
    const { cookie } = await signIn(app, t.db, undefined, { remembered: true });
    clock = minutes(6 * 24 * 60);
    assert.ok((await session(cookie)).account);
  });

  it('ends a remembered session after 7 idle days', async () => {
    clock = start;
    const { cookie } = await signIn(app, t.db, undefined, { remembered: true });
    clock = minutes(7 * 24 * 60 + 1);
    assert.equal((await session(cookie)).account, null);
  });

  it('ends a remembered session after 30 days even when used every day', async () => {
    clock = start;
    const { cookie } = await signIn(app, t.db, undefined, { remembered: true });
    for (let day = 5; day < 30; day += 5) {
      clock = minutes(day * 24 * 60);
      assert.ok((await session(cookie)).account, `alive on day ${day}`);
    }
    clock = minutes(30 * 24 * 60 + 1);
    assert.equal((await session(cookie)).account, null);
  });

  it('ignores a session cookie that matches no session', async () => {
    clock = start;
    assert.equal((await session(`__Host-creneau_session=${'A'.repeat(43)}`)).account, null);
  });
});
