import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestAccount, signIn } from '../../../test/support/accounts.ts';
import { MONDAY_7AM } from '../../../test/support/booking.ts';
import { practiceAuthWorld, type Browser, type PracticeAuthWorld } from './practice-auth-test-world.ts';
import { STAFF_SESSION_COOKIE } from './staff-session-store.ts';
import { createTestStaff, signInStaff, type TestStaff } from './staff-test-support.ts';

const NEW_PASSWORD = 'Cabinet-Neuf-2027?';

describe('practice space: a staff login changes its password and logs out everywhere', () => {
  let w: PracticeAuthWorld;
  before(async () => {
    w = await practiceAuthWorld();
  });
  after(() => w.close());

  /** Moves the clock a day on, so that earlier codes, limits and sessions do not interfere. */
  let day = 0;
  const freshDay = () => w.clock.set(new Date(new Date(MONDAY_7AM).getTime() + ++day * 86_400_000));
  let secretaries = 0;
  const newSecretary = () => createTestStaff(w.t.db, { role: 'secretary', email: `sec${++secretaries}@cabinet.example.fr` });
  const sessionStaff = async (browser: Browser) => (await browser.get('/api/practice/session')).json().staff;
  const staffOfCookie = async (cookie: string) =>
    (await w.app.inject({ method: 'GET', url: '/api/practice/session', headers: { cookie } })).json().staff;
  const logIn = (browser: Browser, staff: TestStaff, password: string, extra: Record<string, unknown> = {}) =>
    browser.post('/api/practice/auth/login', { email: staff.email, password, ...extra });

  /** A browser signed in through the login and its code, this device trusted when asked. */
  async function signedInBrowser(staff: TestStaff, rememberDevice = false): Promise<Browser> {
    const browser = await w.browser();
    const { challenge } = (await logIn(browser, staff, staff.password)).json();
    const verified = await browser.post(`/api/practice/auth/login/${challenge.id}/verify`, { code: w.delivery.lastCode(staff.email), rememberDevice });
    assert.equal(verified.statusCode, 200);
    return browser;
  }

  const changePassword = (browser: Browser, currentPassword: string, newPassword = NEW_PASSWORD) =>
    browser.post('/api/practice/account/password', { currentPassword, newPassword });

  it('changes the password, keeps this browser signed in on a new token and logs the other session out', async () => {
    freshDay();
    const staff = await newSecretary();
    const browser = await signedInBrowser(staff);
    const other = await signInStaff(w.app, w.t.db, staff, { now: w.clock.now() });
    const tokenBefore = browser.cookies.get(STAFF_SESSION_COOKIE);

    const res = await changePassword(browser, staff.password);

    assert.equal(res.statusCode, 204);
    assert.notEqual(browser.cookies.get(STAFF_SESSION_COOKIE), tokenBefore, 'the session gets a new token');
    assert.equal((await sessionStaff(browser))?.id, staff.staffId);
    assert.equal(await staffOfCookie(other.cookie), null, 'the other session ended');
    assert.equal(await staffOfCookie(`${STAFF_SESSION_COOKIE}=${tokenBefore}`), null, 'the old token is dead');
    const row = await w.t.db.selectFrom('staff_accounts').select('password_changed_at').where('id', '=', staff.staffId).executeTakeFirstOrThrow();
    assert.equal(row.password_changed_at?.getTime(), w.clock.now().getTime());
    const events = await w.t.db.selectFrom('security_events').select('event').where('staff_id', '=', staff.staffId)
      .where('event', '=', 'password_changed').execute();
    assert.equal(events.length, 1);
  });

  it('lets the new password log in and refuses the old one', async () => {
    freshDay();
    const staff = await newSecretary();
    assert.equal((await changePassword(await signedInBrowser(staff), staff.password)).statusCode, 204);
    const browser = await w.browser();
    assert.equal((await logIn(browser, staff, staff.password)).statusCode, 401);
    assert.equal((await logIn(browser, staff, NEW_PASSWORD)).statusCode, 202);
  });

  it('ends the trusted devices of the login when the password changes', async () => {
    freshDay();
    const staff = await newSecretary();
    const trusted = await signedInBrowser(staff, true);
    await trusted.post('/api/practice/auth/logout');
    assert.equal((await changePassword(await signedInBrowser(staff), staff.password)).statusCode, 204);
    w.clock.advanceMinutes(3);
    assert.equal((await logIn(trusted, staff, NEW_PASSWORD)).statusCode, 202, 'the once trusted browser is asked for a code');
  });

  it('refuses a wrong current password with a translated 400 and changes nothing', async () => {
    freshDay();
    const staff = await newSecretary();
    const browser = await signedInBrowser(staff);
    const other = await signInStaff(w.app, w.t.db, staff, { now: w.clock.now() });
    const before = await w.t.db.selectFrom('staff_accounts').select(['password_hash', 'password_changed_at']).where('id', '=', staff.staffId).executeTakeFirstOrThrow();

    const res = await changePassword(browser, 'Pas-Le-Bon-2026!');

    assert.equal(res.statusCode, 400);
    assert.equal(res.json().message, 'Mot de passe incorrect.');
    const afterwards = await w.t.db.selectFrom('staff_accounts').select(['password_hash', 'password_changed_at']).where('id', '=', staff.staffId).executeTakeFirstOrThrow();
    assert.deepEqual(afterwards, before);
    assert.equal((await staffOfCookie(other.cookie))?.id, staff.staffId, 'the other session lives on');
  });

  it('refuses a weak new password naming the rule to fix', async () => {
    freshDay();
    const staff = await newSecretary();
    const browser = await signedInBrowser(staff);
    const res = await changePassword(browser, staff.password, 'Sans-chiffre-ici!');
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().message, 'Ajoutez au moins un chiffre.');
    assert.equal((await logIn(await w.browser(), staff, staff.password)).statusCode, 202, 'the old password still works');
  });

  it('refuses a new password made of the person’s name', async () => {
    freshDay();
    const staff = await newSecretary();
    const res = await changePassword(await signedInBrowser(staff), staff.password, 'Bernard-2026!x');
    assert.equal(res.statusCode, 400);
    assert.match(res.json().message, /nom|name/i);
  });

  it('refuses a password change without the CSRF token', async () => {
    freshDay();
    const staff = await newSecretary();
    const browser = await signedInBrowser(staff);
    const res = await browser.request('POST', '/api/practice/account/password', { currentPassword: staff.password, newPassword: NEW_PASSWORD }, { csrf: false });
    assert.equal(res.statusCode, 403);
  });

  it('logs out of every session and trusted device, this browser included', async () => {
    freshDay();
    const staff = await newSecretary();
    const trusted = await signedInBrowser(staff, true);
    const other = await signInStaff(w.app, w.t.db, staff, { now: w.clock.now() });

    const res = await trusted.post('/api/practice/auth/logout-all');

    assert.equal(res.statusCode, 204);
    assert.equal(await sessionStaff(trusted), null);
    assert.equal(await staffOfCookie(other.cookie), null);
    const devices = await w.t.db.selectFrom('staff_trusted_devices').select('token_hash').where('staff_id', '=', staff.staffId).execute();
    assert.equal(devices.length, 0);
    w.clock.advanceMinutes(3);
    assert.equal((await logIn(await w.browser(), staff, staff.password)).statusCode, 202);
  });

  it('answers 401 to a patient session on both routes', async () => {
    freshDay();
    const patient = await signIn(w.app, w.t.db, await createTestAccount(w.t.db), { now: w.clock.now() });
    for (const url of ['/api/practice/account/password', '/api/practice/auth/logout-all']) {
      const res = await w.app.inject({ method: 'POST', url, headers: patient.headers, payload: { currentPassword: 'Lune-Bleue-2026!', newPassword: NEW_PASSWORD } });
      assert.equal(res.statusCode, 401, url);
      assert.equal(res.json().message, 'Connectez-vous à l’espace praticien.');
    }
  });
});
