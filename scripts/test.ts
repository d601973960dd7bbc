/**
 * `npm test`: type-checks, starts one throw-away embedded PostgreSQL, prepares a migrated template
 * database (with reference data), then runs every test file with Node's test runner. Each file
 * clones the template into a database of its own (test/support/database.ts).
 * `npm test -- path/to/file.test.ts …` runs only those files.
 */
import { spawnSync, spawn } from 'node:child_process';
import { readdirSync, statSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../src/platform/config/config.ts';
import { startEmbeddedPostgres } from '../src/platform/db/embedded-postgres.ts';
import { ensureDatabase } from '../src/platform/db/provision.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { prepareTemplate } from '../test/support/template.ts';

const TEMPLATE = 'creneau_template';

function findTests(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) findTests(full, out);
    else if (/\.test\.tsx?$/.test(entry)) out.push(full);
  }
  return out;
}

const requested = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const files = requested.length
  ? requested.map((f) => path.resolve(f))
  : [...findTests(path.join(projectRoot, 'src')), ...findTests(path.join(projectRoot, 'test'))].sort();

if (!process.argv.includes('--no-typecheck') && !requested.length) {
  console.log('▶ type-check (tsc --noEmit)');
  const tsc = spawnSync(path.join(projectRoot, 'node_modules', '.bin', 'tsc'), ['--noEmit', '-p', projectRoot], { stdio: 'inherit' });
  if (tsc.status !== 0) process.exit(tsc.status ?? 1);
}

console.log('▶ starting a throw-away PostgreSQL for the tests');
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'creneau-test-pg-'));
const server = await startEmbeddedPostgres({
  dataDir,
  // Durability is pointless for throw-away test databases; speed is not.
  settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', shared_buffers: '128MB', max_connections: 300 },
});
let code = 1;
try {
  await ensureDatabase(server.connectionString('postgres'), TEMPLATE);
  const template = openDatabase(server.connectionString(TEMPLATE), 4);
  await migrate(template.pool);
  await prepareTemplate(template.db);
  await template.pool.query('vacuum analyze');
  await template.close();
  // Nobody (not even autovacuum) may sit in the template while test files clone it.
  const admin = openDatabase(server.connectionString('postgres'), 1);
  await admin.pool.query(`alter database ${TEMPLATE} with allow_connections false`);
  await admin.pool.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [TEMPLATE]);
  await admin.close();

  console.log(`▶ ${files.length} test files`);
  const child = spawn(process.execPath, [
    '--import', 'tsx', '--test', '--test-concurrency=2',
    ...files,
  ], {
    stdio: 'inherit',
    env: {
      ...process.env,
      CRENEAU_TEST_ADMIN_URL: server.connectionString('postgres'),
      CRENEAU_TEST_TEMPLATE: TEMPLATE,
      TZ: process.env.TZ ?? 'UTC',
    },
  });
  code = await new Promise<number>((resolve) => child.on('exit', (c) => resolve(c ?? 1)));
} finally {
  await server.stop();
  rmSync(server.dataDir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(code);
