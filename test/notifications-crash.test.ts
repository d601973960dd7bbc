/**
 * At-least-once delivery across a crash (docs/decisions.md « Notifications — pipeline »): a worker in a child process
 * is killed with SIGKILL in the middle of 1,000 confirmations and started again. Every confirmation reaches the SMTP
 * server; the copies are only those the dead worker had in flight (at most its concurrency), with the same Message-ID.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fork, type ChildProcess } from 'node:child_process';
import { startSmtpStub } from '../src/platform/delivery/testing.ts';
import { notificationWorkerEntry } from '../src/features/notifications/index.ts';
import { freshDatabase, type TestDatabase } from './support/database.ts';
import { notifyBooked, seedAgendas, seedBookedAppointments, type SeededBooking } from './support/notifications.ts';

const CONFIRMATIONS = 1_000;
const CONCURRENCY = 16;

type Smtp = Awaited<ReturnType<typeof startSmtpStub>>;

describe('notifications: a worker killed in the middle of a batch', () => {
  let t: TestDatabase;
  let smtp: Smtp;
  let bookings: SeededBooking[];

  before(async () => {
    t = await freshDatabase(4);
    smtp = await startSmtpStub();
    const agendas = await seedAgendas(t.db, 10);
    bookings = await seedBookedAppointments(t.db, agendas, CONFIRMATIONS, new Date(Date.now() + 30 * 86_400_000));
    await notifyBooked(t.db, bookings, () => new Date());
  });
  after(async () => {
    await smtp.close();
    await t.drop();
  });

  /** A worker process; resolves once it works. */
  const startWorker = async (): Promise<ChildProcess> => {
    const child = fork(notificationWorkerEntry, [], {
      execArgv: ['--import', 'tsx'],
      env: {
        ...process.env,
        DATABASE_URL: t.connectionString,
        PUBLIC_URL: 'https://creneau.example/',
        SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
        MAIL_FROM: 'Créneau <rdv@creneau.example>',
        CRENEAU_NOTIFICATION_CONCURRENCY: String(CONCURRENCY),
        CRENEAU_NOTIFICATION_POLL_MS: '50',
      },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    await new Promise<void>((resolve, reject) => {
      child.once('message', () => resolve());
      child.once('exit', (code) => reject(new Error(`the worker exited (${code}) before working`)));
    });
    return child;
  };

  const exited = (child: ChildProcess) => new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });

  const waitFor = async (check: () => Promise<boolean> | boolean, what: string, timeoutMs = 120_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      assert.ok(Date.now() < deadline, `timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };

  const confirmationsSent = async () => Number((await t.db.selectFrom('notification_intents')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('kind', '=', 'confirmation').where('state', '=', 'sent').executeTakeFirstOrThrow()).n);

  it('delivers every confirmation after a SIGKILL and a restart, each at most once more than the worker\'s concurrency in all', async () => {
    const first = await startWorker();
    await waitFor(() => smtp.received.length >= CONFIRMATIONS / 3, 'a third of the batch');
    first.kill('SIGKILL');
    await exited(first);
    const beforeRestart = smtp.received.length;
    assert.ok(beforeRestart < CONFIRMATIONS, 'killed in the middle of the batch');
    const claimedByTheDead = await t.db.selectFrom('notification_intents').select('id')
      .where('state', '=', 'pending').where('claimed_by', 'is not', null).execute();

    const second = await startWorker();
    try {
      await waitFor(async () => (await confirmationsSent()) === CONFIRMATIONS, 'every confirmation marked sent');
    } finally {
      second.kill('SIGTERM');
      await exited(second);
    }

    const byRecipient = new Map<string, number>();
    for (const mail of smtp.received) for (const to of mail.to) byRecipient.set(to, (byRecipient.get(to) ?? 0) + 1);
    const missing = bookings.filter((booking) => !byRecipient.has(booking.email));
    assert.deepEqual(missing, [], 'every confirmation was delivered');
    const copies = smtp.received.length - CONFIRMATIONS;
    assert.ok(copies <= CONCURRENCY, `${copies} copies, more than the ${CONCURRENCY} messages a worker has in flight`);
    const messageIds = new Set(smtp.received.map((mail) => /^Message-ID: (.+)$/im.exec(mail.raw.toString('latin1'))?.[1]?.trim()));
    assert.equal(messageIds.size, CONFIRMATIONS, 'a copy carries the Message-ID of its original');
    console.log(`# crash: ${beforeRestart} accepted before SIGKILL, ${claimedByTheDead.length} claims of the dead worker taken back, ${copies} copies`);
  });
});
