/**
 * `npm run bench:search [-- --practitioners 100000 --duration 20 --connections 16 --cache-ms 0 --only search|availability|health --profile]`
 * Builds (or reuses) a large demo database under .data/bench, starts the API server in a child process and
 * measures over HTTP with autocannon: specialty + city searches with next availabilities on random real communes,
 * and the practitioner 4-week availability call. Prints p50/p99 latency and requests/s.
 */
import { fork, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { loadConfig, projectRoot } from '../src/platform/config/config.ts';
import { provisionDatabase } from '../src/platform/db/provision.ts';
import { freePort } from '../src/platform/db/embedded-postgres.ts';
import { createRandom } from '../src/features/demo/domain/random.ts';

const { values: args } = parseArgs({
  options: {
    practitioners: { type: 'string', default: '100000' },
    duration: { type: 'string', default: '20' },
    connections: { type: 'string', default: '16' },
    seed: { type: 'string', default: '1' },
    only: { type: 'string' },
    'cache-ms': { type: 'string', default: '0' },
    profile: { type: 'boolean', default: false },
  },
});
const target = Number(args.practitioners);
const duration = Number(args.duration);
const connections = Number(args.connections);

const config = { ...loadConfig(), dataDir: path.join(projectRoot, '.data', 'bench') };
const benchEnv = { ...process.env, CRENEAU_DATA_DIR: config.dataDir };
const serverSettings = {
  settings: {
    shared_buffers: '2GB', effective_cache_size: '8GB', work_mem: '16MB', max_wal_size: '8GB',
    shared_preload_libraries: 'pg_stat_statements', 'pg_stat_statements.track': 'all',
  },
};
const countPractitioners = async (db: Awaited<ReturnType<typeof provisionDatabase>>['db']) =>
  Number((await sql<{ n: string }>`select count(*) as n from practitioners`.execute(db)).rows[0]?.n ?? 0);

console.log(`▶ database (${config.databaseUrl ? 'DATABASE_URL' : `embedded, ${config.dataDir}`})`);
let database = await provisionDatabase(config, serverSettings);
let practitioners = await countPractitioners(database.db);
if (practitioners < target) {
  console.log(`▶ generating ${target} practitioners (found ${practitioners}); later runs reuse them`);
  await database.shutdown();
  const seed = spawnSync('npm', ['run', 'seed', '--', '--practitioners', String(target), '--seed', args.seed, '--reset'], {
    stdio: 'inherit', env: benchEnv, cwd: projectRoot,
  });
  if (seed.status !== 0) process.exit(seed.status ?? 1);
  database = await provisionDatabase(config, serverSettings);
  practitioners = await countPractitioners(database.db);
}
try {
  const appointments = (await sql<{ n: string }>`select count(*) as n from appointments`.execute(database.db)).rows[0]?.n;
  const size = (await sql<{ s: string }>`select pg_size_pretty(pg_database_size(current_database())) as s`.execute(database.db)).rows[0]?.s;
  console.log(`  ${practitioners} practitioners, ${appointments} appointments, database ${size}`);

  // Seeded, so that two runs ask the same questions.
  const random = createRandom(Number(args.seed));
  const communes = (await sql<{ code: string }>`
    select code from communes where population >= 2000 order by code`.execute(database.db)).rows.map((r) => r.code);
  const specialties = (await sql<{ slug: string }>`
    select s.slug from specialties s join practitioners p on p.specialty_code = s.code
    group by s.slug having count(*) >= ${Math.max(50, Math.floor(practitioners / 1000))} order by s.slug`.execute(database.db)).rows.map((r) => r.slug);
  const agendas = (await sql<{ practitioner_id: string; place_id: string; reason_id: string }>`
    select r.practitioner_id, o.place_id, r.id as reason_id
    from visit_reasons r
    join practitioners p on p.id = r.practitioner_id and p.online_booking
    join lateral (select place_id from opening_rules o where o.practitioner_id = r.practitioner_id and r.id = any(o.reason_ids) limit 1) o on true
    where r.online_bookable
    order by md5(r.id::text) limit 2000`.execute(database.db)).rows;
  const searchPaths = Array.from({ length: 5000 }, () => `/api/search?specialty=${random.pick(specialties)}&place=${random.pick(communes)}`);
  const availabilityPaths = agendas.map((a) =>
    `/api/practitioners/${a.practitioner_id}/availability?place=${a.place_id}&reason=${a.reason_id}&days=28`);

  const port = await freePort();
  const server: ChildProcess = fork(path.join(projectRoot, 'bench', 'server.ts'), [], {
    execArgv: ['--import', 'tsx', ...(args.profile ? ['--cpu-prof', `--cpu-prof-dir=${path.join(projectRoot, '.data', 'profiles')}`] : [])],
    env: { ...process.env, DATABASE_URL: database.connectionString, PORT: String(port), POOL_SIZE: String(connections), LIST_SLOTS_CACHE_MS: args['cache-ms'] },
    stdio: 'inherit',
  });
  await new Promise<void>((resolve, reject) => {
    server.once('message', () => resolve());
    server.once('exit', (code) => reject(new Error(`bench server exited (${code})`)));
  });

  const resetStatements = () => sql`select pg_stat_statements_reset()`.execute(database.db).catch(() => undefined);
  if (args.profile) {
    await sql`create extension if not exists pg_stat_statements`.execute(database.db);
    await resetStatements();
  }
  const measure = async (title: string, paths: string[]) => {
    let i = 0;
    const run = (seconds: number) => autocannon({
      url: `http://127.0.0.1:${port}`,
      connections,
      duration: seconds,
      requests: [{ setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length]! }) }],
    });
    await run(3); // warm-up: JIT, plans, caches
    const r = await run(duration);
    console.log(`${title}: p50 ${r.latency.p50} ms · p99 ${r.latency.p99} ms · ${Math.round(r.requests.average)} req/s`
      + ` · ${r.requests.total} requests, ${r.non2xx} non-2xx, ${r.errors} errors (concurrency ${connections}, ${duration} s)`);
    return r;
  };
  console.log(`▶ measuring over HTTP on 127.0.0.1:${port}`);
  const cached = Number(args['cache-ms']) > 0 ? `, next slots cached ${args['cache-ms']} ms` : ', nothing cached';
  if (args.only === undefined || args.only === 'search') await measure(`search (specialty + commune, ${cached.slice(2)})`, searchPaths);
  if (args.only === undefined || args.only === 'availability') await measure('availability (4 weeks, one place and reason)', availabilityPaths);
  // The floor of the stack on this machine: HTTP, routing, one trivial query.
  if (args.only === 'health') await measure('health (HTTP + one trivial query)', ['/api/health']);
  if (args.profile) await printStatementCosts(database.db);
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  await exited;
} finally {
  await database.shutdown();
}

/** With --profile: where the database spent its time, per statement (needs the pg_stat_statements library). */
async function printStatementCosts(db: Awaited<ReturnType<typeof provisionDatabase>>['db']) {
  const { rows } = await sql<{ calls: string; mean: number; total: number; query: string }>`
    select calls::text, mean_exec_time + mean_plan_time as mean, total_exec_time + total_plan_time as total, left(regexp_replace(query, '[[:space:]]+', ' ', 'g'), 110) as query
      from pg_stat_statements order by total_exec_time desc limit 8`.execute(db);
  console.log('database time per statement (ms):');
  for (const r of rows) console.log(`  ${r.total.toFixed(0).padStart(7)} total · ${r.mean.toFixed(2).padStart(6)} mean · ${r.calls.padStart(6)} calls · ${r.query}`);
}
