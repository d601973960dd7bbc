/**
 * `npm run bench:notifications [-- --bookings 10000 --rate 500 --workers 2 --warmup 1000 --producer confirm|enqueue
 *   --concurrency 16 --smtp-connections 4 --per-transaction 10 --keep --profile]`
 * The notifications pipeline from committed booking to message accepted by an SMTP server (docs/performance.md
 * « Notifications »). A throw-away embedded PostgreSQL under .data/bench-notifications; appointments and accounts
 * written in bulk; the workers are `--workers` processes of the production entry (src/notifications-worker.ts);
 * an smtp-server on this machine, in this process, notes when it accepts each message. `--profile`: CPU profiles of
 * the workers (.data/profiles) and PostgreSQL time per statement.
 * Phases:
 *   0. warm-up: `--warmup` bookings committed and delivered, unmeasured (a running server's workers are warm);
 *   1. paced: bookings committed at `--rate` a second while the workers run → delay from commit to SMTP accept. Each
 *      booking is committed as `--producer` says (commitPaced): the real confirmation statement by default;
 *   2. backlog: `--bookings` booked rows' intents written first (enqueueAppointmentNotification, `--per-transaction`
 *      a transaction) with no worker, then the workers started → how fast they drain (messages/s).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SMTPServer } from 'smtp-server';
import { projectRoot } from '../src/platform/config/config.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { startEmbeddedPostgres } from '../src/platform/db/embedded-postgres.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { ensureDatabase } from '../src/platform/db/provision.ts';
import { notificationWorkerEntry } from '../src/features/notifications/index.ts';
import { notifyBooked, seedAgendas, seedBookedAppointments, type SeededBooking } from '../test/support/notifications.ts';
import { percentile } from './booking-rush.ts';
import { writeConfirmation } from '../src/features/booking/confirm-appointment/repository.ts';
import { intentsForNewBooking } from '../src/features/notifications/index.ts';
import { randomUUID } from 'node:crypto';
import { cpuMsOf, postmasterOf } from './process-cpu.ts';

const { values: args } = parseArgs({
  options: {
    bookings: { type: 'string', default: '10000' },
    rate: { type: 'string', default: '500' },
    concurrency: { type: 'string', default: '16' },
    'smtp-connections': { type: 'string', default: '4' },
    'per-transaction': { type: 'string', default: '10' },
    warmup: { type: 'string', default: '1000' },
    producer: { type: 'string', default: 'confirm' },
    workers: { type: 'string', default: String(Math.min(2, os.availableParallelism())) },
    keep: { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
  },
});
const bookingCount = Number(args.bookings);
const rate = Number(args.rate);
const concurrency = Number(args.concurrency);
const perTransaction = Number(args['per-transaction']);
const workerCount = Number(args.workers);
if (args.producer !== 'confirm' && args.producer !== 'enqueue') throw new Error('--producer is confirm or enqueue');

const load = () => os.loadavg().map((n) => n.toFixed(2)).join(' ');
console.log(`▶ load average before: ${load()} (${os.cpus().length} cores)`);
const dataDir = path.join(projectRoot, '.data', 'bench-notifications');
rmSync(dataDir, { recursive: true, force: true });
const postgres = await startEmbeddedPostgres({
  dataDir,
  ...(args.profile ? { settings: { shared_preload_libraries: 'pg_stat_statements', 'pg_stat_statements.track': 'all' } } : {}),
});
const connectionString = postgres.connectionString('creneau');
const smtp = await startSmtpSink();
let workers: ChildProcess[] = [];
try {
  await ensureDatabase(postgres.connectionString('postgres'), 'creneau');
  const { db, pool, close } = openDatabase(connectionString, 12);
  await migrate(pool);
  const agendas = await seedAgendas(db, 50);
  const firstStart = new Date(Date.now() + 30 * 86_400_000);
  const paced = await seedBookedAppointments(db, agendas, bookingCount, firstStart, 0);
  const backlog = await seedBookedAppointments(db, agendas, bookingCount, firstStart, bookingCount);
  const warmup = await seedBookedAppointments(db, agendas, Number(args.warmup), firstStart, 2 * bookingCount);
  if (args.producer === 'confirm') await holdAgain(db, [...paced, ...warmup]);
  console.log(`▶ ${2 * bookingCount + warmup.length} booked appointments and accounts written; worker concurrency ${concurrency}, `
    + `${args['smtp-connections']} SMTP connections to 127.0.0.1:${smtp.port}`);

  // 1. Paced: the worker runs while bookings commit at `rate` a second.
  workers = await startWorkers(connectionString, smtp.port, concurrency);
  // A running server's worker is warm: `--warmup` bookings go through first, unmeasured (compiling the modules it
  // loads on first use, the JIT, the pools' connections).
  await commitPaced(db, warmup, rate, perTransaction);
  await smtp.waitFor(warmup.map((b) => b.email));
  const { committedAt, seconds: commitSeconds } = await commitPaced(db, paced, rate, perTransaction);
  const pacedEnd = await smtp.waitFor(paced.map((b) => b.email));
  const delays = paced.map((booking, i) => smtp.acceptedAt.get(booking.email)! - committedAt[i]!);
  const tenths = Array.from({ length: 10 }, (_, k) => delays.slice(k * delays.length / 10, (k + 1) * delays.length / 10));
  const pacedSeconds = (pacedEnd - Math.min(...committedAt)) / 1000;
  await stopWorkers(workers);
  workers = [];

  // 2. Backlog: everything committed first, then a worker drains it.
  if (args.profile) await pool.query('create extension if not exists pg_stat_statements');
  const backlogCommitted = Date.now();
  await notifyBooked(db, backlog, () => new Date(), perTransaction);
  const writeSeconds = (Date.now() - backlogCommitted) / 1000;
  const postmaster = postmasterOf(path.join(postgres.dataDir, 'cluster'));
  const started = Date.now();
  workers = await startWorkers(connectionString, smtp.port, concurrency);
  const workerCpuMs = () => workers.reduce((sum, child) => sum + cpuMsOf(child.pid!, false), 0);
  const cpuBefore = { worker: workerCpuMs(), postgres: postmaster ? clusterCpuMs(postmaster) : NaN, smtp: process.cpuUsage() };
  const drainEnd = await smtp.waitFor(backlog.map((b) => b.email));
  const drainSeconds = (drainEnd - started) / 1000;
  const smtpCpu = process.cpuUsage(cpuBefore.smtp);
  const cpu = {
    worker: workerCpuMs() - cpuBefore.worker,
    postgres: postmaster ? clusterCpuMs(postmaster) - cpuBefore.postgres : NaN,
    smtp: (smtpCpu.user + smtpCpu.system) / 1000,
  };
  const cpuPerMessage = (cpu.worker + cpu.postgres + cpu.smtp) / bookingCount;
  await stopWorkers(workers);
  workers = [];

  if (args.profile) {
    const { rows } = await pool.query(`select calls, round(total_exec_time::numeric, 0) as ms, left(regexp_replace(query, '\\s+', ' ', 'g'), 110) as query
      from pg_stat_statements where query not like '%pg_stat_statements%' order by total_exec_time desc limit 12`);
    console.log('PostgreSQL time per statement, both phases:');
    for (const row of rows) console.log(`  ${String(row.ms).padStart(7)} ms ${String(row.calls).padStart(7)} calls  ${row.query}`);
  }
  const sent = Number((await pool.query(`select count(*) from notification_intents where state = 'sent'`)).rows[0].count);
  const ms = (value: number) => `${Math.round(value)} ms`;
  console.log(`
paced   ${bookingCount} bookings offered at ${rate}/s ${args.producer === 'confirm' ? 'as confirmations (booking_confirm, one commit each)' : `in transactions of ${perTransaction}`}, committed at ${(bookingCount / commitSeconds).toFixed(0)}/s: ${(bookingCount / pacedSeconds).toFixed(0)} messages/s
        delay commit → SMTP accept: p50 ${ms(percentile(delays, 50))} · p95 ${ms(percentile(delays, 95))} · p99 ${ms(percentile(delays, 99))} · max ${ms(Math.max(...delays))}
        p50 by tenth of the run: ${tenths.map((part) => ms(percentile(part, 50))).join(' · ')} (after ${args.warmup} warm-up bookings)
backlog ${bookingCount} bookings committed first (${(bookingCount / writeSeconds).toFixed(0)} bookings/s with their intents), then drained in ${drainSeconds.toFixed(1)} s: ${(bookingCount / drainSeconds).toFixed(0)} messages/s (worker start included)
        CPU per message while draining: worker ${(cpu.worker / bookingCount).toFixed(2)} ms, PostgreSQL ${(cpu.postgres / bookingCount).toFixed(2)} ms, SMTP server ${(cpu.smtp / bookingCount).toFixed(2)} ms
        → ${(2000 / cpuPerMessage).toFixed(0)} messages/s if the ${os.cpus().length} cores were ours alone (load average now ${load()})
SMTP accepted ${smtp.acceptedAt.size} distinct recipients, ${smtp.total} messages (warm-up included); ${sent} intents marked sent`);
  await close();
} finally {
  await stopWorkers(workers);
  await smtp.close();
  await postgres.stop();
  if (!args.keep) rmSync(postgres.dataDir, { recursive: true, force: true });
  console.log(`▶ load average after: ${load()}; PostgreSQL stopped${args.keep ? '' : `, ${postgres.dataDir} deleted`}`);
}

/**
 * CPU milliseconds of a PostgreSQL cluster so far: the postmaster, its live backends, and the backends that already
 * exited (the postmaster's reaped children time), so that a connection closing meanwhile is not lost.
 */
function clusterCpuMs(postmaster: number): number {
  const stat = (pid: number | string) => {
    try {
      const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
      return text.slice(text.lastIndexOf(')') + 2).split(' ');
    } catch {
      return null;
    }
  };
  const own = stat(postmaster);
  if (!own) return NaN;
  // Fields after the command: utime, stime, cutime, cstime are the 12th to 15th (clock ticks, 100 a second).
  let ticks = Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]);
  for (const name of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    const child = stat(name);
    if (child && Number(child[1]) === postmaster) ticks += Number(child[11]) + Number(child[12]);
  }
  return ticks * 10;
}

/**
 * Commits the bookings, paced to `rate` a second, up to `parallel` writes at once (bookings arrive from many clients);
 * returns each booking's commit time. `--producer confirm` (default): each booking is the real confirmation write,
 * `booking_confirm` on a held row with the intents planned as the server plans them (one statement and one commit per
 * booking, what a patient's confirmation costs the database since session 3); `--producer enqueue`: the intents of
 * `perTransaction` booked rows written by `enqueueAppointmentNotification` in one transaction (session 2's bench).
 */
async function commitPaced(
  db: Parameters<typeof notifyBooked>[0], bookings: SeededBooking[], rate: number, perTransaction: number, parallel = 8,
): Promise<{ committedAt: number[]; seconds: number }> {
  const committedAt: number[] = new Array(bookings.length);
  const step = args.producer === 'confirm' ? 1 : perTransaction;
  const start = Date.now();
  const running = new Set<Promise<void>>();
  for (let i = 0; i < bookings.length; i += step) {
    const due = start + (i / rate) * 1000;
    if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
    while (running.size >= parallel) await Promise.race(running);
    const first = i;
    const write = args.producer === 'confirm'
      ? confirmHeld(db, bookings[i]!).then((time) => { committedAt[first] = time; })
      : notifyBooked(db, bookings.slice(i, i + step), () => new Date(), step)
        .then((times) => times.forEach((time, j) => { committedAt[first + j] = time; }));
    running.add(write);
    void write.finally(() => running.delete(write));
  }
  await Promise.all(running);
  return { committedAt, seconds: (Date.now() - start) / 1000 };
}

/** Makes seeded booked rows held again (as just held by their patients), for `--producer confirm`. */
async function holdAgain(db: Parameters<typeof notifyBooked>[0], bookings: readonly SeededBooking[]): Promise<void> {
  await db.updateTable('appointments')
    .set({ status: 'held', hold_expires_at: new Date(Date.now() + 6 * 3_600_000), patient_id: null, booked_at: null })
    .where('id', 'in', bookings.map((booking) => booking.appointmentId))
    .execute();
}

/** The confirmation of one held booking as the server writes it; returns its commit time. */
async function confirmHeld(db: Parameters<typeof notifyBooked>[0], booking: SeededBooking): Promise<number> {
  const now = new Date();
  const written = await writeConfirmation(db, {
    holdId: booking.appointmentId, practitionerId: booking.practitionerId, accountId: booking.accountId, holdToken: null,
    patientId: booking.patientId, idempotencyKey: randomUUID(), referringPractitionerId: null, instructionsAcceptedAt: null,
    replacedIds: [], fileToLink: null, now,
    // The seeded holder: the account's email and landline, no contact of its own, messages on (seedBookedAppointments).
    planned: intentsForNewBooking(booking.appointmentId, booking.start, {
      reasonOn: true, fileOff: false, isHolder: true, patientEmail: null, patientPhone: null, patientPhoneKind: null,
      accountEmail: booking.email, accountPhone: '+33240000000', accountPhoneKind: 'landline', language: 'fr',
    }, now),
  });
  if (written.outcome !== 'booked') throw new Error(`the bench's hold was not booked: ${written.outcome}`);
  return Date.now();
}

/** An SMTP server that keeps nothing but when each recipient's message was accepted. */
async function startSmtpSink() {
  const acceptedAt = new Map<string, number>();
  let total = 0;
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        const now = Date.now();
        total += 1;
        for (const rcpt of session.envelope.rcptTo) if (!acceptedAt.has(rcpt.address)) acceptedAt.set(rcpt.address, now);
        callback();
      });
    },
  });
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.server.address() as AddressInfo).port,
    acceptedAt,
    get total() {
      return total;
    },
    /** Resolves with the last accept time once every address got its message. */
    async waitFor(addresses: string[]): Promise<number> {
      for (;;) {
        if (addresses.every((address) => acceptedAt.has(address))) return Math.max(...addresses.map((address) => acceptedAt.get(address)!));
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function startWorker(databaseUrl: string, smtpPort: number, workerConcurrency: number): Promise<ChildProcess> {
  const child = fork(notificationWorkerEntry, [], {
    execArgv: ['--import', 'tsx', ...(args.profile ? ['--cpu-prof', `--cpu-prof-dir=${path.join(projectRoot, '.data', 'profiles')}`] : [])],
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PUBLIC_URL: 'https://creneau.example/',
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      MAIL_FROM: 'Créneau <rdv@creneau.example>',
      CRENEAU_NOTIFICATION_CONCURRENCY: String(workerConcurrency),
      CRENEAU_NOTIFICATION_SMTP_CONNECTIONS: String(args['smtp-connections']),
      CRENEAU_NOTIFICATION_POLL_MS: '200',
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`the worker exited (${code})`)));
  });
  return child;
}

/** `--workers` worker processes sharing the outbox (the claim protocol allows any number). */
function startWorkers(databaseUrl: string, smtpPort: number, workerConcurrency: number): Promise<ChildProcess[]> {
  return Promise.all(Array.from({ length: workerCount }, () => startWorker(databaseUrl, smtpPort, workerConcurrency)));
}

async function stopWorkers(children: ChildProcess[]): Promise<void> {
  await Promise.all(children.map(stopWorker));
}

async function stopWorker(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await exited;
}
