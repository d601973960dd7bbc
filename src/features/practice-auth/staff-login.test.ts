import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestAccount, signIn } from '../../../test/support/accounts.ts';
import { MONDAY_7AM } from '../../../test/support/booking.ts';
import { practiceAuthWorld, type Browser, type PracticeAuthWorld } from './practice-auth-test-world.ts';
import { createTestStaff, signInStaff, type TestStaff } from './staff-test-support.ts';

describe('practice space: staff login with a code on every new device', () => {
  let w: PracticeAuthWorld;
  let doctor: TestStaff;
  let mobileDoctor: TestStaff;
  before(async () => {
    w = await practiceAuthWorld();
    doctor = await createTestStaff(w.t.db, { role: 'practitioner', practitionerId: w.practitionerIds[0] });
    mobileDoctor = await createTestStaff(w.t.db, { role: 'practitioner', practitionerId: w.practitionerIds[1], phone: '+33611223344' });
  });
  after(() => w.close());

  /** Moves the clock far enough that earlier codes, limits and sessions of other tests do not interfere. */
  let day = 0;
  const freshDay = () => w.clock.set(new Date(new Date(MONDAY_7AM).getTime() + ++day * 86_400_000));
  const logIn = (browser: Browser, staff: TestStaff, extra: Record<string, unknown> = {}) =>
    browser.post('/api/practice/auth/login', { email: staff.email, password: staff.password, ...extra });
  const sessionStaff = async (browser: Browser) => (await browser.get('/api/practice/session')).json().staff;

  it('asks a new device for a code sent by email, valid 15 minutes, and signs in with it', async () => {
    freshDay();
    const browser = await w.browser();
    const asked = await logIn(browser, doctor);
    assert.equal(asked.statusCode, 202);
    const { challenge } = asked.json();
    assert.equal(challenge.channel, 'email');
    assert.equal(new Date(challenge.expiresAt).getTime() - w.clock.now().getTime(), 15 * 60_000);
    assert.equal(await sessionStaff(browser), null, 'no session before the code');
    const res = await browser.post(`/api/practice/auth/login/${challenge.id}/verify`, { code: w.delivery.lastCode(doctor.email) });
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().staff.id, doctor.staffId);
    const staff = await sessionStaff(browser);
    assert.equal(staff.role, 'practitioner');
    assert.deepEqual(staff.practitioners.map((p: { id: string; rights: string[] }) => [p.id, p.rights]),
      [[w.practitionerIds[0], ['view', 'book', 'manage_patients', 'edit_settings']]]);
    assert.match(staff.practitioners[0].name, /^Dr Hélène Dupont\d+$/);
  });

  it('sends the code by SMS when the login has a mobile phone, and by email on request', async () => {
    freshDay();
    const browser = await w.browser();
    const { challenge } = (await logIn(browser, mobileDoctor)).json();
    assert.equal(challenge.channel, 'sms');
    assert.equal(challenge.destination, '06 •• •• •• 44');
    const byEmail = await browser.post(`/api/practice/auth/login/${challenge.id}/resend`, { channel: 'email' });
    assert.equal(byEmail.statusCode, 200);
    assert.equal(byEmail.json().channel, 'email');
    const res = await browser.post(`/api/practice/auth/login/${challenge.id}/verify`, { code: w.delivery.lastCode(mobileDoctor.email) });
    assert.equal(res.statusCode, 200);
  });

  it('re-offers the same challenge to a second login within 2 minutes, sending one code', async () => {
    freshDay();
    const browser = await w.browser();
    const sentBefore = w.delivery.to(doctor.email).length;
    const first = (await logIn(browser, doctor)).json().challenge;
    w.clock.advanceMinutes(1);
    const second = (await logIn(browser, doctor)).json().challenge;
    assert.equal(second.id, first.id);
    assert.equal(w.delivery.to(doctor.email).length, sentBefore + 1);
    const sent = await w.t.db.selectFrom('security_events').select('details').where('staff_id', '=', doctor.staffId)
      .where('event', '=', 'code_sent').where('at', '>=', new Date(w.clock.now().getTime() - 60_000)).execute();
    assert.deepEqual(sent.map((e) => e.details), [{ purpose: 'staff_login', channel: 'email' }]);
  });

  it('refuses a code by SMS for a login without a phone', async () => {
    freshDay();
    const browser = await w.browser();
    const { challenge } = (await logIn(browser, doctor)).json();
    const res = await browser.post(`/api/practice/auth/login/${challenge.id}/resend`, { channel: 'sms' });
    assert.equal(res.statusCode, 400);
    assert.match(res.json().message, /Aucun téléphone/);
  });

  it('refuses a code after 15 minutes', async () => {
    freshDay();
    const browser = await w.browser();
    const { challenge } = (await logIn(browser, doctor)).json();
    const code = w.delivery.lastCode(doctor.email);
    w.clock.advanceMinutes(15);
    const res = await browser.post(`/api/practice/auth/login/${challenge.id}/verify`, { code });
    assert.equal(res.statusCode, 410);
    assert.equal(await sessionStaff(browser), null);
  });

  it('skips the code on a device trusted at the previous login, for 30 days', async () => {
    freshDay();
    const browser = await w.browser();
    const { challenge } = (await logIn(browser, doctor)).json();
    await browser.post(`/api/practice/auth/login/${challenge.id}/verify`, { code: w.delivery.lastCode(doctor.email), rememberDevice: true });
    assert.ok(browser.cookies.get('__Host-creneau_pro_device'));
    await browser.post('/api/practice/auth/logout');
    const sentBefore = w.delivery.to(doctor.email).length;
    w.clock.advanceMinutes(29 * 24 * 60);
    const again = await logIn(browser, doctor);
    assert.equal(again.statusCode, 200);
    assert.equal(again.json().status, 'signed_in');
    assert.equal(w.delivery.to(doctor.email).length, sentBefore, 'no code sent');
    assert.equal((await sessionStaff(browser)).id, doctor.staffId);
    await browser.post('/api/practice/auth/logout');
    w.clock.advanceMinutes(2 * 24 * 60);
    assert.equal((await logIn(browser, doctor)).statusCode, 202, 'trust ends after 30 days');
  });

  it('does not let a device trusted by one login skip the code of another', async () => {
    freshDay();
    const browser = await w.browser();
    const { challenge } = (await logIn(browser, doctor)).json();
    await browser.post(`/api/practice/auth/login/${challenge.id}/verify`, { code: w.delivery.lastCode(doctor.email), rememberDevice: true });
    assert.equal((await logIn(browser, mobileDoctor)).statusCode, 202);
  });

  it('answers a wrong password, an unknown email and a login not activated yet alike', async () => {
    freshDay();
    const browser = await w.browser();
    const pending = await createTestStaff(w.t.db, { role: 'secretary', activated: false });
    const sentBefore = w.delivery.sent.length;
    const wrong = await browser.post('/api/practice/auth/login', { email: doctor.email, password: 'Mauvais-Mot-2026!' });
    const unknown = await browser.post('/api/practice/auth/login', { email: 'personne@cabinet.example.fr', password: 'Mauvais-Mot-2026!' });
    const notActivated = await browser.post('/api/practice/auth/login', { email: pending.email, password: 'Mauvais-Mot-2026!' });
    assert.equal(wrong.statusCode, 401);
    assert.deepEqual(wrong.json(), { error: 'unauthorized', message: 'Adresse email ou mot de passe incorrect.' });
    assert.equal(unknown.body, wrong.body);
    assert.equal(notActivated.body, wrong.body);
    assert.equal(w.delivery.sent.length, sentBefore, 'no code sent');
    const failures = await w.t.db.selectFrom('security_events').select(['staff_id', 'details'])
      .where('event', '=', 'login_failure').where('at', '=', w.clock.now()).orderBy('id').execute();
    assert.deepEqual(failures.map((f) => f.details.reason), ['wrong_password', 'unknown_email', 'not_activated']);
    assert.equal(failures[0]!.staff_id, doctor.staffId);
    assert.doesNotMatch(JSON.stringify(failures), /Mauvais-Mot/);
  });

  it('limits logins to 10 per 15 minutes for one email, the right password included', async () => {
    freshDay();
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) {
      const browser = await w.browser(`203.0.113.${i + 1}`);
      statuses.push((await browser.post('/api/practice/auth/login', { email: mobileDoctor.email, password: 'Mauvais-Mot-2026!' })).statusCode);
    }
    const last = await logIn(await w.browser('203.0.113.99'), mobileDoctor);
    assert.deepEqual(statuses, Array(10).fill(401));
    assert.equal(last.statusCode, 429);
    assert.match(String(last.headers['retry-after']), /^\d+$/);
    assert.match(last.json().message, /^Trop de tentatives\. Réessayez dans \d+ minutes?\.$/);
  });

  it('counts staff logins apart from patient logins of the same address', async () => {
    freshDay();
    const browser = await w.browser('203.0.113.200');
    for (let i = 0; i < 20; i++) await browser.post('/api/auth/login', { email: `patient${i}@example.fr`, password: 'Mauvais-Mot-2026!' });
    assert.equal((await browser.post('/api/auth/login', { email: 'patient@example.fr', password: 'x' })).statusCode, 429);
    assert.equal((await logIn(browser, doctor)).statusCode, 202);
  });

  it('ends the session after 2 idle hours', async () => {
    freshDay();
    const { cookie } = await signInStaff(w.app, w.t.db, doctor, { now: w.clock.now() });
    w.clock.advanceMinutes(120);
    const res = await w.app.inject({ method: 'GET', url: '/api/practice/session', headers: { cookie } });
    assert.equal(res.json().staff, null);
  });

  it('keeps a busy session for 12 hours, not longer', async () => {
    freshDay();
    const { cookie } = await signInStaff(w.app, w.t.db, doctor, { now: w.clock.now() });
    const headers = { cookie };
    const session = () => w.app.inject({ method: 'GET', url: '/api/practice/session', headers }).then((r) => r.json().staff);
    w.clock.advanceMinutes(119);
    assert.ok(await session(), 'activity within 2 hours keeps it');
    w.clock.advanceMinutes(119);
    assert.ok(await session());
    for (let hour = 0; hour < 8; hour++) {
      w.clock.advanceMinutes(60);
      assert.ok(await session(), `still on at ${238 + 60 * (hour + 1)} minutes`);
    }
    w.clock.advanceMinutes(2);
    assert.equal(await session(), null, 'over at 12 hours');
  });

  it('logs out: the session ends and its cookie is cleared', async () => {
    freshDay();
    const browser = await w.browser();
    const staff = await signInStaff(w.app, w.t.db, doctor, { now: w.clock.now() });
    browser.cookies.set('__Host-creneau_pro', staff.cookie.split(';')[0]!.split('=')[1]!);
    const res = await browser.post('/api/practice/auth/logout');
    assert.equal(res.statusCode, 204);
    assert.match(String(res.headers['set-cookie']), /__Host-creneau_pro=; Path=\/; Max-Age=0/);
    const still = await w.app.inject({ method: 'GET', url: '/api/practice/session', headers: { cookie: staff.cookie } });
    assert.equal(still.json().staff, null);
  });

  it('refuses a logout without the CSRF token, and keeps the session', async () => {
    freshDay();
    const staff = await signInStaff(w.app, w.t.db, doctor, { now: w.clock.now() });
    const res = await w.app.inject({ method: 'POST', url: '/api/practice/auth/logout', headers: { cookie: staff.cookie } });
    assert.equal(res.statusCode, 403);
    const still = await w.app.inject({ method: 'GET', url: '/api/practice/session', headers: { cookie: staff.cookie } });
    assert.equal(still.json().staff.id, doctor.staffId);
  });

  it('refuses a login without the CSRF token', async () => {
    freshDay();
    const browser = await w.browser();
    const res = await browser.request('POST', '/api/practice/auth/login', { email: doctor.email, password: doctor.password }, { csrf: false });
    assert.equal(res.statusCode, 403);
  });

  it('does not take a patient session for a staff one, and keeps both side by side', async () => {
    freshDay();
    const patient = await signIn(w.app, w.t.db, await createTestAccount(w.t.db), { now: w.clock.now() });
    const asPatient = await w.app.inject({ method: 'GET', url: '/api/practice/session', headers: { cookie: patient.cookie } });
    assert.equal(asPatient.json().staff, null);
    const secretaries = await w.app.inject({ method: 'GET', url: `/api/practice/practitioners/${w.practitionerIds[0]}/secretaries`, headers: patient.headers });
    assert.equal(secretaries.statusCode, 401);
    assert.equal(secretaries.json().message, 'Connectez-vous à l’espace praticien.');
    const staff = await signInStaff(w.app, w.t.db, doctor, { now: w.clock.now() });
    const both = `${patient.cookie}; ${staff.cookie.split('; ')[0]}`;
    const bothStaff = await w.app.inject({ method: 'GET', url: '/api/practice/session', headers: { cookie: both } });
    const bothPatient = await w.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: both } });
    assert.equal(bothStaff.json().staff.id, doctor.staffId);
    assert.equal(bothPatient.json().account.id, patient.accountId);
  });

  it('does not take a staff session for a patient one', async () => {
    freshDay();
    const staff = await signInStaff(w.app, w.t.db, doctor, { now: w.clock.now() });
    const res = await w.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: staff.cookie } });
    assert.equal(res.json().account, null);
  });
});
