import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp, type App } from '../../platform/http/app.ts';
import { loadConfig } from '../../platform/config/config.ts';
import { devMailboxDelivery } from '../../platform/delivery/dev-mailbox.ts';
import { freshDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { devMailboxPages } from './index.ts';

describe('dev mailbox: the pages that show what was sent', () => {
  let t: TestDatabase;
  let app: App;
  let spa: string;
  before(async () => {
    t = await freshDatabase(4);
    spa = mkdtempSync(path.join(os.tmpdir(), 'creneau-spa-'));
    writeFileSync(path.join(spa, 'index.html'), '<!doctype html><title>SPA</title>');
    app = await buildApp({ context: { db: t.db, now: () => new Date() }, routes: [], pages: [devMailboxPages(loadConfig({}))], webDist: spa });
    // 1 March 2026, 10:00 UTC is 11:00 in Paris (winter time).
    const delivery = devMailboxDelivery(t.db, () => new Date('2026-03-01T10:00:00Z'));
    await delivery.sendEmail({
      to: 'lea.martin@example.fr', subject: 'Votre code de connexion', kind: 'login_code',
      text: 'Votre code : 482913', html: '<p style="color:red">Votre code : <b>482913</b></p>',
    });
    await delivery.sendSms({ to: '+33612345678', text: 'Créneau : votre code est 731905', kind: 'signup_code' });
    await delivery.callVoice({ to: '+33145678901', text: 'Votre code est 220417', kind: 'signup_code' });
  });
  after(async () => {
    await app.close();
    await t.drop();
    rmSync(spa, { recursive: true, force: true });
  });

  it('lists every message newest first on an accessible French page, codes visible, Paris time', async () => {
    const res = await app.inject({ method: 'GET', url: '/dev/mailbox' });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^text\/html/);
    assert.match(res.body, /<html lang="fr">/);
    assert.match(res.body, /<title>Boîte de réception de développement/);
    assert.match(res.body, /<h1>Boîte de réception de développement<\/h1>/);
    assert.match(res.body, /<th scope="col">Destinataire<\/th>/);
    const voice = res.body.indexOf('+33145678901');
    const sms = res.body.indexOf('+33612345678');
    const email = res.body.indexOf('lea.martin@example.fr');
    assert.ok(voice > 0 && voice < sms && sms < email, 'newest first');
    assert.match(res.body, /Créneau : votre code est 731905/);
    assert.match(res.body, /Appel vocal/);
    assert.match(res.body, /Votre code de connexion/);
    assert.match(res.body, /Votre code : 482913/);
    assert.match(res.body, /01\/03\/2026 11:00:00/);
  });

  it('keeps the strict CSP on the page: no inline script or style, its stylesheet served by a route', async () => {
    const res = await app.inject({ method: 'GET', url: '/dev/mailbox' });
    assert.doesNotMatch(String(res.headers['content-security-policy']), /unsafe-inline/);
    assert.doesNotMatch(res.body, /<script|<style| style=/);
    assert.equal(res.headers['cache-control'], 'no-store');
    const css = await app.inject({ method: 'GET', url: '/dev/mailbox/mailbox.css' });
    assert.equal(css.statusCode, 200);
    assert.match(String(css.headers['content-type']), /^text\/css/);
    assert.match(res.body, /<link rel="stylesheet" href="\/dev\/mailbox\/mailbox.css">/);
  });

  it("links each email to its HTML version, served sandboxed with the email's own styles", async () => {
    const page = await app.inject({ method: 'GET', url: '/dev/mailbox' });
    const href = /href="(\/dev\/mailbox\/\d+\/html)"/.exec(page.body)?.[1];
    assert.ok(href);
    const res = await app.inject({ method: 'GET', url: href });
    assert.equal(res.statusCode, 200);
    assert.equal(res.body, '<p style="color:red">Votre code : <b>482913</b></p>');
    assert.equal(res.headers['content-security-policy'], "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:");
  });

  it('answers 404 for the HTML of an unknown message or of an SMS', async () => {
    const sms = (await app.inject({ method: 'GET', url: '/dev/mailbox/messages?to=%2B33612345678' })).json().messages[0];
    assert.equal((await app.inject({ method: 'GET', url: `/dev/mailbox/${sms.id}/html` })).statusCode, 404);
    assert.equal((await app.inject({ method: 'GET', url: '/dev/mailbox/999999999/html' })).statusCode, 404);
  });

  it('gives the messages of one recipient as JSON, newest first, for tests and tools', async () => {
    const delivery = devMailboxDelivery(t.db);
    await delivery.sendSms({ to: '+33698765432', text: 'premier 111111', kind: 'signup_code' });
    await delivery.sendSms({ to: '+33698765432', text: 'second 222222', kind: 'signup_code' });
    const res = await app.inject({ method: 'GET', url: '/dev/mailbox/messages?to=%2B33698765432' });
    assert.equal(res.statusCode, 200);
    const messages = res.json().messages;
    assert.deepEqual(messages.map((m: { text: string }) => m.text), ['second 222222', 'premier 111111']);
    assert.equal(messages[0].channel, 'sms');
    assert.equal(messages[0].to, '+33698765432');
    assert.equal(messages[0].kind, 'signup_code');
    assert.match(messages[0].sentAt, /^\d{4}-\d\d-\d\dT/);
  });

  it('finds a phone number typed with an unencoded + and an email address whatever its case', async () => {
    const phone = await app.inject({ method: 'GET', url: '/dev/mailbox/messages?to=+33612345678' });
    assert.deepEqual(phone.json().messages.map((m: { text: string }) => m.text), ['Créneau : votre code est 731905']);
    const email = await app.inject({ method: 'GET', url: '/dev/mailbox/messages?to=Lea.Martin@Example.fr' });
    assert.equal(email.json().messages[0].subject, 'Votre code de connexion');
    assert.equal(email.json().messages[0].html, '<p style="color:red">Votre code : <b>482913</b></p>');
  });

  it('escapes a hostile recipient, subject and text on the page', async () => {
    const delivery = devMailboxDelivery(t.db);
    await delivery.sendEmail({
      to: '<script>alert(1)</script>@example.fr', subject: '"><img src=x onerror=alert(2)>', kind: 'x<y',
      text: '</pre><script>alert(3)</script>', html: '<p>ok</p>',
    });
    const res = await app.inject({ method: 'GET', url: '/dev/mailbox' });
    assert.doesNotMatch(res.body, /<script|<img/);
    assert.match(res.body, /&lt;script&gt;alert\(1\)&lt;\/script&gt;@example.fr/);
    assert.match(res.body, /&quot;&gt;&lt;img src=x onerror=alert\(2\)&gt;/);
    assert.match(res.body, /x&lt;y/);
  });
});

describe('dev mailbox: absent where it must not exist', () => {
  let t: TestDatabase;
  let spa: string;
  before(async () => {
    t = await freshDatabase(2);
    spa = mkdtempSync(path.join(os.tmpdir(), 'creneau-spa-'));
    writeFileSync(path.join(spa, 'index.html'), '<!doctype html><title>SPA</title>');
    await devMailboxDelivery(t.db).sendSms({ to: '+33612345678', text: 'code 123456', kind: 'signup_code' });
  });
  after(async () => {
    await t.drop();
    rmSync(spa, { recursive: true, force: true });
  });

  /** Every mailbox path answers a real 404, not the web app's page. */
  async function assertAbsent(env: NodeJS.ProcessEnv) {
    const app = await buildApp({ context: { db: t.db, now: () => new Date() }, routes: [], pages: [devMailboxPages(loadConfig(env))], webDist: spa });
    for (const url of ['/dev/mailbox', '/dev/mailbox/messages?to=%2B33612345678', '/dev/mailbox/1/html', '/dev/mailbox/mailbox.css']) {
      const res = await app.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 404, url);
      assert.doesNotMatch(res.body, /123456|SPA/);
    }
    await app.close();
  }

  it('answers 404 in production, even with no provider configured', async () => {
    await assertAbsent({ NODE_ENV: 'production' });
  });

  it('answers 404 when every channel has a real provider', async () => {
    await assertAbsent({
      SMTP_URL: 'smtp://127.0.0.1:2525', TWILIO_ACCOUNT_SID: 'AC0123456789abcdef0123456789abcdef', TWILIO_AUTH_TOKEN: 'secret', TWILIO_FROM: '+33900000000',
    });
  });
});
