/**
 * `npm run bench:booking [-- --patients 5000 --connections 16 --practitioners 50 --pool <server default> --workers 1 --attempts 8
 *   --spread 5 --ceiling-seconds 5 --seed 1 --unprepared --no-session-memory --logger off|errors|verbose --profile --keep]`
 * A vaccination rush over real HTTP (docs/performance.md « Booking »): a throw-away embedded PostgreSQL under
 * .data/bench-booking, `--practitioners` centres opening about as many places as there are patients (10-minute slots,
 * two weeks), `--patients` patients signed in beforehand racing from `--connections` keep-alive connections to hold
 * and confirm them. Then two ceilings measured directly on PostgreSQL from as many connections, and the invariant
 * checked in SQL (no overlap, no group over capacity). Prints the figures; everything is stopped and deleted at the end.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { defaultPoolSize, projectRoot } from '../src/platform/config/config.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { freePort, startEmbeddedPostgres } from '../src/platform/db/embedded-postgres.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { ensureDatabase } from '../src/platform/db/provision.ts';
import { bookingTransactionCeiling, rawInsertCeiling, type Ceiling } from './booking-ceilings.ts';
import { percentile, runRush, slotsOfCalendar, type KnownSlot, type RushResult } from './booking-rush.ts';
import {
  countInvariantBreaches, createCeilingAgendas, createRushAgendas, createSignedInPatients, parisToday, type RushWorld,
} from './booking-world.ts';
import { cpuMsOf, postmasterOf } from './process-cpu.ts';

interface Ceilings { rawInsert: Ceiling; bookingTx: Ceiling; postgresCpuMsPerBooking: number }

const { values: args } = parseArgs({
  options: {
    patients: { type: 'string', default: '5000' },
    connections: { type: 'string', default: '16' },
    practitioners: { type: 'string', default: '50' },
    pool: { type: 'string', default: String(defaultPoolSize()) },
    workers: { type: 'string', default: '1' },
    attempts: { type: 'string', default: '8' },
    spread: { type: 'string', default: '5' },
    'ceiling-seconds': { type: 'string', default: '5' },
    seed: { type: 'string', default: '1' },
    profile: { type: 'boolean', default: false },
    unprepared: { type: 'boolean', default: false },
    'no-session-memory': { type: 'boolean', default: false },
    logger: { type: 'string', default: 'off' },
    keep: { type: 'boolean', default: false },
  },
});
const patientCount = Number(args.patients);
const connections = Number(args.connections);
const ceilingSeconds = Number(args['ceiling-seconds']);

const dataDir = path.join(projectRoot, '.data', 'bench-booking');
const load = () => os.loadavg().map((n) => n.toFixed(2)).join(' ');
console.log(`▶ load average before: ${load()} (${os.cpus().length} cores)`);
rmSync(dataDir, { recursive: true, force: true });
const postgres = await startEmbeddedPostgres({
  dataDir,
  ...(args.profile ? { settings: { shared_preload_libraries: 'pg_stat_statements', 'pg_stat_statements.track': 'all', 'pg_stat_statements.track_planning': 'on' } } : {}),
});
const connectionString = postgres.connectionString('creneau');
let server: ChildProcess | undefined;
const database = { handle: undefined as ReturnType<typeof openDatabase> | undefined };
try {
  await ensureDatabase(postgres.connectionString('postgres'), 'creneau');
  database.handle = openDatabase(connectionString, Math.max(20, connections));
  const { db, pool } = database.handle;
  await migrate(pool);

  const now = new Date();
  const world = await createRushAgendas(db, Number(args.practitioners), patientCount, parisToday(now));
  const ceilingAgendas = await createCeilingAgendas(db, Number(args.practitioners));
  console.log(`▶ ${world.agendas.length} centres, ${world.slotsPerDay} slots of 10 min a day from 09:00 on ${world.days.length} days `
    + `(${world.days[0]} → ${world.days.at(-1)}), every fifth taking 3 patients a slot: ${world.places} places for ${patientCount} patients`);

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  server = fork(path.join(projectRoot, 'bench', 'server.ts'), [], {
    execArgv: ['--import', 'tsx', ...(args.profile ? ['--cpu-prof', `--cpu-prof-dir=${path.join(projectRoot, '.data', 'profiles')}`] : [])],
    env: { ...process.env, DATABASE_URL: connectionString, PORT: String(port), POOL_SIZE: args.pool, WORKERS: args.workers,
      PREPARED_STATEMENTS: args.unprepared ? '0' : '1', LOGGER: args.logger,
      SESSION_MEMORY: args['no-session-memory'] ? '0' : '1' },
    // The server's log lines (--logger verbose|errors, as npm start in production or development) are written, not shown.
    stdio: args.logger === 'off' ? 'inherit' : ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  await new Promise<void>((resolve, reject) => {
    server!.once('message', () => resolve());
    server!.once('exit', (code) => reject(new Error(`bench server exited (${code})`)));
  });

  const csrf = await csrfOf(baseUrl);
  const patients = await createSignedInPatients(db, patientCount, csrf, now, 5 * 60_000);
  const known = await Promise.all(world.agendas.map((agenda) => readCalendar(baseUrl, agenda, world)));
  // Every free time of the rush, for ceiling (b) to plan as many reminders as the rush's bookings owe.
  const rushStarts = known.flat().map((slot) => new Date(slot.start));
  console.log(`  ${known.flat().reduce((sum, slot) => sum + slot.remaining, 0)} free places read before the rush; ${patients.length} patients signed in`);
  await sql`analyze`.execute(db);
  if (args.profile) {
    await sql`create extension if not exists pg_stat_statements`.execute(db);
    await sql`select pg_stat_statements_reset()`.execute(db);
  }

  // The ceilings are measured before and after the rush, and the rush compared with their mean: this shared host's
  // speed drifts by up to a third within minutes (docs/performance.md « Booking »), and a single measurement lands
  // on either side of the rush.
  const postmaster = postmasterOf(path.join(postgres.dataDir, 'cluster'));
  const ceilingsBefore = await measureCeilings(postmaster, 2030);
  console.log(`▶ rush over HTTP on ${baseUrl}: ${connections} connections, server pool ${args.pool}, ${args.workers} worker(s)`);
  const cpuBefore = { server: cpuMsOf(server.pid!, true), postgres: postmaster ? cpuMsOf(postmaster, true) : NaN };
  const rush = await runRush({
    baseUrl, connections, patients, agendas: world.agendas, known, from: world.days[0]!, days: 14,
    attempts: Number(args.attempts), spread: Number(args.spread), seed: Number(args.seed),
  });
  const cpu = {
    server: cpuMsOf(server.pid!, true) - cpuBefore.server,
    postgres: postmaster ? cpuMsOf(postmaster, true) - cpuBefore.postgres : NaN,
  };
  const loadAfterRush = load();
  if (args.profile) await printStatementCosts(db);
  await stopServer(server);
  server = undefined;

  const booked = await countRows(db, world, 'booked');
  const held = await countRows(db, world, 'held');
  const intents = {
    rush: await intentsPerBooking(db, world.agendas.map((a) => a.practitionerId)),
    ceiling: await intentsPerBooking(db, ceilingAgendas.map((a) => a.practitionerId)),
  };

  const ceilingsAfter = await measureCeilings(postmaster, 2031);
  const breaches = await countInvariantBreaches(db);
  report(rush, { booked, held, places: world.places }, [ceilingsBefore, ceilingsAfter], breaches, cpu, loadAfterRush, intents);

  /** Both ceilings, from as many connections as the rush; with PostgreSQL's CPU per booking of (b). */
  async function measureCeilings(postmasterPid: number | null, year: number): Promise<Ceilings> {
    console.log(`▶ ceilings directly on PostgreSQL, ${connections} connections, ${ceilingSeconds} s each`);
    const rawInsert = await rawInsertCeiling(pool, connections, ceilingSeconds);
    const ceilingDb = openDatabase(connectionString, connections);
    try {
      const cpuBefore = postmasterPid ? cpuMsOf(postmasterPid, true) : NaN;
      const bookingTx = await bookingTransactionCeiling(ceilingDb.db, ceilingAgendas, patients, connections, ceilingSeconds, year, rushStarts);
      // The loops' warm-up second is not counted in transactions but is in CPU: a slight overestimate per booking.
      const postgresCpuMs = (postmasterPid ? cpuMsOf(postmasterPid, true) : NaN) - cpuBefore;
      return { rawInsert, bookingTx, postgresCpuMsPerBooking: postgresCpuMs / (bookingTx.perSecond * (bookingTx.seconds + 1)) };
    } finally {
      await ceilingDb.close();
    }
  }
} finally {
  if (server) await stopServer(server);
  await database.handle?.close();
  await postgres.stop();
  if (!args.keep) rmSync(postgres.dataDir, { recursive: true, force: true });
  console.log(`▶ load average after: ${load()}; PostgreSQL stopped${args.keep ? '' : `, ${postgres.dataDir} deleted`}`);
}

/** A CSRF cookie and header, as the web app gets them (GET /api/session); signed, so valid for every patient. */
async function csrfOf(baseUrl: string): Promise<{ cookie: string; token: string }> {
  const res = await fetch(`${baseUrl}/api/session`);
  const { csrfToken } = await res.json() as { csrfToken: string };
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('__Host-creneau_csrf='))!.split(';')[0]!;
  return { cookie, token: csrfToken };
}

async function readCalendar(baseUrl: string, agenda: RushWorld['agendas'][number], world: RushWorld): Promise<KnownSlot[]> {
  const res = await fetch(`${baseUrl}/api/practitioners/${agenda.practitionerId}/availability?place=${agenda.placeId}`
    + `&reason=${agenda.reasonId}&from=${world.days[0]}&days=14`);
  if (res.status !== 200) throw new Error(`availability answered ${res.status}: ${await res.text()}`);
  return slotsOfCalendar(await res.text());
}

async function countRows(db: NonNullable<typeof database.handle>['db'], world: RushWorld, status: 'booked' | 'held'): Promise<number> {
  const ids = world.agendas.map((a) => a.practitionerId);
  const row = await db.selectFrom('appointments').select((eb) => eb.fn.countAll<string>().as('n'))
    .where('practitioner_id', 'in', ids).where('status', '=', status).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Message intents written per booked appointment of these practitioners. */
async function intentsPerBooking(db: NonNullable<typeof database.handle>['db'], practitionerIds: readonly string[]): Promise<number> {
  const { rows: [row] } = await sql<{ intents: string; booked: string }>`
    select (select count(*) from notification_intents i join appointments a on a.id = i.appointment_id
             where a.practitioner_id = any(${practitionerIds}::bigint[])) as intents,
           (select count(*) from appointments a where a.practitioner_id = any(${practitionerIds}::bigint[]) and a.status = 'booked') as booked`
    .execute(db);
  return Number(row!.intents) / Math.max(1, Number(row!.booked));
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

function report(
  rush: RushResult, rows: { booked: number; held: number; places: number }, measured: [Ceilings, Ceilings],
  breaches: { overlaps: number; overCapacity: number }, cpu: { server: number; postgres: number }, loadAfterRush: string,
  intents: { rush: number; ceiling: number },
) {
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  const mean = (pick: (c: Ceilings) => number) => (pick(measured[0]) + pick(measured[1])) / 2;
  const rawInsert = mean((c) => c.rawInsert.perSecond);
  const bookingTx = mean((c) => c.bookingTx.perSecond);
  const both = (pick: (c: Ceilings) => number) => `${pick(measured[0]).toFixed(0)}/s before, ${pick(measured[1]).toFixed(0)}/s after`;
  const failures = measured.flatMap((c) => [c.rawInsert.failures, c.bookingTx.failures]).filter((f) => Object.keys(f).length);
  const perSecond = rush.confirmed / (rush.wallMs / 1000);
  const serverErrors = Object.values(rush.statuses).flatMap((byStatus) => Object.entries(byStatus))
    .filter(([status]) => Number(status) >= 500).reduce((sum, [, n]) => sum + n, 0);
  const conflicts = (rush.statuses.hold[409] ?? 0) + (rush.statuses.confirm[409] ?? 0);
  const wall = rush.wallMs / 1000;
  console.log(`
═══ booking rush: ${patientCount} patients, ${connections} connections ═══
confirmed bookings     ${rush.confirmed} in ${wall.toFixed(2)} s → ${perSecond.toFixed(0)} confirmed bookings/s (target ≥ 1,000)
hold    (POST /api/holds)         p50 ${ms(percentile(rush.holdMs, 50))} · p99 ${ms(percentile(rush.holdMs, 99))} · ${rush.holdMs.length} requests ${JSON.stringify(rush.statuses.hold)}
confirm (POST /api/appointments)  p50 ${ms(percentile(rush.confirmMs, 50))} · p99 ${ms(percentile(rush.confirmMs, 99))} · ${rush.confirmMs.length} requests ${JSON.stringify(rush.statuses.confirm)}
refresh after a 409 (GET availability) p50 ${ms(percentile(rush.refreshMs, 50))} · p99 ${ms(percentile(rush.refreshMs, 99))} · ${rush.refreshMs.length} requests
409s                   ${conflicts} ${JSON.stringify(rush.conflictCodes)}
5xx                    ${serverErrors} (must be 0) · network errors ${rush.networkErrors}
patients without a booking: ${rush.noSlotLeft} found no free place left, ${rush.outOfAttempts} used their ${args.attempts} attempts
database               ${rows.booked} booked of ${rows.places} places, ${rows.held} holds left
overlaps (SQL)         ${breaches.overlaps} (must be 0) · group slots over capacity ${breaches.overCapacity} (must be 0)
CPU during the rush    server ${(cpu.server / 1000).toFixed(1)} s, PostgreSQL ${(cpu.postgres / 1000).toFixed(1)} s, bench client ${(rush.clientCpuMs / 1000).toFixed(1)} s`
    + ` over ${wall.toFixed(1)} s wall (${os.cpus().length} cores) · load average after the rush ${loadAfterRush}
CPU per confirmed booking  server ${(cpu.server / rush.confirmed).toFixed(2)} ms + PostgreSQL ${(cpu.postgres / rush.confirmed).toFixed(2)} ms`
    + ` = ${((cpu.server + cpu.postgres) / rush.confirmed).toFixed(2)} ms (with the 409s and refreshes; ${(2000 / ((cpu.server + cpu.postgres) / rush.confirmed)).toFixed(0)}/s if both cores were ours)
ceiling (a) raw single-row INSERT tx      ${both((c) => c.rawInsert.perSecond)} → mean ${rawInsert.toFixed(0)}/s → end-to-end is ${(100 * perSecond / rawInsert).toFixed(1)} %
ceiling (b) booking writes, direct        ${both((c) => c.bookingTx.perSecond)} → mean ${bookingTx.toFixed(0)}/s (booking_hold + booking_confirm: lock, purge, insert held, book, key, ${intents.ceiling.toFixed(1)} intents; the rush wrote ${intents.rush.toFixed(1)}) → end-to-end is ${(100 * perSecond / bookingTx).toFixed(1)} % (target ≥ 25 %)
PostgreSQL CPU per booking of (b)         ${mean((c) => c.postgresCpuMsPerBooking).toFixed(2)} ms (the rush: ${(cpu.postgres / rush.confirmed).toFixed(2)} ms)`
    + (failures.length ? `\nceiling failures: ${JSON.stringify(failures)}` : ''));
}

/** With --profile: where the database spent its time during the rush, per statement. */
async function printStatementCosts(db: NonNullable<typeof database.handle>['db']) {
  const { rows } = await sql<{ calls: string; mean: number; total: number; plan: number; query: string }>`
    select calls::text, mean_exec_time + mean_plan_time as mean, total_exec_time + total_plan_time as total, total_plan_time as plan,
           left(regexp_replace(query, '[[:space:]]+', ' ', 'g'), 120) as query
      from pg_stat_statements where query not like '%pg_stat_statements%' order by total_exec_time + total_plan_time desc limit 25`.execute(db);
  const { rows: [all] } = await sql<{ calls: string; total: number; plan: number }>`
    select sum(calls)::text as calls, sum(total_exec_time + total_plan_time) as total, sum(total_plan_time) as plan
      from pg_stat_statements where query not like '%pg_stat_statements%'`.execute(db);
  console.log(`database time per statement during the rush (ms): ${all!.calls} statements in all, ${all!.total.toFixed(0)} ms`
    + ` of which planning ${all!.plan.toFixed(0)} ms`);
  for (const r of rows) {
    console.log(`  ${r.total.toFixed(0).padStart(7)} total (plan ${r.plan.toFixed(0).padStart(5)}) · ${r.mean.toFixed(3).padStart(7)} mean · ${r.calls.padStart(6)} calls · ${r.query}`);
  }
}
