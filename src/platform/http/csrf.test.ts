import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildApp, type App } from './app.ts';
import { featureRoutes } from '../../features/routes.ts';
import { freshDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { csrfPair } from '../../../test/support/accounts.ts';

describe('http: CSRF protection of state-changing API requests', () => {
  let t: TestDatabase;
  let app: App;
  before(async () => {
    t = await freshDatabase();
    app = await buildApp({ context: { db: t.db, now: () => new Date('2026-03-02T08:00:00Z'), publicUrl: 'https://creneau.example' }, routes: featureRoutes });
  });
  after(async () => {
    await app.close();
    await t.drop();
  });

  // An unknown path: a request the guard lets through reaches the router and gets its 404.
  const post = (headers: Record<string, string>) => app.inject({ method: 'POST', url: '/api/nowhere', headers, payload: {} });

  it('refuses a POST without a token, in French', async () => {
    const res = await post({});
    assert.equal(res.statusCode, 403);
    assert.deepEqual(res.json(), { error: 'forbidden', message: 'Requête refusée pour votre sécurité : rechargez la page et réessayez.' });
  });

  it('refuses in English when English is preferred', async () => {
    const res = await post({ 'accept-language': 'en' });
    assert.equal(res.json().message, 'Request refused for your security: reload the page and try again.');
  });

  it('refuses a header that differs from the cookie', async () => {
    const { cookie } = await csrfPair(app);
    const other = await csrfPair(app);
    assert.equal((await post({ cookie, 'x-csrf-token': other.csrfToken })).statusCode, 403);
  });

  it('refuses a cookie and header that match but were not issued by the server', async () => {
    const forged = 'bm9uY2U.c2lnbmF0dXJl';
    assert.equal((await post({ cookie: `__Host-creneau_csrf=${forged}`, 'x-csrf-token': forged })).statusCode, 403);
  });

  it('refuses DELETE, PUT and PATCH without a token too', async () => {
    for (const method of ['DELETE', 'PUT', 'PATCH'] as const) {
      assert.equal((await app.inject({ method, url: '/api/nowhere' })).statusCode, 403, method);
    }
  });

  it('lets a request with the token through', async () => {
    const { headers } = await csrfPair(app);
    assert.equal((await post(headers)).statusCode, 404);
  });

  it('refuses a cross-site Origin even with the token', async () => {
    const { headers } = await csrfPair(app);
    assert.equal((await post({ ...headers, origin: 'https://evil.example' })).statusCode, 403);
    assert.equal((await post({ ...headers, origin: 'null' })).statusCode, 403);
  });

  it('refuses a request the browser marks cross-site even with the token', async () => {
    const { headers } = await csrfPair(app);
    assert.equal((await post({ ...headers, 'sec-fetch-site': 'cross-site' })).statusCode, 403);
  });

  it('accepts the public origin and the origin of the host asked', async () => {
    const { headers } = await csrfPair(app);
    assert.equal((await post({ ...headers, origin: 'https://creneau.example', 'sec-fetch-site': 'same-origin' })).statusCode, 404);
    assert.equal((await post({ ...headers, host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000' })).statusCode, 404);
  });

  it('does not ask reads for a token', async () => {
    assert.equal((await app.inject({ method: 'GET', url: '/api/health' })).statusCode, 200);
  });
});
