import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { App } from '../../platform/http/app.ts';
import type { TestDatabase } from '../../../test/support/database.ts';
import { startTestApp, stopTestApp } from '../../../test/support/app.ts';
import { createTestAccount, csrfPair, signIn, type TestAccount } from '../../../test/support/accounts.ts';
import { recordingDelivery, type RecordingDelivery } from './account-test-support.ts';
import { verifyPassword } from './passwords.ts';

const START = new Date('2026-03-01T10:00:00Z');
let clock = START;
const minutesLater = (minutes: number) => new Date(START.getTime() + minutes * 60_000);
let ipCounter = 0;

describe('« Mot de passe oublié ? »: reset link by email (A5)', () => {
  let t: TestDatabase;
  let app: App;
  let delivery: RecordingDelivery;
  let account: TestAccount;
  let csrf: Record<string, string>;

  before(async () => {
    delivery = recordingDelivery();
    ({ t, app } = await startTestApp({ now: () => clock, delivery, publicUrl: 'https://creneau.test' }));
    csrf = (await csrfPair(app)).headers;
  });
  after(() => stopTestApp(app, t));
  beforeEach(async () => {
    clock = START;
    delivery.failing = false;
    account = await createTestAccount(t.db, { phone: '+33612345678' });
  });

  /** Each request from its own address, so that the per-IP limit only bites where a test wants it. */
  const post = (url: string, payload: Record<string, unknown>, remoteAddress = `203.0.113.${++ipCounter % 250}`) =>
    app.inject({ method: 'POST', url, headers: csrf, payload, remoteAddress });
  const requestReset = (email: string, phone: string, remoteAddress?: string) =>
    post('/api/auth/password-reset', { email, phone }, remoteAddress);
  const tokenSentTo = (email: string): string => {
    const message = delivery.to(email).filter((m) => m.kind === 'password_reset_link').at(-1);
    const match = /https:\/\/creneau\.test\/mot-de-passe\/nouveau#jeton=([A-Za-z0-9_-]{43})/.exec(message?.text ?? '');
    assert.ok(match?.[1], `no reset link sent to ${email}`);
    return match[1];
  };
  const storedHash = async (accountId: string) =>
    (await t.db.selectFrom('accounts').select('password_hash').where('id', '=', accountId).executeTakeFirstOrThrow()).password_hash;

  it('sends a link in the URL fragment to the account’s email when email and phone match, and stores only its hash', async () => {
    const res = await requestReset(account.email.toUpperCase(), '06 12 34 56 78');
    assert.equal(res.statusCode, 202);
    assert.match(res.json().message, /Si un compte correspond/);
    const token = tokenSentTo(account.email);
    const message = delivery.to(account.email).at(-1)!;
    assert.match(message.subject ?? '', /Réinitialisez votre mot de passe/);
    assert.match(message.html ?? '', /href="https:\/\/creneau\.test\/mot-de-passe\/nouveau#jeton=/);
    const rows = await t.db.selectFrom('password_resets').selectAll().where('account_id', '=', account.accountId).execute();
    assert.equal(rows.length, 1);
    assert.deepEqual(rows[0]?.token_hash, createHash('sha256').update(token).digest());
    assert.equal(rows[0]?.expires_at.toISOString(), minutesLater(30).toISOString());
  });

  it('answers an unknown email, a wrong phone and a match identically, and mails only the match', async () => {
    const before = delivery.sent.length;
    const unknown = await requestReset('personne@example.fr', '06 12 34 56 78');
    const wrongPhone = await requestReset(account.email, '06 98 76 54 32');
    const match = await requestReset(account.email, '+33 6 12 34 56 78');
    for (const res of [unknown, wrongPhone]) {
      assert.equal(res.statusCode, match.statusCode);
      assert.deepEqual(res.json(), match.json());
      assert.equal(res.headers['content-length'], match.headers['content-length']);
    }
    assert.equal(delivery.sent.length, before + 1);
    assert.equal(delivery.sent.at(-1)?.to, account.email);
  });

  it('answers 202 even when the email cannot be delivered (a failure would reveal the account)', async () => {
    delivery.failing = true;
    const res = await requestReset(account.email, '0612345678');
    assert.equal(res.statusCode, 202);
  });

  it('writes the email in the account’s language', async () => {
    await t.db.updateTable('accounts').set({ language: 'en' }).where('id', '=', account.accountId).execute();
    await requestReset(account.email, '0612345678');
    assert.equal(delivery.to(account.email).at(-1)?.subject, 'Reset your Créneau password');
  });

  it('refuses a malformed email or phone with a 400 that says nothing about accounts', async () => {
    const badEmail = await requestReset('pas-un-email', '0612345678');
    const badPhone = await requestReset(account.email, '0033612345678');
    assert.equal(badEmail.statusCode, 400);
    assert.equal(badPhone.statusCode, 400);
    assert.match(badPhone.json().message, /\+33/);
  });

  it('limits requests to 3 an hour per email, for unknown emails as for known ones (429 with Retry-After)', async () => {
    for (const email of [account.email, 'inconnu@example.fr']) {
      for (let i = 0; i < 3; i++) assert.equal((await requestReset(email, '0612345678')).statusCode, 202);
      const refused = await requestReset(email, '0612345678');
      assert.equal(refused.statusCode, 429);
      assert.match(refused.json().message, /Trop de tentatives/);
      assert.ok(Number(refused.headers['retry-after']) > 0);
    }
  });

  it('limits requests to 10 an hour per IP address', async () => {
    const ip = '198.51.100.7';
    for (let i = 0; i < 10; i++) assert.equal((await requestReset(`personne${i}@example.fr`, '0612345678', ip)).statusCode, 202);
    assert.equal((await requestReset('encore@example.fr', '0612345678', ip)).statusCode, 429);
  });

  it('keeps the link valid for 30 minutes, then answers 410', async () => {
    await requestReset(account.email, '0612345678');
    const token = tokenSentTo(account.email);
    clock = new Date(minutesLater(30).getTime() - 1000);
    assert.deepEqual((await post('/api/auth/password-reset/check', { token })).json(), { valid: true });
    clock = minutesLater(30);
    const expired = await post('/api/auth/password-reset/check', { token });
    assert.equal(expired.statusCode, 410);
    assert.match(expired.json().message, /expiré ou a déjà été utilisé/);
    const confirm = await post('/api/auth/password-reset/confirm', { token, password: 'Nouveau-Depart-77' });
    assert.equal(confirm.statusCode, 410);
    assert.ok(await verifyPassword(await storedHash(account.accountId), account.password));
  });

  it('sets the new password, ends every session and trusted device, and refuses the link a second time', async () => {
    const first = await signIn(app, t.db, account);
    const second = await signIn(app, t.db, account, { remembered: true });
    await t.db.insertInto('trusted_devices').values({
      token_hash: createHash('sha256').update('device').digest(), account_id: account.accountId, created_at: clock, last_used_at: clock, expires_at: minutesLater(60 * 24 * 90),
    }).execute();
    await requestReset(account.email, '0612345678');
    const token = tokenSentTo(account.email);

    const res = await post('/api/auth/password-reset/confirm', { token, password: 'Nouveau-Depart-77' });
    assert.equal(res.statusCode, 204);
    const hash = await storedHash(account.accountId);
    assert.ok(await verifyPassword(hash, 'Nouveau-Depart-77'));
    assert.equal(await verifyPassword(hash, account.password), false);
    for (const session of [first, second]) {
      assert.equal((await app.inject({ method: 'GET', url: '/api/account', headers: session.headers })).statusCode, 401);
    }
    assert.equal((await t.db.selectFrom('trusted_devices').select('account_id').where('account_id', '=', account.accountId).execute()).length, 0);
    assert.equal(delivery.to(account.email).at(-1)?.kind, 'password_changed_notice');

    const replay = await post('/api/auth/password-reset/confirm', { token, password: 'Encore-Autre-88' });
    assert.equal(replay.statusCode, 410);
    assert.ok(await verifyPassword(await storedHash(account.accountId), 'Nouveau-Depart-77'));
  });

  it('retires the account’s other pending links once one is used', async () => {
    await requestReset(account.email, '0612345678');
    const older = tokenSentTo(account.email);
    await requestReset(account.email, '0612345678');
    const newer = tokenSentTo(account.email);
    assert.notEqual(older, newer);
    assert.equal((await post('/api/auth/password-reset/confirm', { token: newer, password: 'Nouveau-Depart-77' })).statusCode, 204);
    assert.equal((await post('/api/auth/password-reset/check', { token: older })).statusCode, 410);
  });

  it('refuses a weak password naming the rule, and keeps the link usable', async () => {
    await requestReset(account.email, '0612345678');
    const token = tokenSentTo(account.email);
    const weak = await post('/api/auth/password-reset/confirm', { token, password: 'motdepasse' });
    assert.equal(weak.statusCode, 400);
    assert.ok(weak.json().message.length > 10);
    const personal = await post('/api/auth/password-reset/confirm', { token, password: 'Camille-1990!' });
    assert.equal(personal.statusCode, 400);
    assert.ok(await verifyPassword(await storedHash(account.accountId), account.password));
    assert.equal((await post('/api/auth/password-reset/check', { token })).statusCode, 200);
  });

  it('answers 410 for a token that is malformed or was never issued', async () => {
    for (const token of ['', 'abc', 'A'.repeat(43), "x' or 1=1 --"]) {
      assert.equal((await post('/api/auth/password-reset/check', { token })).statusCode, 410, token);
      assert.equal((await post('/api/auth/password-reset/confirm', { token, password: 'Nouveau-Depart-77' })).statusCode, 410, token);
    }
  });

  it('refuses a reset request without the CSRF token', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email: account.email, phone: '0612345678' } });
    assert.equal(res.statusCode, 403);
    assert.equal(delivery.to(account.email).length, 0);
  });
});
