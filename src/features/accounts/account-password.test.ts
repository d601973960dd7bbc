import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { App } from '../../platform/http/app.ts';
import type { TestDatabase } from '../../../test/support/database.ts';
import { startTestApp, stopTestApp } from '../../../test/support/app.ts';
import { createTestAccount, signIn, type SignedInTest, type TestAccount } from '../../../test/support/accounts.ts';
import { recordingDelivery, rotatedHeaders, type RecordingDelivery } from './account-test-support.ts';
import { verifyPassword } from './passwords.ts';

const clock = new Date('2026-03-01T10:00:00Z');
const NEW_PASSWORD = 'Orage-Violet-42';

describe('« Mon compte »: changing the password (A3, A6)', () => {
  let t: TestDatabase;
  let app: App;
  let delivery: RecordingDelivery;
  let account: TestAccount;
  let session: SignedInTest;

  before(async () => {
    delivery = recordingDelivery();
    ({ t, app } = await startTestApp({ now: () => clock, delivery }));
  });
  after(() => stopTestApp(app, t));
  beforeEach(async () => {
    delivery.failing = false;
    account = await createTestAccount(t.db);
    session = await signIn(app, t.db, account);
  });

  const change = (currentPassword: string, newPassword: string, headers = session.headers) =>
    app.inject({ method: 'POST', url: '/api/account/password', headers, payload: { currentPassword, newPassword } });
  const storedHash = async () =>
    (await t.db.selectFrom('accounts').select('password_hash').where('id', '=', account.accountId).executeTakeFirstOrThrow()).password_hash;
  const getAccount = (headers: Record<string, string>) => app.inject({ method: 'GET', url: '/api/account', headers });

  it('changes the password, logs out the other session, and keeps this one under a new token', async () => {
    const other = await signIn(app, t.db, account);
    const res = await change(account.password, NEW_PASSWORD);
    assert.equal(res.statusCode, 204);
    assert.ok(await verifyPassword(await storedHash(), NEW_PASSWORD));
    assert.equal((await getAccount(other.headers)).statusCode, 401);
    assert.equal((await getAccount(session.headers)).statusCode, 401, 'the old token of this session is dead');
    assert.equal((await getAccount(rotatedHeaders(session, res.headers['set-cookie']))).statusCode, 200);
  });

  it('forgets the account’s trusted devices and pending reset links', async () => {
    await t.db.insertInto('trusted_devices').values({
      token_hash: createHash('sha256').update(`device-${account.accountId}`).digest(), account_id: account.accountId,
      created_at: clock, last_used_at: clock, expires_at: new Date('2026-05-01T00:00:00Z'),
    }).execute();
    await t.db.insertInto('password_resets').values({
      token_hash: createHash('sha256').update(`reset-${account.accountId}`).digest(), account_id: account.accountId,
      created_at: clock, expires_at: new Date('2026-03-01T10:30:00Z'),
    }).execute();
    assert.equal((await change(account.password, NEW_PASSWORD)).statusCode, 204);
    assert.equal((await t.db.selectFrom('trusted_devices').select('account_id').where('account_id', '=', account.accountId).execute()).length, 0);
    const reset = await t.db.selectFrom('password_resets').select('used_at').where('account_id', '=', account.accountId).executeTakeFirstOrThrow();
    assert.ok(reset.used_at);
  });

  it('tells the account’s email and logs a security event', async () => {
    await change(account.password, NEW_PASSWORD);
    assert.equal(delivery.to(account.email).at(-1)?.kind, 'password_changed_notice');
    const events = await t.db.selectFrom('security_events').select('event').where('account_id', '=', account.accountId).execute();
    assert.ok(events.some((e) => e.event === 'password_changed'));
  });

  it('refuses a wrong current password and changes nothing', async () => {
    const other = await signIn(app, t.db, account);
    const res = await change('Pas-Le-Bon-1!', NEW_PASSWORD);
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().message, 'Mot de passe incorrect.');
    assert.ok(await verifyPassword(await storedHash(), account.password));
    assert.equal((await getAccount(other.headers)).statusCode, 200);
  });

  it('refuses a new password that breaks the policy, naming the rule', async () => {
    const short = await change(account.password, 'Ab1!');
    assert.equal(short.statusCode, 400);
    assert.match(short.json().message, /8 caractères/);
    const personal = await change(account.password, 'Martin-1990!');
    assert.equal(personal.statusCode, 400);
    const same = await change(account.password, account.password);
    assert.equal(same.statusCode, 400);
    assert.match(same.json().message, /différent/);
    assert.ok(await verifyPassword(await storedHash(), account.password));
  });

  it('rolls back when the notice cannot be sent (503): the old password still works', async () => {
    delivery.failing = true;
    const res = await change(account.password, NEW_PASSWORD);
    assert.equal(res.statusCode, 503);
    assert.ok(await verifyPassword(await storedHash(), account.password));
    assert.equal((await getAccount(session.headers)).statusCode, 200);
  });

  it('stops guessing the current password after 10 tries in 15 minutes (429)', async () => {
    for (let i = 0; i < 10; i++) assert.equal((await change(`Essai-${i}-Faux!`, NEW_PASSWORD)).statusCode, 400);
    const refused = await change(account.password, NEW_PASSWORD);
    assert.equal(refused.statusCode, 429);
    assert.ok(Number(refused.headers['retry-after']) > 0);
    assert.ok(await verifyPassword(await storedHash(), account.password));
  });

  it('needs a session (401)', async () => {
    const anonymous = await signIn(app, t.db, account);
    const res = await app.inject({
      method: 'POST', url: '/api/account/password',
      headers: { cookie: anonymous.cookie.replace(/__Host-creneau_session=[^;]*;\s*/, ''), 'x-csrf-token': anonymous.csrfToken },
      payload: { currentPassword: account.password, newPassword: NEW_PASSWORD },
    });
    assert.equal(res.statusCode, 401);
  });
});
