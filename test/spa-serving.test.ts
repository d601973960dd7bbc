import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp, type App } from '../src/platform/http/app.ts';
import { featureRoutes } from '../src/features/routes.ts';
import { freshDatabase, type TestDatabase } from './support/database.ts';

describe('serving the web app', () => {
  let t: TestDatabase;
  let app: App;
  let dist: string;
  before(async () => {
    t = await freshDatabase();
    dist = mkdtempSync(path.join(os.tmpdir(), 'creneau-dist-'));
    mkdirSync(path.join(dist, 'assets'));
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Créneau</title><div id="root"></div>');
    writeFileSync(path.join(dist, 'assets', 'app.js'), 'console.log(1)');
    app = await buildApp({ context: { db: t.db, now: () => new Date() }, routes: featureRoutes, webDist: dist });
  });
  after(async () => {
    await app.close();
    await t.drop();
    rmSync(dist, { recursive: true, force: true });
  });

  it('answers a client-side route such as a practitioner page with the app shell', async () => {
    const res = await app.inject({ method: 'GET', url: '/praticien/42?place=1' });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /text\/html/);
    assert.match(res.body, /id="root"/);
  });

  it('serves an asset added after start, and a 404 for a missing one', async () => {
    writeFileSync(path.join(dist, 'assets', 'late.js'), 'console.log(2)');
    const late = await app.inject({ method: 'GET', url: '/assets/late.js' });
    assert.equal(late.statusCode, 200);
    assert.equal(late.body, 'console.log(2)');
    const missing = await app.inject({ method: 'GET', url: '/assets/missing.js' });
    assert.equal(missing.statusCode, 404);
  });

  it('answers HEAD on a page like GET', async () => {
    const res = await app.inject({ method: 'HEAD', url: '/recherche' });
    assert.equal(res.statusCode, 200);
  });

  it('keeps the strict CSP on the app shell', async () => {
    const res = await app.inject({ method: 'GET', url: '/' });
    assert.match(String(res.headers['content-security-policy']), /script-src 'self'/);
  });
});
