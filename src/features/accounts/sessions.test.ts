import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildApp, type App, type FeatureRoutes } from '../../platform/http/app.ts';
import { featureRoutes } from '../routes.ts';
import { endAllSessions, requireAccount, rotateSession } from './sessions.ts';
import { hashToken } from './tokens.ts';
import type { TestDatabase } from '../../../test/support/database.ts';
import { startTestApp, stopTestApp } from '../../../test/support/app.ts';
import { createTestAccount, signIn } from '../../../test/support/accounts.ts';

const start = new Date('2026-03-02T08:00:00Z');
const minutes = (n: number) => new Date(start.getTime() + n * 60_000);

/** Stands for a privilege change of account management (password, phone, email): rotates the session. */
const privilegeChange: FeatureRoutes = (app, context) => {
  app.post('/test/privilege-change', async (request, reply) => {
    const signedIn = await requireAccount(request, context);
    await rotateSession(context.db, request, reply, signedIn, context.now());
    return reply.status(204).send();
  });
};

describe('accounts: sessions', () => {
  let t: TestDatabase;
  let app: App;
  let clock = start;
  before(async () => {
    ({ t, app } = await startTestApp({ now: () => clock }, [...featureRoutes, privilegeChange]));
  });
  after(() => stopTestApp(app, t));

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

  it('rotates the token at a privilege change: the old cookie stops working, the new one keeps the session’s end', async () => {
    clock = start;
    const { cookie, headers, accountId } = await signIn(app, t.db);
    clock = minutes(20);
    const res = await app.inject({ method: 'POST', url: '/api/test/privilege-change', headers });
    assert.equal(res.statusCode, 204);
    const fresh = String(res.headers['set-cookie']).split(';')[0]!;
    assert.notEqual(fresh, cookie.split('; ')[0]);
    assert.equal((await session(cookie)).account, null);
    assert.equal((await session(fresh)).account.id, accountId);
    for (let at = 40; at < 12 * 60; at += 20) {
      clock = minutes(at);
      await session(fresh);
    }
    clock = minutes(12 * 60 + 1);
    assert.equal((await session(fresh)).account, null, 'still ends 12 hours after the login');
  });

  it('writes the sliding expiry at most once a minute', async () => {
    clock = start;
    const { cookie, accountId } = await signIn(app, t.db);
    clock = minutes(5);
    await session(cookie);
    const first = await t.db.selectFrom('sessions').select('last_seen_at').where('account_id', '=', accountId).executeTakeFirstOrThrow();
    clock = new Date(minutes(5).getTime() + 30_000);
    await session(cookie);
    const second = await t.db.selectFrom('sessions').select('last_seen_at').where('account_id', '=', accountId).executeTakeFirstOrThrow();
    assert.equal(second.last_seen_at.toISOString(), first.last_seen_at.toISOString());
    assert.equal(first.last_seen_at.toISOString(), minutes(5).toISOString());
  });

  it('ends every other session of the account but the one kept, and their trusted devices', async () => {
    clock = start;
    const account = await createTestAccount(t.db);
    const kept = await signIn(app, t.db, account);
    const other = await signIn(app, t.db, account);
    await t.db.insertInto('trusted_devices').values({
      token_hash: Buffer.alloc(32, 7), account_id: account.accountId, created_at: start, last_used_at: start, expires_at: minutes(60 * 24 * 90),
    }).execute();
    const keepToken = kept.cookie.split('; ')[0]!.split('=')[1]!;
    await endAllSessions(t.db, account.accountId, { keep: hashToken(keepToken) });
    assert.ok((await session(kept.cookie)).account);
    assert.equal((await session(other.cookie)).account, null);
    assert.equal((await t.db.selectFrom('trusted_devices').select('token_hash').where('account_id', '=', account.accountId).execute()).length, 0);
  });
});
