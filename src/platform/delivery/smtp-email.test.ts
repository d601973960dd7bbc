import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import PostalMime from 'postal-mime';
import { smtpEmailSender, smtpTransportOptions } from './smtp-email.ts';
import { DeliveryUnavailable } from './delivery.ts';
import { closedPort, startSmtpStub } from './testing.ts';

const message = {
  to: 'élodie.lefèvre@example.fr',
  subject: 'Votre code de vérification — Créneau',
  text: 'Bonjour Élodie,\nvotre code est 482913. Il expire dans 15 minutes.',
  html: '<p>Bonjour Élodie,</p><p>votre code est <strong>482913</strong>. Il expire dans 15 minutes.</p>',
  kind: 'login_code',
};

describe('delivery: email over SMTP', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpStub>>;
  before(async () => {
    smtp = await startSmtpStub({ user: { name: 'creneau', password: 'p@ss word' }, refuse: 'inconnu@example.fr' });
  });
  after(async () => {
    await smtp.close();
  });

  it('sends a real message with its subject, text and HTML parts and accents intact, authenticated from SMTP_URL', async () => {
    const sender = smtpEmailSender({ url: `smtp://creneau:p%40ss%20word@127.0.0.1:${smtp.port}`, from: 'Créneau <no-reply@creneau.localhost>' });
    await sender.sendEmail(message);
    const last = smtp.received.at(-1);
    assert.ok(last);
    assert.equal(last.user, 'creneau');
    assert.deepEqual(last.to, ['élodie.lefèvre@example.fr']);
    assert.equal(last.from, 'no-reply@creneau.localhost');
    const email = await PostalMime.parse(last.raw);
    assert.equal(email.subject, message.subject);
    assert.equal(email.from?.name, 'Créneau');
    assert.equal(email.text?.trim(), message.text);
    assert.equal(email.html?.trim(), message.html);
    assert.equal(email.headers.find((h) => h.key === 'x-creneau-kind')?.value, 'login_code');
  });

  it('reports DeliveryUnavailable when the SMTP server is down', async () => {
    const sender = smtpEmailSender({ url: `smtp://127.0.0.1:${await closedPort()}`, from: 'Créneau <no-reply@creneau.localhost>' });
    await assert.rejects(sender.sendEmail(message), (error: unknown) => {
      assert.ok(error instanceof DeliveryUnavailable);
      assert.equal(error.kind, 'unavailable');
      assert.equal(error.channel, 'email');
      assert.equal(error.messageKind, 'login_code');
      assert.match(error.reason, /^smtp E(SOCKET|CONNECTION)/);
      return true;
    });
  });

  it('gives up on a server that accepts the connection but never greets, instead of keeping the user waiting', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as AddressInfo).port;
    const sender = smtpEmailSender({ url: `smtp://127.0.0.1:${port}`, from: 'Créneau <no-reply@creneau.localhost>', timeoutMs: 300 });
    await assert.rejects(sender.sendEmail(message), (error: unknown) => error instanceof DeliveryUnavailable && /^smtp ETIMEDOUT/.test(error.reason));
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
  });

  it('reports DeliveryUnavailable when the server refuses the credentials', async () => {
    const sender = smtpEmailSender({ url: `smtp://creneau:wrong@127.0.0.1:${smtp.port}`, from: 'Créneau <no-reply@creneau.localhost>' });
    await assert.rejects(sender.sendEmail(message), (error: unknown) =>
      error instanceof DeliveryUnavailable && error.reason === 'smtp EAUTH 535');
  });

  it('never puts the refused recipient in the reason meant for logs', async () => {
    const sender = smtpEmailSender({ url: `smtp://creneau:p%40ss%20word@127.0.0.1:${smtp.port}`, from: 'Créneau <no-reply@creneau.localhost>' });
    await assert.rejects(sender.sendEmail({ ...message, to: 'inconnu@example.fr' }), (error: unknown) => {
      assert.ok(error instanceof DeliveryUnavailable);
      assert.match(error.reason, /^smtp E/);
      assert.doesNotMatch(`${error.reason} ${error.message}`, /inconnu/);
      return true;
    });
  });
});

describe('delivery: SMTP transport settings', () => {
  it('requires STARTTLS on smtp:// to another machine, so that codes never cross a network in clear', () => {
    assert.equal(smtpTransportOptions({ url: 'smtp://user:pass@smtp.example.fr:587', from: 'x@example.fr' }).requireTLS, true);
  });

  it('does not require STARTTLS on this machine, nor on smtps:// which is TLS from the start', () => {
    assert.equal(smtpTransportOptions({ url: 'smtp://127.0.0.1:1025', from: 'x@example.fr' }).requireTLS, false);
    assert.equal(smtpTransportOptions({ url: 'smtps://user:pass@smtp.example.fr:465', from: 'x@example.fr' }).requireTLS, undefined);
  });
});
