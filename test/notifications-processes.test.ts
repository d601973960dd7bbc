/**
 * The server's notification workers in processes of their own (src/features/notifications/sending.ts, the entry
 * src/notifications-worker.ts): they deliver what the outbox holds, one killed is started again, none outlives its
 * parent, and the standalone entry explains what it lacks.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, fork, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import { projectRoot } from '../src/platform/config/config.ts';
import { startSmtpStub } from '../src/platform/delivery/testing.ts';
import type { SupervisedProcesses } from '../src/platform/processes/supervise.ts';
import { notificationWorkerEntry, startNotificationProcesses } from '../src/features/notifications/index.ts';
import { WORKER_LOCK_SPACE } from '../src/features/notifications/claims.ts';
import type { AgendaFixture } from '../src/features/availability/agenda-fixtures.ts';
import { freshDatabase, type TestDatabase } from './support/database.ts';
import { notifyBooked, seedAgendas, seedBookedAppointments } from './support/notifications.ts';

type Smtp = Awaited<ReturnType<typeof startSmtpStub>>;

describe('notifications: the server\'s worker processes', () => {
  let t: TestDatabase;
  let smtp: Smtp;
  let agendas: AgendaFixture[];
  let workers: SupervisedProcesses;
  const logs: string[] = [];
  let env: NodeJS.ProcessEnv;

  before(async () => {
    t = await freshDatabase(2);
    smtp = await startSmtpStub();
    agendas = await seedAgendas(t.db, 1);
    env = {
      ...process.env,
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      MAIL_FROM: 'Créneau <rdv@creneau.example>',
      CRENEAU_NOTIFICATION_CONCURRENCY: '4',
      CRENEAU_NOTIFICATION_POLL_MS: '50',
    };
    workers = startNotificationProcesses({
      count: 2,
      databaseUrl: t.connectionString,
      publicUrl: 'https://creneau.example/',
      env,
      restart: { maxExits: 5, windowMs: 60_000, firstDelayMs: 100, maxDelayMs: 100 },
      log: (line) => logs.push(line),
    });
  });
  after(async () => {
    await workers.stop();
    await smtp.close();
    await t.drop();
  });

  /** A booking committed now, its confirmation in the outbox; resolves with the patient's address. */
  let offset = 0;
  const book = async (): Promise<string> => {
    const [booking] = await seedBookedAppointments(t.db, agendas, 1, new Date(Date.now() + 30 * 86_400_000), offset++);
    await notifyBooked(t.db, [booking!], () => new Date());
    return booking!.email;
  };

  const waitFor = async (check: () => Promise<boolean> | boolean, what: string, timeoutMs = 20_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      assert.ok(Date.now() < deadline, `timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  const delivered = (email: string) => smtp.received.some((mail) => mail.to.includes(email));

  /** Workers alive and working: each holds its liveness lock on this database. */
  const liveWorkers = async () => Number((await t.pool.query(
    `select count(*) from pg_locks where locktype = 'advisory' and classid = $1
       and database = (select oid from pg_database where datname = current_database())`, [WORKER_LOCK_SPACE],
  )).rows[0].count);

  it('starts the configured number of worker processes, which deliver a confirmation written to the outbox', async () => {
    assert.equal(await workers.ready, 2);
    assert.equal(new Set(workers.pids()).size, 2);
    assert.equal(await liveWorkers(), 2);
    const email = await book();
    await waitFor(() => delivered(email), 'the confirmation');
  });

  it('starts again a worker killed with SIGKILL; a confirmation written after the kill arrives', async () => {
    const [killed, survivor] = workers.pids();
    process.kill(killed!, 'SIGKILL');
    const email = await book();
    await waitFor(() => delivered(email), 'the confirmation written after the kill');
    await waitFor(() => workers.pids().length === 2 && !workers.pids().includes(killed!), 'a new worker process');
    assert.ok(workers.pids().includes(survivor!), 'the other worker kept running');
    await waitFor(async () => (await liveWorkers()) === 2, 'the new worker holding its lock');
    assert.ok(logs.some((line) => line.includes(`process ${killed} exited (signal SIGKILL); restarting it`)), logs.join('\n'));
    const next = await book();
    await waitFor(() => delivered(next), 'a confirmation after the restart');
  });

  it('stops every worker process at shutdown, none started again', async () => {
    const pids = workers.pids();
    await workers.stop();
    for (const pid of pids) assert.throws(() => process.kill(pid, 0), { code: 'ESRCH' }, `process ${pid} still running`);
    await waitFor(async () => (await liveWorkers()) === 0, 'the locks released');
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.deepEqual(workers.pids(), []);
  });

  it('a forked worker stops by itself when its parent goes away (the IPC channel closes)', async () => {
    const child = fork(notificationWorkerEntry, [], {
      execArgv: ['--import', 'tsx'],
      env: { ...env, DATABASE_URL: t.connectionString, PUBLIC_URL: 'https://creneau.example/' },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    await new Promise<void>((resolve, reject) => {
      child.once('message', () => resolve());
      child.once('exit', (code) => reject(new Error(`the worker exited (${code}) before working`)));
    });
    const exit = exitOf(child);
    child.disconnect();
    assert.deepEqual(await exit, { code: 0, signal: null });
  });
});

describe('npm run notifications:worker', () => {
  it('refuses to start without DATABASE_URL, saying which setting is missing', async () => {
    const env = { ...process.env };
    delete env.DATABASE_URL;
    const run = promisify(execFile)(process.execPath, ['--import', 'tsx', notificationWorkerEntry], { cwd: projectRoot, env });
    await assert.rejects(run, (error: { code: number; stderr: string }) => {
      assert.equal(error.code, 1);
      assert.match(error.stderr, /^Créneau notifications worker: DATABASE_URL is required/m);
      return true;
    });
  });
});

function exitOf(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}
