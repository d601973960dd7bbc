import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildApp, type App } from '../../platform/http/app.ts';
import { DeliveryUnavailable, type Delivery } from '../../platform/delivery/delivery.ts';
import { featureRoutes } from '../routes.ts';
import type { TestDatabase } from '../../../test/support/database.ts';
import { startTestApp, stopTestApp } from '../../../test/support/app.ts';
import { createTestAccount, csrfPair, lastCodeSentTo, type CsrfPair } from '../../../test/support/accounts.ts';

const start = new Date('2026-03-02T08:00:00Z');
const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);

describe('accounts: sign-up with a verified phone (A1, A2)', () => {
  let t: TestDatabase;
  let app: App;
  let csrf: CsrfPair;
  let clock = start;
  let counter = 0;
  let ip = '';
  let phone = '';
  before(async () => {
    ({ t, app } = await startTestApp({ now: () => clock }));
    csrf = await csrfPair(app);
  });
  after(() => stopTestApp(app, t));
  // Each scenario comes from its own address with its own number, so that rate limits of one do not reach another.
  beforeEach(() => {
    counter += 1;
    clock = start;
    ip = `198.51.100.${counter}`;
    phone = `06 12 34 56 ${String(counter).padStart(2, '0')}`;
  });

  const e164 = () => `+33${phone.replace(/\s/g, '').slice(1)}`;
  const form = (overrides: Record<string, unknown> = {}) => ({
    phone, email: `jeanne.${counter}@example.fr`, emailConfirmation: `Jeanne.${counter}@example.fr `, password: 'Violette-Sous-La-Pluie-7',
    acceptTerms: true, acceptPrivacy: true, ...overrides,
  });
  const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url, payload: payload as object, remoteAddress: ip, headers: { ...csrf.headers, ...headers } });
  const counts = async () => {
    const count = async (table: 'signups' | 'accounts' | 'one_time_codes' | 'dev_mailbox' | 'patients') =>
      Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    return { signups: await count('signups'), accounts: await count('accounts'), codes: await count('one_time_codes'), messages: await count('dev_mailbox'), patients: await count('patients') };
  };

  it('sends a code by SMS to a mobile and creates no account yet', async () => {
    const res = await post('/api/auth/signup', form());
    assert.equal(res.statusCode, 201);
    const sent = res.json();
    assert.equal(sent.channel, 'sms');
    assert.equal(sent.destination, `06 •• •• •• ${String(counter).padStart(2, '0')}`);
    assert.equal(sent.expiresAt, at(15 * 60).toISOString());
    assert.equal(sent.resendAvailableAt, at(120).toISOString());
    assert.match((await lastCodeSentTo(t.db, e164())) ?? '', /^\d{6}$/);
    assert.equal(await t.db.selectFrom('accounts').select('id').where('email', '=', `jeanne.${counter}@example.fr`).executeTakeFirst(), undefined);
  });

  it('creates the account, its holder record and a session when the code is entered', async () => {
    const sent = (await post('/api/auth/signup', form())).json();
    const code = await lastCodeSentTo(t.db, e164());
    clock = at(60);
    const res = await post(`/api/auth/signup/${sent.id}/verify`, { code });
    assert.equal(res.statusCode, 201);
    const account = res.json().account;
    assert.equal(account.email, `jeanne.${counter}@example.fr`);
    assert.equal(account.phone, e164());
    assert.equal(account.phoneKind, 'mobile');
    assert.equal(account.emailVerified, false);
    const cookie = String(res.headers['set-cookie']);
    assert.match(cookie, /__Host-creneau_session=[\w-]{43}; Path=\/; Secure; HttpOnly; SameSite=Lax/);
    assert.doesNotMatch(cookie, /Max-Age/, 'a browser-session cookie without « se souvenir de moi »');
    const session = await app.inject({ method: 'GET', url: '/api/session', headers: { cookie: cookie.split(';')[0]! } });
    assert.equal(session.json().account.id, account.id);
    const holder = await t.db.selectFrom('patients').selectAll().where('account_id', '=', account.id).execute();
    assert.equal(holder.length, 1);
    assert.equal(holder[0]!.is_holder, true);
    assert.equal(await t.db.selectFrom('signups').select('id').where('id', '=', sent.id).executeTakeFirst(), undefined);
    const events = await t.db.selectFrom('security_events').select(['event', 'details']).where('account_id', '=', account.id).execute();
    assert.deepEqual(events.map((e) => e.event), ['signup']);
    assert.doesNotMatch(JSON.stringify(events), new RegExp(code!));
  });

  it('keeps the password as an argon2id hash only', async () => {
    const sent = (await post('/api/auth/signup', form())).json();
    await post(`/api/auth/signup/${sent.id}/verify`, { code: await lastCodeSentTo(t.db, e164()) });
    const row = await t.db.selectFrom('accounts').select('password_hash').where('email', '=', `jeanne.${counter}@example.fr`).executeTakeFirstOrThrow();
    assert.match(row.password_hash, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    assert.doesNotMatch(row.password_hash, /Violette/);
  });

  it('trusts the device and remembers the session when asked', async () => {
    const sent = (await post('/api/auth/signup', form())).json();
    const res = await post(`/api/auth/signup/${sent.id}/verify`, { code: await lastCodeSentTo(t.db, e164()), rememberDevice: true });
    const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    assert.ok(cookies.some((c) => /^__Host-creneau_session=.*Max-Age=2592000/.test(c)));
    assert.ok(cookies.some((c) => /^__Host-creneau_device=.*Max-Age=7776000; Secure; HttpOnly; SameSite=Lax/.test(c)));
  });

  it('calls a landline with a robot voice instead of sending an SMS', async () => {
    phone = `01 23 45 67 ${String(counter).padStart(2, '0')}`;
    const res = await post('/api/auth/signup', form());
    assert.equal(res.json().channel, 'voice');
    const message = await t.db.selectFrom('dev_mailbox').selectAll().where('recipient', '=', e164()).executeTakeFirstOrThrow();
    assert.equal(message.channel, 'voice');
    assert.match(message.text, /\d \d \d \d \d \d/);
  });

  it('accepts an overseas mobile typed nationally and a foreign number in + form', async () => {
    const reunion = await post('/api/auth/signup', form({ phone: '0692 12 34 56' }));
    assert.equal(reunion.statusCode, 201);
    assert.ok(await lastCodeSentTo(t.db, '+262692123456'));
    counter += 1;
    const british = await post('/api/auth/signup', form({ phone: '+44 7400 123456' }));
    assert.equal(british.statusCode, 201);
    assert.ok(await lastCodeSentTo(t.db, '+447400123456'));
  });

  const refusals: [string, Record<string, unknown>, number, RegExp][] = [
    ['a number typed with 00', { phone: '0033 6 12 34 56 78' }, 400, /^Saisissez le numéro au format international, par exemple \+33 6 12 34 56 78/],
    ['a number that is not one', { phone: '06 12' }, 400, /numéro de téléphone n’est pas valide/],
    ['a malformed email', { email: 'jeanne.example.fr', emailConfirmation: 'jeanne.example.fr' }, 400, /adresse email valide/],
    ['two different emails', { emailConfirmation: 'autre@example.fr' }, 400, /^Les deux adresses email ne sont pas identiques/],
    ['a password without a digit', { password: 'Violette-Sous-La-Pluie' }, 400, /chiffre/],
    ['a password too short', { password: 'Vi-7a' }, 400, /au moins 8 caractères/],
    ['a very common password', { password: 'Azerty123!' }, 400, /trop courant|trop répandu|courant/],
    ['terms not accepted', { acceptTerms: false }, 400, /conditions générales/],
    ['the data-protection notice not accepted', { acceptPrivacy: undefined }, 400, /protection des données/],
    ['a missing phone', { phone: undefined }, 400, /numéro de téléphone/],
  ];
  for (const [name, overrides, status, message] of refusals) {
    it(`refuses ${name} in French and stores nothing`, async () => {
      const before = await counts();
      const res = await post('/api/auth/signup', form(overrides));
      assert.equal(res.statusCode, status);
      assert.equal(res.json().error, 'invalid');
      assert.match(res.json().message, message);
      assert.deepEqual(await counts(), before);
    });
  }

  it('refuses a sign-up without the CSRF token and stores nothing', async () => {
    const before = await counts();
    const res = await app.inject({ method: 'POST', url: '/api/auth/signup', payload: form(), remoteAddress: ip });
    assert.equal(res.statusCode, 403);
    assert.equal(res.json().error, 'forbidden');
    assert.deepEqual(await counts(), before);
  });

  it('refuses a sign-up posted from another site and stores nothing', async () => {
    const before = await counts();
    const res = await post('/api/auth/signup', form(), { origin: 'https://evil.example' });
    assert.equal(res.statusCode, 403);
    assert.deepEqual(await counts(), before);
  });

  it('explains a refusal in English when English is preferred', async () => {
    const res = await post('/api/auth/signup', form({ emailConfirmation: 'autre@example.fr' }), { 'accept-language': 'en' });
    assert.equal(res.json().message, 'The two email addresses are not the same.');
  });

  it('refuses an email that already has an account with 409 and stores nothing', async () => {
    await createTestAccount(t.db, { email: `jeanne.${counter}@example.fr` });
    const before = await counts();
    const res = await post('/api/auth/signup', form());
    assert.equal(res.statusCode, 409);
    assert.equal(res.json().message, 'Un compte existe déjà avec cette adresse email. Connectez-vous ou réinitialisez votre mot de passe.');
    assert.deepEqual(await counts(), before);
  });

  it('rolls everything back when the SMS cannot leave (503)', async () => {
    const failing: Delivery = {
      sendEmail: async () => undefined,
      callVoice: async () => undefined,
      sendSms: async (m) => { throw new DeliveryUnavailable('sms', m.kind, 'test: provider down'); },
    };
    const broken = await buildApp({ context: { db: t.db, now: () => clock, delivery: failing }, routes: featureRoutes });
    try {
      const before = await counts();
      const res = await broken.inject({ method: 'POST', url: '/api/auth/signup', payload: form(), remoteAddress: ip, headers: (await csrfPair(broken)).headers });
      assert.equal(res.statusCode, 503);
      assert.deepEqual(await counts(), before);
    } finally {
      await broken.close();
    }
  });

  it('counts down the tries of a wrong code, then kills the code after the fifth', async () => {
    const sent = (await post('/api/auth/signup', form())).json();
    const code = (await lastCodeSentTo(t.db, e164()))!;
    const wrong = code === '000000' ? '111111' : '000000';
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push((await post(`/api/auth/signup/${sent.id}/verify`, { code: wrong })).json().message);
    assert.deepEqual(answers.slice(0, 4), [
      'Code incorrect. Il vous reste 4 essais.', 'Code incorrect. Il vous reste 3 essais.',
      'Code incorrect. Il vous reste 2 essais.', 'Code incorrect. Il vous reste 1 essai.',
    ]);
    const right = await post(`/api/auth/signup/${sent.id}/verify`, { code });
    assert.equal(right.statusCode, 410);
    assert.match(right.json().message, /^Ce code a expiré/);
    assert.equal(await t.db.selectFrom('accounts').select('id').where('phone', '=', e164()).executeTakeFirst(), undefined);
  });

  it('answers 410 on the fifth wrong attempt', async () => {
    const sent = (await post('/api/auth/signup', form())).json();
    const code = (await lastCodeSentTo(t.db, e164()))!;
    const wrong = code === '000000' ? '111111' : '000000';
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await post(`/api/auth/signup/${sent.id}/verify`, { code: wrong })).statusCode);
    assert.deepEqual(statuses, [400, 400, 400, 400, 410]);
  });

  it('refuses a code entered after 15 minutes', async () => {
    const sent = (await post('/api/auth/signup', form())).json();
    const code = await lastCodeSentTo(t.db, e164());
    clock = at(15 * 60);
    const res = await post(`/api/auth/signup/${sent.id}/verify`, { code });
    assert.equal(res.statusCode, 410);
  });

  it('accepts the code typed with spaces just before 15 minutes', async () => {
    const sent = (await post('/api/auth/signup', form())).json();
    const code = (await lastCodeSentTo(t.db, e164()))!;
    clock = at(15 * 60 - 1);
    const res = await post(`/api/auth/signup/${sent.id}/verify`, { code: `${code.slice(0, 3)} ${code.slice(3)}` });
    assert.equal(res.statusCode, 201);
  });

  it('refuses a resend before 2 minutes with the seconds to wait', async () => {
    const sent = (await post('/api/auth/signup', form())).json();
    clock = at(90);
    const res = await post(`/api/auth/signup/${sent.id}/resend`, {});
    assert.equal(res.statusCode, 429);
    assert.equal(res.headers['retry-after'], '30');
    assert.equal(res.json().message, 'Trop de tentatives. Réessayez dans 1 minute.');
  });

  it('makes a second sign-up to a number whose code is still live wait the rest of 2 minutes', async () => {
    await post('/api/auth/signup', form());
    clock = at(45);
    const res = await post('/api/auth/signup', form({ email: `autre.${counter}@example.fr`, emailConfirmation: `autre.${counter}@example.fr` }));
    assert.equal(res.statusCode, 429);
    assert.equal(res.headers['retry-after'], '75');
  });

  it('resends a new code after 2 minutes; the first one no longer works', async () => {
    const sent = (await post('/api/auth/signup', form())).json();
    const first = await lastCodeSentTo(t.db, e164());
    clock = at(120);
    const res = await post(`/api/auth/signup/${sent.id}/resend`, {});
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().id, sent.id);
    assert.equal(res.json().resendAvailableAt, at(240).toISOString());
    const second = await lastCodeSentTo(t.db, e164());
    if (first !== second) assert.equal((await post(`/api/auth/signup/${sent.id}/verify`, { code: first })).statusCode, 400);
    assert.equal((await post(`/api/auth/signup/${sent.id}/verify`, { code: second })).statusCode, 201);
  });

  it('calls the mobile instead when « Recevoir un appel » is chosen', async () => {
    const sent = (await post('/api/auth/signup', form())).json();
    clock = at(120);
    const res = await post(`/api/auth/signup/${sent.id}/resend`, { channel: 'voice' });
    assert.equal(res.json().channel, 'voice');
    const last = await t.db.selectFrom('dev_mailbox').select('channel').where('recipient', '=', e164()).orderBy('id', 'desc').executeTakeFirstOrThrow();
    assert.equal(last.channel, 'voice');
  });

  it('refuses an SMS to a landline', async () => {
    phone = `01 23 45 68 ${String(counter).padStart(2, '0')}`;
    const sent = (await post('/api/auth/signup', form())).json();
    clock = at(120);
    assert.equal((await post(`/api/auth/signup/${sent.id}/resend`, { channel: 'sms' })).statusCode, 400);
  });

  it('sends the code to a new number at once with « Changer de numéro »; the account gets that number', async () => {
    const sent = (await post('/api/auth/signup', form())).json();
    const oldCode = await lastCodeSentTo(t.db, e164());
    clock = at(10);
    const res = await post(`/api/auth/signup/${sent.id}/phone`, { phone: '07 98 76 54 32' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().destination, '07 •• •• •• 32');
    const newCode = await lastCodeSentTo(t.db, '+33798765432');
    if (oldCode !== newCode) assert.equal((await post(`/api/auth/signup/${sent.id}/verify`, { code: oldCode })).statusCode, 400);
    const done = await post(`/api/auth/signup/${sent.id}/verify`, { code: newCode });
    assert.equal(done.json().account.phone, '+33798765432');
  });

  it('refuses a new number typed with 00', async () => {
    const sent = (await post('/api/auth/signup', form())).json();
    const res = await post(`/api/auth/signup/${sent.id}/phone`, { phone: '0044 7400 123456' });
    assert.equal(res.statusCode, 400);
    assert.match(res.json().message, /format international/);
  });

  it('answers 404 for an unknown sign-up and 410 to a code for it', async () => {
    assert.equal((await post('/api/auth/signup/00000000-0000-4000-8000-000000000000/resend', {})).statusCode, 404);
    assert.equal((await post('/api/auth/signup/not-an-id/phone', { phone })).statusCode, 404);
    assert.equal((await post('/api/auth/signup/00000000-0000-4000-8000-000000000000/verify', { code: '123456' })).statusCode, 410);
  });

  it('refuses a code that is not 6 digits without using a try', async () => {
    const sent = (await post('/api/auth/signup', form())).json();
    const res = await post(`/api/auth/signup/${sent.id}/verify`, { code: '12ab' });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().message, 'Le code est composé de 6 chiffres.');
    const row = await t.db.selectFrom('one_time_codes').select('attempts').where('signup_id', '=', sent.id).executeTakeFirstOrThrow();
    assert.equal(row.attempts, 0);
  });

  it('lets the second of two sign-ups with the same email finish with 409', async () => {
    const first = (await post('/api/auth/signup', form())).json();
    const firstCode = await lastCodeSentTo(t.db, e164());
    phone = '07 81 22 33 44';
    const second = (await post('/api/auth/signup', form())).json();
    const secondCode = await lastCodeSentTo(t.db, '+33781223344');
    assert.equal((await post(`/api/auth/signup/${first.id}/verify`, { code: firstCode })).statusCode, 201);
    assert.equal((await post(`/api/auth/signup/${second.id}/verify`, { code: secondCode })).statusCode, 409);
  });

  it('limits sign-ups to 10 an hour from one address', async () => {
    const statuses = [];
    for (let i = 0; i < 11; i++) {
      statuses.push((await post('/api/auth/signup', form({ phone: `06 55 44 33 ${String(10 + i)}`, email: `flot.${i}@example.fr`, emailConfirmation: `flot.${i}@example.fr` }))).statusCode);
    }
    assert.deepEqual(statuses, [...Array(10).fill(201), 429]);
  });

  it('purges expired sign-ups when a new one starts', async () => {
    const stale = (await post('/api/auth/signup', form())).json();
    clock = at(2 * 60 * 60);
    ip = '198.51.100.250';
    await post('/api/auth/signup', form({ phone: '06 99 88 77 66', email: 'autre.personne@example.fr', emailConfirmation: 'autre.personne@example.fr' }));
    assert.equal(await t.db.selectFrom('signups').select('id').where('id', '=', stale.id).executeTakeFirst(), undefined);
  });
});
