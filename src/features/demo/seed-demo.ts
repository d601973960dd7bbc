/**
 * Loads the deterministic demo dataset: N practitioners with their places, reasons, weekly hours, absences,
 * replacements and four weeks of booked appointments. Same seed, N and day → same data.
 *
 * How: one session holds an advisory lock for the whole load; indexes and constraints of the demo tables are
 * dropped (their definitions saved), every table is filled by its own COPY stream in its own transaction while
 * one generator pass walks the practitioners, then indexes and constraints are rebuilt and statistics refreshed.
 */
import type pg from 'pg';
import { poolOf, type Db } from '../../platform/db/database.ts';
import { addDays } from '../availability/index.ts';
import { horizonFrom } from './domain/agenda.ts';
import { buildAtlas } from './domain/geography.ts';
import { emptyCounters, generatePractitioner, type DemoPractitioner, type DemoWorld } from './domain/practitioner.ts';
import {
  absencesCopy, appointmentsCopy, openingRulesCopy, placesCopy, practitionersCopy, replacementsCopy, visitReasonsCopy,
  type CopyTable,
} from './load/copy-rows.ts';
import { dropDeferred, pendingDefinitions, readDefinitions, restoreDeferred, type DeferredDefinition } from './load/deferred-constraints.ts';
import { openTableCopy, type TableCopy } from './load/table-copy.ts';
import {
  analyzeDemoTables, countDemoRows, countPractitioners, DEMO_TABLES, readCommunes, readHolidays, resetIdentitySequences,
  truncateDemoTables,
} from './repository.ts';

/** The agendas are filled for the four weeks from the moment of seeding. */
export const DEMO_HORIZON_DAYS = 28;
export const DEFAULT_DEMO_SEED = 1;

export type SeedPhase = 'generate' | 'rebuild' | 'analyze';

export interface SeedProgress {
  phase: SeedPhase;
  practitionersDone: number;
  practitionersTotal: number;
  /** Rows written so far, all tables together. */
  rows: number;
  elapsedMs: number;
  /** In the rebuild phase: the index or constraint just rebuilt, and how long it took. */
  rebuilt?: { name: string; ms: number };
}

export interface SeedOptions {
  practitioners: number;
  seed?: number;
  /** Replace existing demo data (and everything that refers to it) instead of refusing. */
  reset?: boolean;
  /** The moment the agendas are filled from; defaults to now. */
  now?: Date;
  onProgress?: (progress: SeedProgress) => void;
}

export interface SeedReport {
  rows: Record<(typeof DEMO_TABLES)[number], number>;
  timingsMs: { generate: number; rebuild: number; analyze: number; total: number };
}

/** The database already holds practitioners and no reset was asked for. */
export class DemoDataAlreadyPresent extends Error {
  constructor(readonly practitioners: number) {
    super(`the database already holds ${practitioners} practitioners; pass --reset to replace them`);
    this.name = 'DemoDataAlreadyPresent';
  }
}

const REBUILD = { parallelism: 2, maintenanceWorkMem: '1GB' };
const LOCK_KEY = "hashtext('creneau:demo-seed')";

/** Everything the generator reads from the database: communes and the holidays of the horizon. */
async function loadWorld(pool: pg.Pool, seed: number, now: Date): Promise<DemoWorld> {
  const atlas = buildAtlas(await readCommunes(pool));
  const probe = horizonFrom(now, DEMO_HORIZON_DAYS, new Map());
  const first = probe.dates[0]!.date;
  const holidays = await readHolidays(pool, first, addDays(first, DEMO_HORIZON_DAYS));
  return { seed, atlas, horizon: horizonFrom(now, DEMO_HORIZON_DAYS, holidays) };
}

/** A load interrupted earlier left half-filled tables and dropped indexes: empty the tables, rebuild the indexes. */
async function repairInterruptedLoad(pool: pg.Pool): Promise<void> {
  if ((await pendingDefinitions(pool)).length === 0) return;
  await truncateDemoTables(pool);
  await restoreDeferred(pool, REBUILD);
}

interface Streams {
  all: TableCopy<never>[];
  emit: (practitioner: DemoPractitioner) => Promise<void> | undefined;
}

/** One COPY per table; `emit` queues a practitioner's rows and says when to wait for PostgreSQL. */
async function openStreams(pool: pg.Pool): Promise<Streams> {
  const opened: TableCopy<never>[] = [];
  const open = async <Row>(spec: CopyTable<Row>) => {
    const copy = await openTableCopy(pool, spec);
    opened.push(copy as TableCopy<never>);
    return copy;
  };
  try {
    const [practitioners, places, reasons, rules, absences, replacements, appointments] = [
      await open(practitionersCopy), await open(placesCopy), await open(visitReasonsCopy), await open(openingRulesCopy),
      await open(absencesCopy), await open(replacementsCopy), await open(appointmentsCopy),
    ];
    const emit = (p: DemoPractitioner) => {
      const waits: Promise<void>[] = [];
      const put = <Row>(copy: TableCopy<Row>, rows: readonly Row[]) => {
        for (const row of rows) {
          const wait = copy.write(row);
          if (wait) waits.push(wait);
        }
      };
      put(practitioners, [p.practitioner]);
      put(places, p.places);
      put(reasons, p.reasons);
      put(rules, p.rules);
      put(absences, p.absences);
      put(replacements, p.replacements);
      put(appointments, p.appointments);
      return waits.length > 0 ? Promise.all(waits).then(() => undefined) : undefined;
    };
    return { all: opened, emit };
  } catch (error) {
    await Promise.all(opened.map((copy) => copy.abort()));
    throw error;
  }
}

const rowsOf = (p: DemoPractitioner) => 1 + p.places.length + p.reasons.length + p.rules.length + p.absences.length
  + p.replacements.length + p.appointments.length;

/** The generator pass: practitioners 0…N−1 streamed into the COPYs, then every table committed. */
async function generateInto(pool: pg.Pool, world: DemoWorld, options: SeedOptions, started: number): Promise<void> {
  const streams = await openStreams(pool);
  try {
    const ids = emptyCounters();
    let rows = 0;
    let reported = 0;
    for (let index = 0; index < options.practitioners; index++) {
      const practitioner = generatePractitioner(world, index, ids);
      rows += rowsOf(practitioner);
      const wait = streams.emit(practitioner);
      if (wait) await wait;
      if (options.onProgress && (Date.now() - reported > 200 || index === options.practitioners - 1)) {
        reported = Date.now();
        options.onProgress({
          phase: 'generate', practitionersDone: index + 1, practitionersTotal: options.practitioners, rows,
          elapsedMs: reported - started,
        });
      }
    }
    for (const copy of streams.all) await copy.finish();
  } catch (error) {
    await Promise.all(streams.all.map((copy) => copy.abort()));
    throw error;
  }
}

/** Seeds the demo dataset; refuses a database that already has practitioners unless `reset`. */
export async function seedDemo(pool: pg.Pool, options: SeedOptions): Promise<SeedReport> {
  const started = Date.now();
  const lock = await pool.connect();
  try {
    await lock.query(`select pg_advisory_lock(${LOCK_KEY})`);
    await repairInterruptedLoad(pool);
    const existing = await countPractitioners(pool);
    if (existing > 0 && !options.reset) throw new DemoDataAlreadyPresent(existing);
    if (options.reset) await truncateDemoTables(pool);
    const world = await loadWorld(pool, options.seed ?? DEFAULT_DEMO_SEED, options.now ?? new Date());

    const definitions: DeferredDefinition[] = await readDefinitions(pool, DEMO_TABLES);
    await dropDeferred(pool, definitions);
    try {
      await generateInto(pool, world, options, started);
    } catch (error) {
      await repairInterruptedLoad(pool);
      throw error;
    }
    const generated = Date.now();
    const progress = (rebuilt?: { name: string; ms: number }) => options.onProgress?.({
      phase: rebuilt ? 'rebuild' : 'analyze', practitionersDone: options.practitioners,
      practitionersTotal: options.practitioners, rows: 0, elapsedMs: Date.now() - started, ...(rebuilt ? { rebuilt } : {}),
    });
    await restoreDeferred(pool, { ...REBUILD, onRestored: (d, ms) => progress({ name: d.name, ms }) });
    await resetIdentitySequences(pool);
    const rebuiltAt = Date.now();
    progress();
    await analyzeDemoTables(pool);
    const done = Date.now();
    return {
      rows: await countDemoRows(pool),
      timingsMs: { generate: generated - started, rebuild: rebuiltAt - generated, analyze: done - rebuiltAt, total: done - started },
    };
  } finally {
    await lock.query(`select pg_advisory_unlock(${LOCK_KEY})`).catch(() => undefined);
    lock.release();
  }
}

/** First start (`npm start`): seeds the demo practitioners when there are none; does nothing otherwise. */
export async function seedDemoIfEmpty(db: Db, options: { practitioners: number; seed?: number }): Promise<SeedReport | null> {
  const pool = poolOf(db);
  if ((await countPractitioners(pool)) > 0 && (await pendingDefinitions(pool)).length === 0) return null;
  try {
    return await seedDemo(pool, { practitioners: options.practitioners, seed: options.seed ?? DEFAULT_DEMO_SEED });
  } catch (error) {
    // Another process seeded while we waited for the lock.
    if (error instanceof DemoDataAlreadyPresent) return null;
    throw error;
  }
}
