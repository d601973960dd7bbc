/**
 * The notifications pipeline end to end: bookings through the real API write intents, the worker claims them,
 * re-reads the appointment, renders and sends them to an SMTP server on this machine (SMS land in the development
 * mailbox). Retries, the dead letter, re-reading at firing time, A7 recipients and E4 switches.
 */
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import PostalMime from 'postal-mime';
import { sql } from 'kysely';
import type { AgendaFixture } from '../src/features/availability/agenda-fixtures.ts';
import { loadConfig } from '../src/platform/config/config.ts';
import { createDelivery } from '../src/platform/delivery/create-delivery.ts';
import { closedPort, startSmtpStub } from '../src/platform/delivery/testing.ts';
import {
  listFailedNotifications, retryFailedNotifications, startNotificationWorker, type NotificationWorker, type RetryPolicy,
} from '../src/features/notifications/index.ts';
import { messageIdOf } from '../src/features/notifications/compose.ts';
import { WORKER_LOCK_SPACE } from '../src/features/notifications/claims.ts';
import { agenda, book, hold, MONDAY_8AM, openWorld, patient, relative, type World } from './booking-manage-fixtures.ts';

const FAR = '2026-03-16T08:00:00.000Z';
const NEAR = '2026-03-04T08:00:00.000Z';
const SENDER = 'rdv@creneau.example';

type Smtp = Awaited<ReturnType<typeof startSmtpStub>>;

let phones = 0;
/** A mobile number of its own for each patient: SMS are told apart by recipient. */
const nextMobile = () => `+336${String(20_000_000 + ++phones).padStart(8, '0')}`;

describe('notifications: from the booking to the SMTP server', () => {
  let world: World;
  let dr: AgendaFixture;
  let smtp: Smtp;
  let worker: NotificationWorker | undefined;
  let closeDelivery = () => undefined as void;

  before(async () => {
    world = await openWorld();
    smtp = await startSmtpStub({ refuse: 'nobody@example.fr' });
  });
  after(async () => {
    await smtp.close();
    await world.close();
  });
  beforeEach(async () => {
    world.clock.now = MONDAY_8AM;
    dr = await agenda(world);
  });
  afterEach(async () => {
    await worker?.stop();
    worker = undefined;
    closeDelivery();
  });

  /** A worker on the world's clock (or `now`), sending emails to `port` and SMS to the development mailbox. */
  const startWorker = async (options: { port?: number; now?: () => Date; retry?: RetryPolicy } = {}) => {
    closeDelivery();
    // Pooled SMTP connections, as main.ts gives the worker.
    const delivery = createDelivery(loadConfig({ SMTP_URL: `smtp://127.0.0.1:${options.port ?? smtp.port}` }), world.t.db, () => world.clock.now, { smtpConnections: 2 });
    closeDelivery = () => delivery.close();
    worker = await startNotificationWorker({
      db: world.t.db, delivery, publicUrl: 'https://creneau.example', senderEmail: SENDER,
      now: options.now ?? (() => world.clock.now), pollMs: 20, concurrency: 8,
      retry: options.retry ?? { baseMs: 20, maxMs: 200, maxAttempts: 30 },
    });
    return worker;
  };

  /** The intents of an appointment as « kind/channel/role: state ». */
  const statesOf = async (appointmentId: string) =>
    (await world.t.db.selectFrom('notification_intents').select(['kind', 'channel', 'role', 'state'])
      .where('appointment_id', '=', appointmentId).orderBy('send_at').orderBy('channel').orderBy('role').execute())
      .map((row) => `${row.kind}/${row.channel}/${row.role}: ${row.state}`);

  /** Waits until no intent of the appointment that is due at `now` is still pending. */
  const settled = async (appointmentId: string, now: Date = world.clock.now) => {
    for (let waited = 0; ; waited += 20) {
      const due = await world.t.db.selectFrom('notification_intents').select('id')
        .where('appointment_id', '=', appointmentId).where('state', '=', 'pending').where('send_at', '<=', now).execute();
      if (!due.length) return;
      if (waited > 15_000) assert.fail('the worker did not settle the due messages');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  /** The emails the SMTP server received for this address, parsed. */
  const mailTo = (address: string) =>
    Promise.all(smtp.received.filter((mail) => mail.to.includes(address)).map((mail) => PostalMime.parse(mail.raw)));

  const smsTo = (phone: string) =>
    world.t.db.selectFrom('dev_mailbox').select(['kind', 'text']).where('recipient', '=', phone).orderBy('id').execute();

  it('sends the confirmation within seconds in the holder\'s language, with the .ics, the links and a Message-ID from its key (E1, D4)', async () => {
    const alex = await patient(world, { phone: nextMobile() });
    await world.t.db.updateTable('accounts').set({ language: 'en' }).where('id', '=', alex.accountId).execute();
    const id = await book(world, alex, dr, FAR);
    await startWorker();
    await settled(id);
    const [email, ...others] = await mailTo(alex.account.email);
    assert.equal(others.length, 0);
    assert.match(email!.subject ?? '', /^Appointment confirmed on /);
    assert.match(email!.html ?? '', /<html lang="en"/);
    assert.match(email!.text ?? '', /https:\/\/creneau\.example\/rdv\/annuler#jeton=/);
    const invite = email!.attachments.find((file) => file.mimeType === 'text/calendar');
    const ics = typeof invite?.content === 'string' ? invite.content : new TextDecoder().decode(invite?.content);
    assert.match(ics, new RegExp(`\nUID:${id}@creneau\n`));
    assert.match(ics, /\nMETHOD:REQUEST\n/);
    const key = (await world.t.db.selectFrom('notification_intents').select('idempotency_key')
      .where('appointment_id', '=', id).where('kind', '=', 'confirmation').executeTakeFirstOrThrow()).idempotency_key;
    assert.equal(email!.messageId, messageIdOf(key, SENDER));
    assert.deepEqual((await statesOf(id))[0], 'confirmation/email/holder: sent');
  });

  it('keeps messages while the SMTP server is down, retrying with backoff, and sends them when it is back', async () => {
    const camille = await patient(world, { phone: nextMobile() });
    const id = await book(world, camille, dr, FAR);
    const port = await closedPort();
    const started = Date.now();
    await startWorker({ port, now: () => new Date(MONDAY_8AM.getTime() + Date.now() - started) });
    for (let waited = 0; ; waited += 20) {
      const row = await world.t.db.selectFrom('notification_intents').select(['attempts', 'last_error', 'state'])
        .where('appointment_id', '=', id).where('kind', '=', 'confirmation').executeTakeFirstOrThrow();
      if (row.attempts >= 3) {
        assert.equal(row.state, 'pending');
        assert.match(row.last_error ?? '', /^smtp E(CONNREFUSED|CONNECTION|SOCKET)\b/);
        break;
      }
      assert.ok(waited < 10_000, 'no retry happened');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const back = await startSmtpStub({ port });
    try {
      await settled(id, new Date(MONDAY_8AM.getTime() + 60_000));
      assert.equal(back.received.filter((mail) => mail.to.includes(camille.account.email)).length, 1);
      assert.equal((await statesOf(id))[0], 'confirmation/email/holder: sent');
    } finally {
      await back.close();
    }
  });

  it('puts a message refused for good (SMTP 550) in the dead letter at once, lists it, and sends it again on demand', async () => {
    const nobody = await patient(world, { email: 'nobody@example.fr', phone: nextMobile() });
    const id = await book(world, nobody, dr, NEAR);
    await startWorker();
    await settled(id);
    const failed = (await listFailedNotifications(world.t.db)).filter((entry) => entry.appointmentId === id);
    assert.deepEqual(failed.map((entry) => [entry.kind, entry.attempts, entry.lastError, entry.to]), [['confirmation', 1, 'smtp EENVELOPE 550', 'nobody@example.fr']]);
    await world.t.db.updateTable('accounts').set({ email: 'somebody@example.fr' }).where('id', '=', nobody.accountId).execute();
    assert.equal(await retryFailedNotifications(world.t.db, [failed[0]!.id], world.clock.now), 1);
    await settled(id);
    assert.equal((await mailTo('somebody@example.fr')).length, 1);
    assert.equal((await statesOf(id))[0], 'confirmation/email/holder: sent');
  });

  it('gives up after the last attempt: the message waits in the dead letter', async () => {
    const camille = await patient(world, { phone: nextMobile() });
    const id = await book(world, camille, dr, NEAR);
    const started = Date.now();
    await startWorker({ port: await closedPort(), now: () => new Date(MONDAY_8AM.getTime() + Date.now() - started), retry: { baseMs: 10, maxMs: 20, maxAttempts: 3 } });
    await settled(id, new Date(MONDAY_8AM.getTime() + 60_000));
    const row = await world.t.db.selectFrom('notification_intents').select(['state', 'attempts'])
      .where('appointment_id', '=', id).where('kind', '=', 'confirmation').executeTakeFirstOrThrow();
    assert.deepEqual(row, { state: 'failed', attempts: 3 });
  });

  it('goes on after its lock connection is cut (database restart): takes the lock again, then sends', async () => {
    const running = await startWorker();
    const lockHolder = () => sql<{ pid: number }>`
      select pid from pg_locks where locktype = 'advisory' and classid = ${WORKER_LOCK_SPACE}::int::oid
         and objid = ${running.key}::int::oid and objsubid = 2 and granted`.execute(world.t.db);
    const [holder] = (await lockHolder()).rows;
    assert.ok(holder);
    await sql`select pg_terminate_backend(${holder.pid})`.execute(world.t.db);
    const camille = await patient(world, { phone: nextMobile() });
    const id = await book(world, camille, dr, NEAR);
    await settled(id);
    assert.equal((await mailTo(camille.account.email)).length, 1);
    const [again] = (await lockHolder()).rows;
    assert.ok(again && again.pid !== holder.pid, 'the lock is held again, on a new connection');
  });

  describe('reminders read the appointment again when they fire', () => {
    it('a cancelled appointment gets its cancellation, never its reminders', async () => {
      const camille = await patient(world, { phone: nextMobile() });
      const id = await book(world, camille, dr, NEAR);
      const res = await world.app.inject({ method: 'POST', url: `/api/appointments/${id}/cancel`, headers: camille.session.headers });
      assert.equal(res.statusCode, 200);
      world.clock.now = new Date('2026-03-03T09:00:00Z');
      await startWorker();
      await settled(id);
      assert.deepEqual((await mailTo(camille.account.email)).map((mail) => mail.subject?.split(' ')[1]), ['annulé']);
      assert.deepEqual(await smsTo(camille.account.phone), []);
    });

    it('a reminder whose appointment was cancelled behind the outbox\'s back is dropped when it fires', async () => {
      const camille = await patient(world, { phone: nextMobile() });
      const id = await book(world, camille, dr, NEAR);
      await world.t.db.updateTable('appointments').set({ status: 'cancelled' }).where('id', '=', id).execute();
      world.clock.now = new Date('2026-03-03T09:00:00Z');
      await startWorker();
      await settled(id);
      assert.deepEqual(await statesOf(id), [
        'confirmation/email/holder: dropped', 'reminder_24h/email/holder: dropped', 'reminder_sms_24h/sms/holder: dropped',
      ]);
      assert.deepEqual(await mailTo(camille.account.email), []);
    });

    it('a moved appointment is reminded of its new time only', async () => {
      const camille = await patient(world, { phone: nextMobile() });
      const old = await book(world, camille, dr, NEAR);
      const holdId = await hold(world, camille, dr, '2026-03-05T13:00:00.000Z', old);
      const res = await world.app.inject({ method: 'POST', url: `/api/appointments/${old}/move`, headers: camille.session.headers, payload: { holdId } });
      assert.equal(res.statusCode, 200, res.body);
      world.clock.now = new Date('2026-03-04T14:00:00Z');
      await startWorker();
      await settled(holdId);
      await settled(old);
      const subjects = (await mailTo(camille.account.email)).map((mail) => mail.subject ?? '').sort();
      assert.equal(subjects.length, 2, subjects.join(' | '));
      assert.match(subjects[0]!, /^Rappel : rendez-vous le jeudi 5 mars 2026 à 14:00/);
      assert.match(subjects[1]!, /^Rendez-vous déplacé au jeudi 5 mars 2026 à 14:00/);
      const sms = await smsTo(camille.account.phone);
      assert.deepEqual(sms.map((message) => message.kind), ['reminder_sms_24h']);
      assert.match(sms[0]!.text, / le jeu\. 05\/03 à 14:00\./);
    });
  });

  describe('who receives what (A7, E3)', () => {
    it('an adult relative with own contact gets the SMS; the holder and the relative both get the emails', async () => {
      const camille = await patient(world, { phone: nextMobile() });
      const paul = await relative(world, camille, 'Paul', '1960-01-01');
      await world.t.db.updateTable('patients').set({ email: 'paul.martin@example.fr', phone: '+33698765432', phone_kind: 'mobile' })
        .where('id', '=', paul).execute();
      const id = await book(world, camille, dr, NEAR, paul);
      world.clock.now = new Date('2026-03-03T09:00:00Z');
      await startWorker();
      await settled(id);
      assert.equal((await mailTo(camille.account.email)).length, 2, 'confirmation and 24 h reminder to the holder');
      assert.equal((await mailTo('paul.martin@example.fr')).length, 2, 'and to the relative');
      assert.equal((await smsTo('+33698765432')).length, 1);
      assert.deepEqual(await smsTo(camille.account.phone), []);
    });

    it('a holder with a landline gets the emails and no SMS', async () => {
      const landline = await patient(world, { phone: '+33240987654' });
      const id = await book(world, landline, dr, NEAR);
      world.clock.now = new Date('2026-03-03T09:00:00Z');
      await startWorker();
      await settled(id);
      assert.equal((await mailTo(landline.account.email)).length, 2);
      assert.deepEqual(await smsTo('+33240987654'), []);
    });
  });

  it('E4: notifications switched off after the booking stop the reminders still to come; the appointment stays', async () => {
    const camille = await patient(world, { phone: nextMobile() });
    const id = await book(world, camille, dr, NEAR);
    await startWorker();
    await settled(id);
    await worker!.stop();
    await world.t.db.insertInto('patient_files').values({
      practitioner_id: dr.practitionerId, patient_id: camille.holderPatientId, first_name: 'Camille', last_name: 'Martin', notifications_off: true,
    }).execute();
    world.clock.now = new Date('2026-03-03T09:00:00Z');
    await startWorker();
    await settled(id);
    assert.deepEqual(await statesOf(id), [
      'confirmation/email/holder: sent', 'reminder_24h/email/holder: dropped', 'reminder_sms_24h/sms/holder: dropped',
    ]);
    const mine = await world.app.inject({ method: 'GET', url: '/api/appointments', headers: camille.session.headers });
    assert.deepEqual(mine.json().upcoming.map((a: { id: string }) => a.id), [id]);
  });
});
