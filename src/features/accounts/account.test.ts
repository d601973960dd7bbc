import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { App } from '../../platform/http/app.ts';
import type { TestDatabase } from '../../../test/support/database.ts';
import { startTestApp, stopTestApp } from '../../../test/support/app.ts';
import { createTestAccount, signIn, type SignedInTest, type TestAccount } from '../../../test/support/accounts.ts';

const clock = new Date('2026-03-01T10:00:00Z');

describe('« Mon compte »: reading and editing identity, address and settings (A6)', () => {
  let t: TestDatabase;
  let app: App;
  let account: TestAccount;
  let session: SignedInTest;

  before(async () => {
    ({ t, app } = await startTestApp({ now: () => clock }));
  });
  after(() => stopTestApp(app, t));
  beforeEach(async () => {
    account = await createTestAccount(t.db, { phone: '+33612345678', firstName: 'Camille', lastName: 'Martin', birthDate: '1990-04-12' });
    session = await signIn(app, t.db, account);
  });

  const patch = (payload: Record<string, unknown>, headers = session.headers) =>
    app.inject({ method: 'PATCH', url: '/api/account', headers, payload });
  const holderRow = (accountId: string) =>
    t.db.selectFrom('patients').selectAll().where('account_id', '=', accountId).where('is_holder', '=', true).executeTakeFirstOrThrow();

  it('shows the account with its identity from the holder record', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/account', headers: session.headers });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['cache-control'], 'no-store');
    assert.deepEqual(res.json().account, {
      id: account.accountId, email: account.email, emailVerified: false,
      phone: '+33612345678', phoneDisplay: '06 12 34 56 78', phoneKind: 'mobile',
      language: 'fr', careHistoryEnabled: false,
      identity: { civility: null, firstName: 'Camille', lastName: 'Martin', birthDate: '1990-04-12' },
      address: { line: null, postalCode: null, city: null },
    });
  });

  it('answers 401 « Connectez-vous » without a session', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/account' });
    assert.equal(res.statusCode, 401);
    assert.match(res.json().message, /Connectez-vous/);
  });

  it('edits civility, names (tidied), birth date, a French address, language and the history switch', async () => {
    const res = await patch({
      civility: 'mme', firstName: '  Anne   Sophie ', lastName: 'de La Tour', birthDate: '1985-12-31',
      address: { line: '12  rue des Lilas', postalCode: '44000', city: 'Nantes' }, language: 'en', careHistoryEnabled: true,
    });
    assert.equal(res.statusCode, 200);
    const view = res.json().account;
    assert.deepEqual(view.identity, { civility: 'mme', firstName: 'Anne Sophie', lastName: 'de La Tour', birthDate: '1985-12-31' });
    assert.deepEqual(view.address, { line: '12 rue des Lilas', postalCode: '44000', city: 'Nantes' });
    assert.equal(view.language, 'en');
    assert.equal(view.careHistoryEnabled, true);
    const again = await app.inject({ method: 'GET', url: '/api/account', headers: session.headers });
    assert.deepEqual(again.json().account, view);
  });

  it('leaves absent fields unchanged', async () => {
    await patch({ civility: 'm', address: { line: '1 place du Commerce', postalCode: '44000', city: 'Nantes' } });
    const res = await patch({ firstName: 'Paul' });
    assert.equal(res.json().account.identity.civility, 'm');
    assert.equal(res.json().account.identity.lastName, 'Martin');
    assert.equal(res.json().account.address.city, 'Nantes');
  });

  it('erases names and birth date sent as null (the identity form with empty fields)', async () => {
    const res = await patch({ civility: 'mme', firstName: 'Camille', lastName: null, birthDate: null });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json().account.identity, { civility: 'mme', firstName: 'Camille', lastName: null, birthDate: null });
  });

  it('erases the address when every part is empty', async () => {
    await patch({ address: { line: '1 place du Commerce', postalCode: '44000', city: 'Nantes' } });
    const res = await patch({ address: { line: '', postalCode: '', city: '' } });
    assert.deepEqual(res.json().account.address, { line: null, postalCode: null, city: null });
  });

  it('accepts a foreign address with its own postal code format', async () => {
    const res = await patch({ address: { line: '10 Downing Street', postalCode: 'sw1a 2aa', city: 'London' } });
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().account.address.postalCode, 'SW1A 2AA');
  });

  for (const [what, payload, message] of [
    ['a future birth date', { birthDate: '2026-03-02' }, /futur/],
    ['a birth date more than 120 years ago', { birthDate: '1900-01-01' }, /120 ans/],
    ['a birth date that is no day', { birthDate: '1990-02-29' }, /date de naissance valide/],
    ['an empty first name', { firstName: '   ' }, /prénom/],
    ['a French city with a 4-digit postal code', { address: { line: '1 rue X', postalCode: '4400', city: 'Nantes' } }, /5 chiffres/],
    ['a French city with a postal code that does not exist', { address: { line: '1 rue X', postalCode: '44999', city: 'nantes' } }, /n'existe pas/],
    ['a partial address', { address: { line: '1 rue X', postalCode: '44000', city: '' } }, /adresse complète/],
    ['an unknown civility', { civility: 'dr' }, /Madame/],
    ['an unknown language', { language: 'de' }, /français/],
  ] as const) {
    it(`refuses ${what} with a French sentence and changes nothing`, async () => {
      const before = await holderRow(account.accountId);
      const res = await patch({ lastName: 'Changé', ...payload });
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().error, 'invalid');
      assert.match(res.json().message, message);
      assert.deepEqual(await holderRow(account.accountId), before);
    });
  }

  it('refuses in English when English is preferred', async () => {
    const res = await app.inject({ method: 'PATCH', url: '/api/account', headers: { ...session.headers, 'accept-language': 'en' }, payload: { birthDate: '2030-01-01' } });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().message, 'The date of birth cannot be in the future.');
  });

  it('creates the holder record when the account has none yet', async () => {
    await t.db.deleteFrom('patients').where('account_id', '=', account.accountId).execute();
    const res = await patch({ firstName: 'Lou', lastName: 'Petit', birthDate: '2001-07-14' });
    assert.equal(res.statusCode, 200);
    assert.equal((await holderRow(account.accountId)).first_name, 'Lou');
  });

  it('changes only the session’s own account: another account stays as it was', async () => {
    const other = await createTestAccount(t.db, { firstName: 'Bob', lastName: 'Bernard' });
    const otherBefore = await holderRow(other.accountId);
    await patch({ firstName: 'Alice', address: { line: '2 rue Y', postalCode: '44000', city: 'Nantes' } });
    assert.deepEqual(await holderRow(other.accountId), otherBefore);
    const otherSession = await signIn(app, t.db, other);
    const res = await app.inject({ method: 'GET', url: '/api/account', headers: otherSession.headers });
    assert.equal(res.json().account.identity.firstName, 'Bob');
    assert.equal(res.json().account.id, other.accountId);
  });

  it('refuses a PATCH without the CSRF token (403) and changes nothing', async () => {
    const res = await app.inject({ method: 'PATCH', url: '/api/account', headers: { cookie: session.cookie }, payload: { firstName: 'Pirate' } });
    assert.equal(res.statusCode, 403);
    assert.equal((await holderRow(account.accountId)).first_name, 'Camille');
  });
});
