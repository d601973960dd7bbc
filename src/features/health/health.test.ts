import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildApp, type App } from '../../platform/http/app.ts';
import { featureRoutes } from '../routes.ts';
import { freshDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { openDatabase } from '../../platform/db/database.ts';

describe('platform: health, errors and headers', () => {
  let t: TestDatabase;
  let app: App;
  before(async () => {
    t = await freshDatabase();
    app = await buildApp({ context: { db: t.db, now: () => new Date('2026-03-01T10:00:00Z') }, routes: featureRoutes });
  });
  after(async () => {
    await app.close();
    await t.drop();
  });

  it('answers health with the database reachable', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { status: 'ok', database: 'ok', time: '2026-03-01T10:00:00.000Z' });
  });

  it('answers 503 when the database does not answer, so that a supervisor can restart it', async () => {
    const unreachable = openDatabase('postgres://postgres:x@127.0.0.1:1/none', 1);
    const down = await buildApp({ context: { db: unreachable.db, now: () => new Date('2026-03-01T10:00:00Z') }, routes: featureRoutes });
    const res = await down.inject({ method: 'GET', url: '/api/health' });
    assert.equal(res.statusCode, 503);
    assert.equal(res.json().database, 'unreachable');
    await down.close();
    await unreachable.close();
  });

  it('sends a strict content security policy and no-sniff headers', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    assert.match(String(res.headers['content-security-policy']), /default-src 'self'/);
    assert.doesNotMatch(String(res.headers['content-security-policy']), /unsafe-inline/);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
  });

  it('answers an unknown API path with a 404 in French, or English when preferred', async () => {
    const fr = await app.inject({ method: 'GET', url: '/api/nope' });
    assert.equal(fr.statusCode, 404);
    assert.equal(fr.json().message, 'Page ou ressource introuvable.');
    const en = await app.inject({ method: 'GET', url: '/api/nope', headers: { 'accept-language': 'en-GB,en;q=0.9,fr;q=0.5' } });
    assert.equal(en.json().message, 'Page or resource not found.');
  });

  it('answers a malformed URL with a translated 400 that does not echo the URL or its query', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/suggest%ZZ?q=diabete' });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().error, 'invalid');
    assert.doesNotMatch(res.body, /diabete|suggest/);
    assert.match(res.json().message, /La requête est invalide/);
  });

  it('answers an unknown path outside the API with a 404 that does not echo its query', async () => {
    const res = await app.inject({ method: 'GET', url: '/nope?motif=depression' });
    assert.equal(res.statusCode, 404);
    assert.doesNotMatch(res.body, /depression|nope/);
  });

  it('serves the OpenAPI document', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/docs/json' });
    assert.equal(res.statusCode, 200);
    assert.ok(res.json().paths['/api/health']);
  });
});
