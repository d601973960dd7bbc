/**
 * `npm run seed -- --practitioners N [--seed S] [--reset]`: reference data, then N demo practitioners with four
 * weeks of agendas, into the embedded PostgreSQL (or DATABASE_URL). Progress on stderr, totals on stdout.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/platform/config/config.ts';
import { provisionDatabase } from '../src/platform/db/provision.ts';
import { loadReferenceData } from '../src/features/reference/load-reference-data.ts';
import { DEFAULT_DEMO_SEED, DemoDataAlreadyPresent, seedDemo, seedFromText, type SeedProgress } from '../src/features/demo/index.ts';

const { values } = parseArgs({
  options: {
    practitioners: { type: 'string', short: 'n' },
    seed: { type: 'string', short: 's' },
    reset: { type: 'boolean', default: false },
  },
});
const practitioners = Number(values.practitioners ?? 2000);
if (!Number.isInteger(practitioners) || practitioners < 1 || practitioners > 1_000_000) {
  console.error('usage: npm run seed -- --practitioners N [--seed S] [--reset]   (1 ≤ N ≤ 1,000,000)');
  process.exit(2);
}
const seed = values.seed === undefined ? DEFAULT_DEMO_SEED : seedFromText(values.seed);

const duration = (ms: number) => {
  const s = Math.round(ms / 1000);
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
};
const number = (n: number) => n.toLocaleString('en-US');

let lastLogged = 0;

/** One status line on stderr (every 10 s when not a terminal): a bar, practitioners done, rows per second, time left. */
function showProgress(progress: SeedProgress): void {
  const tty = process.stderr.isTTY;
  if (progress.phase === 'rebuild' && progress.rebuilt) {
    process.stderr.write(`${tty ? '\r\x1b[K' : ''}  rebuilt ${progress.rebuilt.name} in ${(progress.rebuilt.ms / 1000).toFixed(1)} s\n`);
    return;
  }
  if (progress.phase === 'analyze') {
    process.stderr.write(`${tty ? '\r\x1b[K' : ''}  analyze…\n`);
    return;
  }
  const share = progress.practitionersDone / progress.practitionersTotal;
  const seconds = progress.elapsedMs / 1000;
  const rate = seconds > 0 ? progress.rows / seconds : 0;
  const eta = share > 0 ? (progress.elapsedMs / share) * (1 - share) : 0;
  const width = 28;
  const bar = '█'.repeat(Math.round(share * width)).padEnd(width, '░');
  const line = `  ${bar} ${number(progress.practitionersDone)} / ${number(progress.practitionersTotal)} practitioners · `
    + `${number(Math.round(rate))} rows/s · ETA ${duration(eta)}`;
  const finished = progress.practitionersDone === progress.practitionersTotal;
  if (tty) process.stderr.write(`\r\x1b[K${line}`);
  else if (finished || progress.elapsedMs - lastLogged >= 10_000) {
    lastLogged = progress.elapsedMs;
    process.stderr.write(`${line}\n`);
  }
  if (finished) process.stderr.write(`${tty ? '\n' : ''}  rebuilding indexes and constraints…\n`);
}

const config = loadConfig();
console.error(`Créneau seed: ${number(practitioners)} practitioners, seed ${seed}${values.reset ? ', reset' : ''}`);
// A bulk load into freshly truncated tables writes almost no WAL with wal_level=minimal (embedded server only).
const database = await provisionDatabase(config, {
  settings: { wal_level: 'minimal', max_wal_senders: 0, max_wal_size: '8GB', checkpoint_timeout: '30min' },
});
let exitCode = 0;
try {
  const reference = await loadReferenceData(database.db);
  if (reference.loaded) console.error(`  reference data: ${number(reference.communes)} communes, ${number(reference.holidays)} holidays`);
  const report = await seedDemo(database.pool, { practitioners, seed, reset: values.reset, onProgress: showProgress });
  const { rows: [size] } = await database.pool.query<{ size: string }>('select pg_size_pretty(pg_database_size(current_database())) as size');
  console.log(`Seeded in ${duration(report.timingsMs.total)} (generate + copy ${duration(report.timingsMs.generate)}, `
    + `indexes ${duration(report.timingsMs.rebuild)}, analyze ${duration(report.timingsMs.analyze)}); database ${size?.size}`);
  for (const [table, count] of Object.entries(report.rows)) console.log(`  ${table.padEnd(14)} ${number(count).padStart(12)}`);
} catch (error) {
  exitCode = 1;
  console.error(error instanceof DemoDataAlreadyPresent ? `\n${error.message}` : error);
} finally {
  await database.shutdown();
}
process.exit(exitCode);
