/**
 * The development mailbox with the notifications (`npm start` without providers): the messages still to go are
 * listed with their Paris send time, and a sent confirmation shows its .ics invitation as a downloadable file.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildApp, type App } from '../src/platform/http/app.ts';
import { featureRoutes } from '../src/features/routes.ts';
import { devMailboxPages } from '../src/features/dev-mailbox/index.ts';
import { devMailboxDelivery } from '../src/platform/delivery/dev-mailbox.ts';
import { startNotificationWorker } from '../src/features/notifications/index.ts';
import { agenda, book, openWorld, patient, type World } from './booking-manage-fixtures.ts';

describe('notifications in the development mailbox', () => {
  let world: World;
  let app: App;
  let appointmentId: string;
  let email: string;

  before(async () => {
    world = await openWorld();
    app = await buildApp({ context: { db: world.t.db, now: () => world.clock.now }, routes: featureRoutes, pages: [devMailboxPages()] });
    const dr = await agenda(world);
    const camille = await patient(world, { phone: '+33655555555' });
    email = camille.account.email;
    appointmentId = await book(world, camille, dr, '2026-03-16T08:00:00.000Z');
  });
  after(async () => {
    await app.close();
    await world.close();
  });

  it('lists the reminders still to come with their send time in Paris', async () => {
    const page = (await app.inject({ method: 'GET', url: '/dev/mailbox' })).body;
    assert.match(page, /<h2>Messages programmés<\/h2>/);
    // The 7-day reminder: Monday 9 March 2026, 09:00 in Paris.
    assert.match(page, new RegExp(`<time datetime="2026-03-09T08:00:00.000Z">09/03/2026 09:00:00</time></td><td>Email</td><td class="recipient">${email}</td><td><span class="kind">reminder_7d</span>`));
    assert.match(page, /<td class="recipient">\+33655555555<\/td><td><span class="kind">reminder_sms_48h<\/span><\/td><td>Pas encore tenté<\/td>/);
  });

  it('shows a sent confirmation with its calendar invitation to download', async () => {
    const worker = await startNotificationWorker({
      db: world.t.db, delivery: devMailboxDelivery(world.t.db, () => world.clock.now), publicUrl: 'http://localhost:3000',
      senderEmail: 'no-reply@creneau.localhost', now: () => world.clock.now, pollMs: 20,
    });
    try {
      for (let waited = 0; ; waited += 20) {
        const row = await world.t.db.selectFrom('notification_intents').select('state')
          .where('appointment_id', '=', appointmentId).where('kind', '=', 'confirmation').executeTakeFirstOrThrow();
        if (row.state === 'sent') break;
        assert.ok(waited < 10_000, 'the confirmation was not sent');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    } finally {
      await worker.stop();
    }
    const { messages } = (await app.inject({ method: 'GET', url: `/dev/mailbox/messages?to=${encodeURIComponent(email)}` })).json();
    assert.equal(messages.length, 1);
    assert.equal(messages[0].kind, 'confirmation');
    assert.equal(messages[0].attachments.length, 1);
    const page = (await app.inject({ method: 'GET', url: '/dev/mailbox' })).body;
    const link = `/dev/mailbox/${messages[0].id}/attachments/0`;
    assert.ok(page.includes(`<a href="${link}">Pièce jointe : ${messages[0].attachments[0].filename}</a>`));
    const file = await app.inject({ method: 'GET', url: link });
    assert.equal(file.statusCode, 200);
    assert.match(String(file.headers['content-type']), /^text\/calendar/);
    assert.match(String(file.headers['content-disposition']), /^attachment; filename="/);
    assert.match(file.body, /^BEGIN:VCALENDAR\r\n/);
    assert.match(file.body, new RegExp(`\r\nUID:${appointmentId}@creneau\r\n`));
    assert.equal((await app.inject({ method: 'GET', url: `/dev/mailbox/${messages[0].id}/attachments/1` })).statusCode, 404);
  });
});
