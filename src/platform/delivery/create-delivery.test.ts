import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import PostalMime from 'postal-mime';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { freshDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { loadConfig } from '../config/config.ts';
import { buildApp, type FeatureRoutes } from '../http/app.ts';
import { devMailboxPages } from '../../features/dev-mailbox/index.ts';
import { channelProviders, createDelivery } from './create-delivery.ts';
import { DeliveryUnavailable } from './delivery.ts';
import { closedPort, startSmtpStub, startTwilioStub } from './testing.ts';

const sid = 'AC0123456789abcdef0123456789abcdef';

describe('delivery: one provider per channel, from the environment', () => {
  let t: TestDatabase;
  let smtp: Awaited<ReturnType<typeof startSmtpStub>>;
  let twilio: Awaited<ReturnType<typeof startTwilioStub>>;
  before(async () => {
    t = await freshDatabase(4);
    smtp = await startSmtpStub();
    twilio = await startTwilioStub({ sid, token: 'token' });
  });
  after(async () => {
    await twilio.close();
    await smtp.close();
    await t.drop();
  });

  const mailboxFor = (recipient: string) =>
    t.db.selectFrom('dev_mailbox').select(['channel', 'text']).where('recipient', '=', recipient).orderBy('id').execute();

  it('keeps every channel in the development mailbox when no provider is configured (npm start)', async () => {
    const delivery = createDelivery(loadConfig({}), t.db);
    await delivery.sendEmail({ to: 'a@example.fr', subject: 'S', text: 'email 1', html: '<p>1</p>', kind: 'k' });
    await delivery.sendSms({ to: '+33600000001', text: 'sms 1', kind: 'k' });
    await delivery.callVoice({ to: '+33100000001', text: 'voice 1', kind: 'k' });
    assert.deepEqual(await mailboxFor('a@example.fr'), [{ channel: 'email', text: 'email 1' }]);
    assert.deepEqual(await mailboxFor('+33600000001'), [{ channel: 'sms', text: 'sms 1' }]);
    assert.deepEqual(await mailboxFor('+33100000001'), [{ channel: 'voice', text: 'voice 1' }]);
  });

  it('sends emails over SMTP once SMTP_URL is set, while SMS still land in the mailbox', async () => {
    const config = loadConfig({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, MAIL_FROM: 'Cabinet <cabinet@example.fr>' });
    assert.deepEqual(channelProviders(config), { email: 'smtp', sms: 'dev-mailbox', voice: 'dev-mailbox' });
    const delivery = createDelivery(config, t.db);
    await delivery.sendEmail({ to: 'b@example.fr', subject: 'Rappel', text: 'email 2', html: '<p>2</p>', kind: 'k' });
    await delivery.sendSms({ to: '+33600000002', text: 'sms 2', kind: 'k' });
    assert.deepEqual(await mailboxFor('b@example.fr'), []);
    const email = await PostalMime.parse(smtp.received.at(-1)?.raw ?? '');
    assert.equal(email.subject, 'Rappel');
    assert.equal(email.from?.address, 'cabinet@example.fr');
    assert.deepEqual(await mailboxFor('+33600000002'), [{ channel: 'sms', text: 'sms 2' }]);
  });

  it('sends SMS and calls through the Twilio-compatible API once TWILIO_* are set', async () => {
    const config = loadConfig({ TWILIO_ACCOUNT_SID: sid, TWILIO_AUTH_TOKEN: 'token', TWILIO_FROM: '+33939000000', TWILIO_API_URL: `${twilio.url}/` });
    const delivery = createDelivery(config, t.db);
    await delivery.sendSms({ to: '+33600000003', text: 'sms 3', kind: 'k' });
    await delivery.callVoice({ to: '+33100000003', text: 'voice 3', kind: 'k' });
    assert.deepEqual(twilio.requests.map((r) => [r.path, r.form.To]), [
      [`/2010-04-01/Accounts/${sid}/Messages.json`, '+33600000003'],
      [`/2010-04-01/Accounts/${sid}/Calls.json`, '+33100000003'],
    ]);
    assert.deepEqual(await mailboxFor('+33600000003'), []);
  });

  it('refuses in production a channel without a provider, storing nothing', async () => {
    const delivery = createDelivery(loadConfig({ NODE_ENV: 'production' }), t.db);
    await assert.rejects(delivery.sendSms({ to: '+33600000004', text: 'sms 4', kind: 'k' }), (error: unknown) =>
      error instanceof DeliveryUnavailable && error.reason === 'no provider configured');
    await assert.rejects(delivery.sendEmail({ to: 'd@example.fr', subject: 'S', text: 't', html: 'h', kind: 'k' }), DeliveryUnavailable);
    assert.deepEqual(await mailboxFor('+33600000004'), []);
  });

  it('stops the start when Twilio is half configured, naming what is missing', () => {
    assert.throws(() => loadConfig({ TWILIO_ACCOUNT_SID: sid }), /TWILIO_AUTH_TOKEN and TWILIO_FROM are missing/);
    assert.throws(() => loadConfig({ TWILIO_ACCOUNT_SID: sid, TWILIO_AUTH_TOKEN: 'x' }), /TWILIO_FROM is missing/);
  });
});

describe('delivery: what routes get from buildApp', () => {
  let t: TestDatabase;
  before(async () => {
    t = await freshDatabase(4);
  });
  after(async () => {
    await t.drop();
  });

  /** A route that texts a code, standing in for the accounts feature (a GET: CSRF is not the subject here). */
  const sendCodeRoute: FeatureRoutes = (app, { delivery, publicUrl }) => {
    app.withTypeProvider<ZodTypeProvider>().get('/test/send-code', {
      schema: { querystring: z.object({ to: z.string() }) },
    }, async (request) => {
      await delivery.sendSms({ to: request.query.to, text: `Code 123456 ${publicUrl}/connexion`, kind: 'test_code' });
      return { sent: true };
    });
  };

  it('gives routes the development mailbox and a public URL when the context has none', async () => {
    const app = await buildApp({ context: { db: t.db, now: () => new Date() }, routes: [sendCodeRoute], pages: [devMailboxPages()] });
    const sent = await app.inject({ method: 'GET', url: '/api/test/send-code?to=%2B33611111111' });
    assert.equal(sent.statusCode, 200);
    const res = await app.inject({ method: 'GET', url: '/dev/mailbox/messages?to=%2B33611111111' });
    assert.equal(res.json().messages[0].text, 'Code 123456 http://localhost:3000/connexion');
    await app.close();
  });

  it('answers 503 with a translated message when the provider is down, without the recipient', async () => {
    const config = loadConfig({ SMTP_URL: `smtp://127.0.0.1:${await closedPort()}`, TWILIO_ACCOUNT_SID: sid, TWILIO_AUTH_TOKEN: 't', TWILIO_FROM: '+33939000000', TWILIO_API_URL: `http://127.0.0.1:${await closedPort()}` });
    const app = await buildApp({ context: { db: t.db, now: () => new Date(), delivery: createDelivery(config, t.db), publicUrl: 'https://creneau.example/' }, routes: [sendCodeRoute] });
    const fr = await app.inject({ method: 'GET', url: '/api/test/send-code?to=%2B33622222222' });
    assert.equal(fr.statusCode, 503);
    assert.deepEqual(fr.json(), { error: 'unavailable', message: "Le message n'a pas pu être envoyé. Réessayez dans quelques instants." });
    const en = await app.inject({ method: 'GET', url: '/api/test/send-code?to=%2B33622222222', headers: { 'accept-language': 'en' } });
    assert.equal(en.json().message, 'The message could not be sent. Please try again in a few moments.');
    assert.doesNotMatch(en.body, /33622222222/);
    await app.close();
  });
});
