import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { App } from '../../platform/http/app.ts';
import type { TestDatabase } from '../../../test/support/database.ts';
import { startTestApp, stopTestApp } from '../../../test/support/app.ts';
import { createTestAccount, csrfPair, lastCodeSentTo, signIn, type CsrfPair, type TestAccount } from '../../../test/support/accounts.ts';

const start = new Date('2026-03-02T08:00:00Z');
const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);

/** The cookies of an answer, as `name=value` pairs for the next request. */
function cookiesOf(res: { headers: Record<string, unknown> }): Record<string, string> {
  const lines = ([] as string[]).concat((res.headers['set-cookie'] as string | string[] | undefined) ?? []);
  return Object.fromEntries(lines.map((line) => line.split(';')[0]!.split('=') as [string, string]));
}

describe('accounts: login with an email code (A4), trusted devices, logout', () => {
  let t: TestDatabase;
  let app: App;
  let csrf: CsrfPair;
  let clock = start;
  let counter = 0;
  let ip = '';
  let account: TestAccount;
  before(async () => {
    ({ t, app } = await startTestApp({ now: () => clock }));
    csrf = await csrfPair(app);
  });
  after(() => stopTestApp(app, t));
  beforeEach(async () => {
    counter += 1;
    clock = start;
    ip = `192.0.2.${counter}`;
    account = await createTestAccount(t.db, { email: `camille.${counter}@example.fr` });
  });

  const post = (url: string, payload: unknown, extra: { cookie?: string; headers?: Record<string, string> } = {}) =>
    app.inject({
      method: 'POST', url, payload: payload as object, remoteAddress: ip,
      headers: { ...csrf.headers, ...extra.headers, cookie: [csrf.cookie, extra.cookie].filter(Boolean).join('; ') },
    });
  const login = (extra: { cookie?: string } = {}, body: Record<string, unknown> = {}) =>
    post('/api/auth/login', { email: account.email, password: account.password, ...body }, extra);
  const sessionOf = async (cookie: string) => (await app.inject({ method: 'GET', url: '/api/session', headers: { cookie } })).json().account;
  /** Password then email code: the cookies of the signed-in answer. */
  const loginWithCode = async (body: Record<string, unknown> = {}, extra: { cookie?: string } = {}) => {
    const challenge = (await login(extra)).json().challenge;
    const res = await post(`/api/auth/login/${challenge.id}/verify`, { code: await lastCodeSentTo(t.db, account.email), ...body }, extra);
    assert.equal(res.statusCode, 200);
    return cookiesOf(res);
  };

  it('asks for a code sent by email on an unknown device, without signing in yet', async () => {
    const res = await login();
    assert.equal(res.statusCode, 202);
    const body = res.json();
    assert.equal(body.status, 'code_required');
    assert.equal(body.challenge.channel, 'email');
    assert.equal(body.challenge.destination, 'c•••@example.fr');
    assert.equal(body.challenge.expiresAt, at(15 * 60).toISOString());
    assert.equal(res.headers['set-cookie'], undefined);
    assert.match((await lastCodeSentTo(t.db, account.email)) ?? '', /^\d{6}$/);
    const mail = await t.db.selectFrom('dev_mailbox').selectAll().where('recipient', '=', account.email).executeTakeFirstOrThrow();
    assert.equal(mail.subject, 'Votre code de connexion Créneau');
    assert.match(mail.html ?? '', /<p[^>]*>\d{6}<\/p>/);
  });

  it('signs in with the emailed code and marks the email verified', async () => {
    const cookies = await loginWithCode();
    const signedIn = await sessionOf(`__Host-creneau_session=${cookies['__Host-creneau_session']}`);
    assert.equal(signedIn.id, account.accountId);
    assert.equal(signedIn.emailVerified, true);
    assert.equal(cookies['__Host-creneau_device'], undefined);
  });

  it('finds the account whatever the case and spaces of the email typed', async () => {
    const res = await post('/api/auth/login', { email: `  ${account.email.toUpperCase()} `, password: account.password });
    assert.equal(res.statusCode, 202);
  });

  it('answers a wrong password and an unknown email alike', async () => {
    const wrong = await post('/api/auth/login', { email: account.email, password: 'Pas-Le-Bon-1!' });
    const unknown = await post('/api/auth/login', { email: 'personne@example.fr', password: 'Pas-Le-Bon-1!' });
    assert.equal(wrong.statusCode, 401);
    assert.equal(unknown.statusCode, wrong.statusCode);
    assert.equal(unknown.body, wrong.body);
    assert.deepEqual(wrong.json(), { error: 'unauthorized', message: 'Adresse email ou mot de passe incorrect.' });
    assert.equal(await lastCodeSentTo(t.db, account.email), undefined);
  });

  it('takes a similar time for a wrong password and an unknown email (loose bound, not a performance claim)', async () => {
    // Alternated, so that the machine's load drifts alike for both; the medians of 7 answers are compared.
    const timeOne = async (email: string) => {
      const begun = process.hrtime.bigint();
      await post('/api/auth/login', { email, password: 'Pas-Le-Bon-1!' });
      return Number(process.hrtime.bigint() - begun) / 1e6;
    };
    const knownTimes: number[] = [];
    const unknownTimes: number[] = [];
    await timeOne('echauffement@example.fr');
    for (let i = 0; i < 7; i++) {
      ip = `192.0.2.${counter}${i}`;
      knownTimes.push(await timeOne(account.email));
      unknownTimes.push(await timeOne('personne@example.fr'));
    }
    const median = (times: number[]) => times.sort((a, b) => a - b)[3]!;
    const known = median(knownTimes);
    const unknown = median(unknownTimes);
    const ratio = Math.max(known, unknown) / Math.min(known, unknown);
    if (process.env.CRENEAU_SHOW_TIMINGS) console.log(`login timing medians: known ${known.toFixed(1)} ms, unknown ${unknown.toFixed(1)} ms`);
    assert.ok(ratio < 3, `known ${known.toFixed(1)} ms, unknown ${unknown.toFixed(1)} ms`);
  });

  it('logs failures and successes without the password or the code', async () => {
    await post('/api/auth/login', { email: account.email, password: 'Pas-Le-Bon-1!' });
    await loginWithCode();
    const events = await t.db.selectFrom('security_events').selectAll().where('account_id', '=', account.accountId).orderBy('id').execute();
    assert.deepEqual(events.map((e) => e.event), ['login_failure', 'code_sent', 'login_success']);
    assert.equal(events[0]!.ip, ip);
    assert.doesNotMatch(JSON.stringify(events), /Pas-Le-Bon|Lune-Bleue/);
  });

  it('re-offers the same challenge to a second login within 2 minutes instead of sending another code', async () => {
    const first = (await login()).json().challenge;
    clock = at(30);
    const second = await login();
    assert.equal(second.statusCode, 202);
    assert.equal(second.json().challenge.id, first.id);
    assert.equal(second.json().challenge.resendAvailableAt, first.resendAvailableAt);
    const sent = await t.db.selectFrom('dev_mailbox').select('id').where('recipient', '=', account.email).execute();
    assert.equal(sent.length, 1);
  });

  it('sends a new code at once to a login right after a signed-in session ended (the first code was used)', async () => {
    const cookies = await loginWithCode();
    clock = at(20);
    await post('/api/auth/logout', undefined, { cookie: `__Host-creneau_session=${cookies['__Host-creneau_session']}` });
    clock = at(40);
    const again = await login();
    assert.equal(again.statusCode, 202);
    const sent = await t.db.selectFrom('dev_mailbox').select('id').where('recipient', '=', account.email).execute();
    assert.equal(sent.length, 2);
  });

  it('refuses the login code after 15 minutes', async () => {
    const challenge = (await login()).json().challenge;
    const code = await lastCodeSentTo(t.db, account.email);
    clock = at(15 * 60 + 1);
    const res = await post(`/api/auth/login/${challenge.id}/verify`, { code });
    assert.equal(res.statusCode, 410);
  });

  it('counts wrong login codes and logs the failures', async () => {
    const challenge = (await login()).json().challenge;
    const code = (await lastCodeSentTo(t.db, account.email))!;
    const res = await post(`/api/auth/login/${challenge.id}/verify`, { code: code === '000000' ? '999999' : '000000' });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().message, 'Code incorrect. Il vous reste 4 essais.');
    const failed = await t.db.selectFrom('security_events').select('event').where('account_id', '=', account.accountId).where('event', '=', 'code_failed').execute();
    assert.equal(failed.length, 1);
  });

  it('resends the login code by SMS at once, and by SMS again only after 2 minutes', async () => {
    const challenge = (await login()).json().challenge;
    const bySms = await post(`/api/auth/login/${challenge.id}/resend`, { channel: 'sms' });
    assert.equal(bySms.statusCode, 200);
    assert.equal(bySms.json().channel, 'sms');
    assert.equal(bySms.json().destination, '06 •• •• •• 78');
    const smsCode = await lastCodeSentTo(t.db, account.phone);
    clock = at(60);
    const tooSoon = await post(`/api/auth/login/${challenge.id}/resend`, { channel: 'sms' });
    assert.equal(tooSoon.statusCode, 429);
    assert.equal(tooSoon.headers['retry-after'], '60');
    const res = await post(`/api/auth/login/${challenge.id}/verify`, { code: smsCode });
    assert.equal(res.statusCode, 200);
  });

  it('answers 404 to a resend of an unknown challenge and 410 to its verification', async () => {
    assert.equal((await post('/api/auth/login/00000000-0000-4000-8000-000000000000/resend', {})).statusCode, 404);
    assert.equal((await post('/api/auth/login/nope/verify', { code: '123456' })).statusCode, 410);
  });

  it('does not accept a used login code twice', async () => {
    const challenge = (await login()).json().challenge;
    const code = await lastCodeSentTo(t.db, account.email);
    assert.equal((await post(`/api/auth/login/${challenge.id}/verify`, { code })).statusCode, 200);
    assert.equal((await post(`/api/auth/login/${challenge.id}/verify`, { code })).statusCode, 410);
  });

  it('skips the code on a device trusted with « Se souvenir de moi »', async () => {
    const cookies = await loginWithCode({ rememberDevice: true });
    const device = cookies['__Host-creneau_device'];
    assert.ok(device);
    clock = at(10 * 24 * 3600);
    const res = await login({ cookie: `__Host-creneau_device=${device}` }, { rememberDevice: true });
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().status, 'signed_in');
    assert.equal(res.json().account.id, account.accountId);
    const next = cookiesOf(res);
    assert.ok(await sessionOf(`__Host-creneau_session=${next['__Host-creneau_session']}`));
    const mails = await t.db.selectFrom('dev_mailbox').select('id').where('recipient', '=', account.email).execute();
    assert.equal(mails.length, 1, 'only the first login sent a code');
  });

  it('still asks for the password on a trusted device', async () => {
    const cookies = await loginWithCode({ rememberDevice: true });
    const res = await post('/api/auth/login', { email: account.email, password: 'Pas-Le-Bon-1!' }, { cookie: `__Host-creneau_device=${cookies['__Host-creneau_device']}` });
    assert.equal(res.statusCode, 401);
  });

  it('asks for the code again once the device trust is over 90 days old', async () => {
    const cookies = await loginWithCode({ rememberDevice: true });
    clock = at(90 * 24 * 3600 + 1);
    const res = await login({ cookie: `__Host-creneau_device=${cookies['__Host-creneau_device']}` });
    assert.equal(res.statusCode, 202);
  });

  it('does not let one account’s trusted device skip the code of another account', async () => {
    const cookies = await loginWithCode({ rememberDevice: true });
    const other = await createTestAccount(t.db, { email: `autre.${counter}@example.fr` });
    const res = await post('/api/auth/login', { email: other.email, password: other.password }, { cookie: `__Host-creneau_device=${cookies['__Host-creneau_device']}` });
    assert.equal(res.statusCode, 202);
  });

  it('issues a new session at login and deletes the one the browser already had', async () => {
    const before = await signIn(app, t.db, account, { now: clock });
    const presented = before.cookie.split('; ')[0]!;
    const cookies = await loginWithCode({}, { cookie: presented });
    assert.notEqual(`__Host-creneau_session=${cookies['__Host-creneau_session']}`, presented);
    assert.equal(await sessionOf(presented), null);
    assert.ok(await sessionOf(`__Host-creneau_session=${cookies['__Host-creneau_session']}`));
  });

  it('limits logins to 10 per 15 minutes for one email, from any address', async () => {
    const statuses = [];
    for (let i = 0; i < 11; i++) {
      ip = `203.0.113.${i + 1}`;
      statuses.push((await post('/api/auth/login', { email: account.email, password: 'Pas-Le-Bon-1!' })).statusCode);
    }
    assert.deepEqual(statuses, [...Array(10).fill(401), 429]);
    const refused = await post('/api/auth/login', { email: account.email, password: account.password });
    assert.equal(refused.statusCode, 429, 'even the right password waits');
    assert.equal(refused.headers['retry-after'], String(15 * 60));
    assert.equal(refused.json().message, 'Trop de tentatives. Réessayez dans 15 minutes.');
    clock = at(15 * 60);
    assert.equal((await login()).statusCode, 202);
  });

  it('limits logins to 20 per 15 minutes from one address', async () => {
    const statuses = [];
    for (let i = 0; i < 21; i++) statuses.push((await post('/api/auth/login', { email: `x${i}@example.fr`, password: 'Pas-Le-Bon-1!' })).statusCode);
    assert.deepEqual(statuses, [...Array(20).fill(401), 429]);
  });

  it('limits code checks to 30 per 15 minutes from one address', async () => {
    const challenge = (await login()).json().challenge;
    const statuses = new Set<number>();
    for (let i = 0; i < 30; i++) statuses.add((await post(`/api/auth/login/${challenge.id}/verify`, { code: '12345x' })).statusCode);
    assert.deepEqual([...statuses], [400]);
    assert.equal((await post(`/api/auth/login/${challenge.id}/verify`, { code: '123456' })).statusCode, 429);
  });

  it('logs out: the session ends and its cookie is cleared', async () => {
    const { cookie } = await signIn(app, t.db, account, { now: clock });
    const res = await post('/api/auth/logout', undefined, { cookie: cookie.split('; ')[0] });
    assert.equal(res.statusCode, 204);
    assert.match(String(res.headers['set-cookie']), /__Host-creneau_session=; Path=\/; Max-Age=0/);
    assert.equal(await sessionOf(cookie), null);
    const events = await t.db.selectFrom('security_events').select('event').where('account_id', '=', account.accountId).execute();
    assert.deepEqual(events.map((e) => e.event), ['logout']);
  });

  it('refuses a logout without the CSRF token and keeps the session', async () => {
    const { cookie } = await signIn(app, t.db, account, { now: clock });
    const res = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    assert.equal(res.statusCode, 403);
    assert.ok(await sessionOf(cookie));
  });

  it('refuses a logout posted from another site and keeps the session', async () => {
    const { headers, cookie } = await signIn(app, t.db, account, { now: clock });
    const res = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { ...headers, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } });
    assert.equal(res.statusCode, 403);
    assert.ok(await sessionOf(cookie));
  });

  it('logs out of every device: other sessions and trusted devices of the account end, another account’s do not', async () => {
    const trusted = await loginWithCode({ rememberDevice: true });
    const here = await signIn(app, t.db, account, { now: clock });
    const otherAccount = await signIn(app, t.db, undefined, { now: clock });
    const res = await app.inject({ method: 'POST', url: '/api/auth/logout-all', headers: here.headers });
    assert.equal(res.statusCode, 204);
    assert.match(String(res.headers['set-cookie']), /__Host-creneau_device=; Path=\/; Max-Age=0/);
    assert.equal(await sessionOf(here.cookie), null);
    assert.equal(await sessionOf(`__Host-creneau_session=${trusted['__Host-creneau_session']}`), null);
    assert.ok(await sessionOf(otherAccount.cookie));
    const again = await login({ cookie: `__Host-creneau_device=${trusted['__Host-creneau_device']}` });
    assert.equal(again.statusCode, 202, 'the device is no longer trusted');
  });

  it('asks to log in before logging out of every device', async () => {
    const res = await post('/api/auth/logout-all', undefined);
    assert.equal(res.statusCode, 401);
    assert.equal(res.json().message, 'Connectez-vous pour continuer.');
  });
});
