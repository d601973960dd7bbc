import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { App } from '../../platform/http/app.ts';
import type { TestDatabase } from '../../../test/support/database.ts';
import { startTestApp, stopTestApp } from '../../../test/support/app.ts';
import { createTestAccount, signIn, type SignedInTest, type TestAccount } from '../../../test/support/accounts.ts';
import { recordingDelivery, rotatedHeaders, type RecordingDelivery } from './account-test-support.ts';

const START = new Date('2026-03-01T10:00:00Z');
let clock = START;
let ipCounter = 0;

describe('« Mon compte »: changing the phone or the email, confirmed by a code to the new contact (A2, A6)', () => {
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
    clock = START;
    delivery.failing = false;
    account = await createTestAccount(t.db, { phone: '+33612345678' });
    session = await signIn(app, t.db, account);
  });

  /** Each request from its own address: the per-IP limits are tested by the authentication tests. */
  const post = (url: string, payload: Record<string, unknown>, headers = session.headers) =>
    app.inject({ method: 'POST', url, headers, payload, remoteAddress: `192.0.2.${++ipCounter % 250}` });
  const accountRow = (accountId = account.accountId) =>
    t.db.selectFrom('accounts').selectAll().where('id', '=', accountId).executeTakeFirstOrThrow();

  describe('phone', () => {
    it('sends an SMS code to a new mobile and makes it the account’s phone once entered, under a new session token', async () => {
      const started = await post('/api/account/phone', { phone: '07 56 12 34 56' });
      assert.equal(started.statusCode, 202);
      const sent = started.json();
      assert.equal(sent.channel, 'sms');
      assert.equal(sent.destination, '07 •• •• •• 56');
      assert.equal((await accountRow()).phone, '+33612345678', 'unchanged until the code is entered');

      clock = new Date(START.getTime() + 60_000);
      const code = delivery.lastCode('+33756123456');
      const verified = await post(`/api/account/phone/${sent.id}/verify`, { code });
      assert.equal(verified.statusCode, 200);
      assert.equal(verified.json().account.phone, '+33756123456');
      assert.equal(verified.json().account.phoneDisplay, '07 56 12 34 56');
      const row = await accountRow();
      assert.equal(row.phone, '+33756123456');
      assert.equal(row.phone_kind, 'mobile');
      assert.equal(row.phone_verified_at.toISOString(), clock.toISOString());
      assert.equal((await app.inject({ method: 'GET', url: '/api/account', headers: session.headers })).statusCode, 401);
      const renewed = rotatedHeaders(session, verified.headers['set-cookie']);
      assert.equal((await app.inject({ method: 'GET', url: '/api/account', headers: renewed })).statusCode, 200);
    });

    it('calls a new landline with a voice code and records it as a landline', async () => {
      const started = await post('/api/account/phone', { phone: '+33 2 40 12 34 56' });
      assert.equal(started.json().channel, 'voice');
      assert.equal(delivery.to('+33240123456').at(-1)?.channel, 'voice');
      const verified = await post(`/api/account/phone/${started.json().id}/verify`, { code: delivery.lastCode('+33240123456') });
      assert.equal(verified.json().account.phoneKind, 'landline');
    });

    it('refuses a wrong code with the tries left, and keeps the old phone', async () => {
      const started = await post('/api/account/phone', { phone: '0756123451' });
      assert.equal(started.statusCode, 202);
      const right = delivery.lastCode('+33756123451');
      const wrong = right === '000000' ? '111111' : '000000';
      const res = await post(`/api/account/phone/${started.json().id}/verify`, { code: wrong });
      assert.equal(res.statusCode, 400);
      assert.match(res.json().message, /Code incorrect/);
      assert.equal((await accountRow()).phone, '+33612345678');
    });

    it('refuses a code entered after 15 minutes (410)', async () => {
      const started = await post('/api/account/phone', { phone: '0756123452' });
      assert.equal(started.statusCode, 202);
      clock = new Date(START.getTime() + 15 * 60_000);
      const res = await post(`/api/account/phone/${started.json().id}/verify`, { code: delivery.lastCode('+33756123452') });
      assert.equal(res.statusCode, 410);
      assert.equal((await accountRow()).phone, '+33612345678');
    });

    it('refuses an invalid number, a 00 prefix and the current number, sending nothing', async () => {
      const before = delivery.sent.length;
      const cases: Array<[string, RegExp]> = [['12345', /pas valide/], ['0033756123456', /\+33/], ['06 12 34 56 78', /déjà le numéro/]];
      for (const [phone, message] of cases) {
        const res = await post('/api/account/phone', { phone });
        assert.equal(res.statusCode, 400, phone);
        assert.match(res.json().message, message);
      }
      assert.equal(delivery.sent.length, before);
    });

    it('does not let another account use this account’s change code', async () => {
      const started = await post('/api/account/phone', { phone: '0756123453' });
      assert.equal(started.statusCode, 202);
      const code = delivery.lastCode('+33756123453');
      const other = await createTestAccount(t.db, { phone: '+33698765432' });
      const otherSession = await signIn(app, t.db, other);
      const res = await post(`/api/account/phone/${started.json().id}/verify`, { code }, otherSession.headers);
      assert.equal(res.statusCode, 410);
      assert.equal((await accountRow(other.accountId)).phone, '+33698765432');
      assert.equal((await accountRow()).phone, '+33612345678');
    });

    it('answers a malformed change id without a server error', async () => {
      const res = await post('/api/account/phone/pas-un-id/verify', { code: '123456' });
      assert.ok(res.statusCode >= 400 && res.statusCode < 500);
    });
  });

  describe('email', () => {
    it('sends a code to the new address, then switches to it (verified), tells the old one, and renews the session', async () => {
      const started = await post('/api/account/email', { email: ' Nouvelle.Adresse@Example.fr', emailConfirmation: 'nouvelle.adresse@example.fr ' });
      assert.equal(started.statusCode, 202);
      assert.equal(started.json().channel, 'email');
      assert.equal(started.json().destination, 'n•••@example.fr');
      const verified = await post(`/api/account/email/${started.json().id}/verify`, { code: delivery.lastCode('nouvelle.adresse@example.fr') });
      assert.equal(verified.statusCode, 200);
      assert.equal(verified.json().account.email, 'nouvelle.adresse@example.fr');
      assert.equal(verified.json().account.emailVerified, true);
      const notice = delivery.to(account.email).at(-1);
      assert.equal(notice?.kind, 'email_changed_notice');
      assert.match(notice?.text ?? '', /n•••@example\.fr/);
      assert.equal((await app.inject({ method: 'GET', url: '/api/account', headers: session.headers })).statusCode, 401);
      assert.equal((await app.inject({ method: 'GET', url: '/api/account', headers: rotatedHeaders(session, verified.headers['set-cookie']) })).statusCode, 200);
    });

    it('refuses two different emails, a malformed one, and the current one', async () => {
      const cases: Array<[Record<string, string>, RegExp]> = [
        [{ email: 'a@example.fr', emailConfirmation: 'b@example.fr' }, /pas identiques/],
        [{ email: 'a@example', emailConfirmation: 'a@example' }, /adresse email valide/],
        [{ email: account.email, emailConfirmation: account.email }, /déjà l'adresse/],
      ];
      for (const [payload, message] of cases) {
        const res = await post('/api/account/email', payload);
        assert.equal(res.statusCode, 400);
        assert.match(res.json().message, message);
      }
    });

    it('answers 409 when another account has the address', async () => {
      const other = await createTestAccount(t.db);
      const res = await post('/api/account/email', { email: other.email, emailConfirmation: other.email });
      assert.equal(res.statusCode, 409);
      assert.match(res.json().message, /déjà utilisée/);
      assert.equal(delivery.to(other.email).length, 0);
    });

    it('answers 409 at confirmation when another account took the address meanwhile, and changes nothing', async () => {
      const started = await post('/api/account/email', { email: 'convoitee@example.fr', emailConfirmation: 'convoitee@example.fr' });
      const code = delivery.lastCode('convoitee@example.fr');
      await createTestAccount(t.db, { email: 'convoitee@example.fr' });
      const res = await post(`/api/account/email/${started.json().id}/verify`, { code });
      assert.equal(res.statusCode, 409);
      assert.equal((await accountRow()).email, account.email);
    });

    it('keeps the old email when the old address cannot be told (503)', async () => {
      const started = await post('/api/account/email', { email: 'ailleurs@example.fr', emailConfirmation: 'ailleurs@example.fr' });
      const code = delivery.lastCode('ailleurs@example.fr');
      delivery.failing = true;
      const res = await post(`/api/account/email/${started.json().id}/verify`, { code });
      assert.equal(res.statusCode, 503);
      assert.equal((await accountRow()).email, account.email);
      assert.equal((await app.inject({ method: 'GET', url: '/api/account', headers: session.headers })).statusCode, 200);
    });
  });
});
