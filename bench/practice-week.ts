/**
 * `npm run bench:practice [-- --practitioners 100 --requests 400 --connections 4 --seconds 5 --changes 20 --keep]`
 * The practitioner side over real HTTP (docs/performance.md « Practitioner side »): a throw-away embedded PostgreSQL
 * under .data/bench-practice holding `--practitioners` busy agendas (40 appointments a day, Monday to Saturday, four
 * weeks past and five ahead), the API server in its own process (bench/server.ts, search list cache on).
 *  1. The week and day views of one busy practitioner, one request at a time, then from `--connections` connections.
 *  2. An opening-hours change, then at once the next patient search: the new first slot must show (asserted,
 *     `--changes` times), although result lists are cached for 30 s.
 * Prints the figures; everything is stopped and deleted at the end.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { projectRoot } from '../src/platform/config/config.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { freePort, startEmbeddedPostgres } from '../src/platform/db/embedded-postgres.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { ensureDatabase } from '../src/platform/db/provision.ts';
import { loadReferenceData } from '../src/features/reference/load-reference-data.ts';
import { addDays, firstInstantAt, isoWeekday, localDateAt } from '../src/features/availability/index.ts';
import { insertStaffSession, STAFF_SESSION_COOKIE } from '../src/features/practice-auth/staff-session-store.ts';
import { percentile } from './booking-rush.ts';
import { createBusyAgendas, createSearchedAgenda } from './practice-world.ts';

const { values: args } = parseArgs({
  options: {
    practitioners: { type: 'string', default: '100' },
    requests: { type: 'string', default: '400' },
    connections: { type: 'string', default: '4' },
    seconds: { type: 'string', default: '5' },
    changes: { type: 'string', default: '20' },
    keep: { type: 'boolean', default: false },
  },
});

const dataDir = path.join(projectRoot, '.data', 'bench-practice');
const load = () => os.loadavg().map((n) => n.toFixed(2)).join(' ');
console.log(`▶ load average before: ${load()} (${os.cpus().length} cores)`);
rmSync(dataDir, { recursive: true, force: true });
const postgres = await startEmbeddedPostgres({ dataDir });
const connectionString = postgres.connectionString('creneau');
let server: ChildProcess | undefined;
let handle: ReturnType<typeof openDatabase> | undefined;
try {
  await ensureDatabase(postgres.connectionString('postgres'), 'creneau');
  handle = openDatabase(connectionString, 10);
  const { db, pool } = handle;
  await migrate(pool);
  await loadReferenceData(db);

  const now = new Date();
  const today = localDateAt(now.getTime());
  const monday = addDays(today, 1 - isoWeekday(today));
  const started = Date.now();
  const world = await createBusyAgendas(db, Number(args.practitioners), monday, now);
  const searched = await createSearchedAgenda(db);
  await sql`analyze`.execute(db);
  console.log(`▶ ${Number(args.practitioners)} practitioners, ${world.appointments} appointments (${world.perWeekOfBusiest} in the busiest's 7 days `
    + `from ${today}), ${world.holds} live holds, made in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const staffCookie = async (practitionerId: string) => {
    const staff = await db.insertInto('staff_accounts').values({
      role: 'practitioner', practitioner_id: practitionerId, email: `bench-${practitionerId}@cabinet.example.fr`,
      first_name: 'Bench', last_name: 'Praticien', activated_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    return `${STAFF_SESSION_COOKIE}=${await insertStaffSession(db, staff.id, now)}`;
  };
  const busyCookie = await staffCookie(world.busiest);
  const searchedCookie = await staffCookie(searched.practitionerId);

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  server = fork(path.join(projectRoot, 'bench', 'server.ts'), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, DATABASE_URL: connectionString, PORT: String(port), POOL_SIZE: '10', LIST_SLOTS_CACHE_MS: '30000' },
    stdio: 'inherit',
  });
  await new Promise<void>((resolve, reject) => {
    server!.once('message', () => resolve());
    server!.once('exit', (code) => reject(new Error(`bench server exited (${code})`)));
  });
  const csrf = await csrfOf(baseUrl);

  const weekUrl = `${baseUrl}/api/practice/practitioners/${world.busiest}/agenda?from=${today}&days=7`;
  const dayUrl = `${baseUrl}/api/practice/practitioners/${world.busiest}/agenda?from=${today}&days=1`;
  const weekBody = await getJson(weekUrl, busyCookie) as { appointments: unknown[]; freeSlots: unknown[]; holds: unknown[] };
  console.log(`▶ the week view holds ${weekBody.appointments.length} appointments, ${weekBody.holds.length} holds, `
    + `${weekBody.freeSlots.length} free slots (${JSON.stringify(weekBody).length} bytes)`);
  for (let i = 0; i < 50; i++) await timed(weekUrl, busyCookie);
  const week = await sequential(weekUrl, busyCookie, Number(args.requests));
  const day = await sequential(dayUrl, busyCookie, Number(args.requests));
  const concurrent = await concurrently(weekUrl, busyCookie, Number(args.connections), Number(args.seconds) * 1000);

  const changes = await hoursChangeThenSearch(baseUrl, searched, `${searchedCookie}; ${csrf.cookie}`, csrf.token, Number(args.changes), now);
  await stopServer(server);
  server = undefined;

  const ms = (n: number) => `${n.toFixed(1)} ms`;
  const line = (name: string, samples: number[]) =>
    `${name.padEnd(44)} p50 ${ms(percentile(samples, 50))} · p95 ${ms(percentile(samples, 95))} · p99 ${ms(percentile(samples, 99))} · max ${ms(Math.max(...samples))} · ${samples.length} requests`;
  console.log(`
═══ practitioner side (${os.cpus().length} cores, load average now ${load()}) ═══
${line('week view, one request at a time', week)}   (target p99 ≤ 30 ms)
${line('day view, one request at a time', day)}
${line(`week view, ${args.connections} connections for ${args.seconds} s`, concurrent.samples)} → ${(concurrent.samples.length / (concurrent.wallMs / 1000)).toFixed(0)} views/s
${line('opening-hours change (PUT)', changes.puts)}
${line('the next patient search after it', changes.searches)}
new hours visible to the very next search: ${changes.visible}/${changes.rounds} (must be all), search list cache on (30 s)`);
  if (changes.visible !== changes.rounds) process.exitCode = 1;
} finally {
  if (server) await stopServer(server);
  await handle?.close();
  await postgres.stop();
  if (!args.keep) rmSync(postgres.dataDir, { recursive: true, force: true });
  console.log(`▶ load average after: ${load()}; PostgreSQL stopped${args.keep ? '' : `, ${postgres.dataDir} deleted`}`);
}

/** `count` GETs one after another; their latencies in ms. */
async function sequential(url: string, cookie: string, count: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) samples.push(await timed(url, cookie));
  return samples;
}

/** GETs from `connections` loops for `durationMs`; latencies and the wall time. */
async function concurrently(url: string, cookie: string, connections: number, durationMs: number) {
  const samples: number[] = [];
  const started = performance.now();
  await Promise.all(Array.from({ length: connections }, async () => {
    while (performance.now() - started < durationMs) samples.push(await timed(url, cookie));
  }));
  return { samples, wallMs: performance.now() - started };
}

/** One GET, its body read; the latency in ms (a non-200 stops the bench). */
async function timed(url: string, cookie: string): Promise<number> {
  const start = performance.now();
  const res = await fetch(url, { headers: { cookie } });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}: ${body.slice(0, 300)}`);
  return performance.now() - start;
}

async function getJson(url: string, cookie: string): Promise<unknown> {
  const res = await fetch(url, { headers: { cookie } });
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  return res.json();
}

/**
 * Alternates the searched practitioner's hours between « every weekday » and « only day D+2, 14:00–18:00 », and after
 * each change asks the search at once: its first slot must be the one the new hours give.
 */
async function hoursChangeThenSearch(
  baseUrl: string, agenda: { practitionerId: string; placeId: string; reasonId: string; communeCode: string; specialtySlug: string },
  cookie: string, csrfToken: string, rounds: number, now: Date,
) {
  const searchUrl = `${baseUrl}/api/search?specialty=${agenda.specialtySlug}&place=${agenda.communeCode}`;
  const firstSlot = async () => {
    const start = performance.now();
    const res = await fetch(searchUrl);
    const body = await res.json() as { results: { practitionerId: string; nextSlots: { start: string }[] }[] };
    if (res.status !== 200) throw new Error(`search answered ${res.status}`);
    const card = body.results.find((result) => result.practitionerId === agenda.practitionerId);
    return { first: card?.nextSlots[0]?.start ?? null, ms: performance.now() - start };
  };
  const later = addDays(localDateAt(now.getTime()), 2);
  const laterFirst = new Date(firstInstantAt(later, 14 * 3600)).toISOString();
  const hours = {
    everyDay: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00', reasonIds: [agenda.reasonId] })),
    later: [{ weekday: isoWeekday(later), start: '14:00', end: '18:00', reasonIds: [agenda.reasonId] }],
  };
  const puts: number[] = [];
  const searches: number[] = [];
  let visible = 0;
  for (let round = 0; round < rounds; round++) {
    const toLater = round % 2 === 0;
    await firstSlot();
    await firstSlot(); // now remembered by the list cache
    const start = performance.now();
    const res = await fetch(`${baseUrl}/api/practice/practitioners/${agenda.practitionerId}/places/${agenda.placeId}/opening-hours`, {
      method: 'PUT', headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify({ rules: toLater ? hours.later : hours.everyDay }),
    });
    if (res.status !== 200) throw new Error(`opening hours answered ${res.status}: ${await res.text()}`);
    puts.push(performance.now() - start);
    const next = await firstSlot();
    searches.push(next.ms);
    // Every day, all day: the first slot is the next quarter-hour grid start after now; later: D+2 at 14:00.
    const expected = toLater ? next.first === laterFirst : next.first !== null && Date.parse(next.first) < Date.parse(laterFirst);
    if (expected) visible++;
    else console.log(`  round ${round}: the search still showed ${next.first} after the change`);
  }
  return { puts, searches, visible, rounds };
}

/** A CSRF cookie and header, as the web app gets them. */
async function csrfOf(baseUrl: string): Promise<{ cookie: string; token: string }> {
  const res = await fetch(`${baseUrl}/api/session`);
  const { csrfToken } = await res.json() as { csrfToken: string };
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('__Host-creneau_csrf='))!.split(';')[0]!;
  return { cookie, token: csrfToken };
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

