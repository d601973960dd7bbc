/** What the demo loader reads and the bulk chores around it (truncate, identity sequences, statistics). */
import type pg from 'pg';
import type { LocalDate } from '../availability/index.ts';
import type { DemoCommune } from './domain/geography.ts';

/** The tables the demo generator fills, parents first. */
export const DEMO_TABLES = [
  'practitioners', 'places', 'visit_reasons', 'opening_rules', 'absences', 'replacements', 'appointments',
] as const;

/** Tables whose `id` is an identity column we fill ourselves. */
const IDENTITY_TABLES = ['practitioners', 'places', 'visit_reasons', 'opening_rules', 'absences', 'replacements'] as const;

/** Populated communes with a position, for the spread of practitioners. */
export async function readCommunes(pool: pg.Pool): Promise<DemoCommune[]> {
  const { rows } = await pool.query<DemoCommune>(`
    select code, name, departement, postal_codes as "postalCodes", population, latitude, longitude
      from communes where population > 0 and cardinality(postal_codes) > 0 order by code`);
  return rows;
}

/** Public holidays between two dates, as sets of dates per holiday area. */
export async function readHolidays(pool: pg.Pool, first: LocalDate, last: LocalDate): Promise<Map<string, Set<LocalDate>>> {
  const { rows } = await pool.query<{ area: string; day: LocalDate }>(
    'select area, day::text as day from public_holidays where day between $1::date and $2::date', [first, last]);
  const byArea = new Map<string, Set<LocalDate>>();
  for (const { area, day } of rows) byArea.set(area, (byArea.get(area) ?? new Set()).add(day));
  return byArea;
}

export async function countPractitioners(pool: pg.Pool | pg.PoolClient): Promise<number> {
  const { rows } = await pool.query<{ count: string }>('select count(*)::text as count from practitioners');
  return Number(rows[0]?.count ?? 0);
}

/** Empties the demo tables, and (cascade) whatever refers to them: bookings, waitlists… of the old demo data. */
export async function truncateDemoTables(pool: pg.Pool): Promise<void> {
  await pool.query(`truncate ${DEMO_TABLES.join(', ')} cascade`);
}

/** Moves the identity sequences past the ids we wrote, so that the application's own inserts do not collide. */
export async function resetIdentitySequences(pool: pg.Pool): Promise<void> {
  for (const table of IDENTITY_TABLES) {
    await pool.query(
      `select setval(pg_get_serial_sequence($1, 'id'), coalesce(max(id), 0) + 1, false) from ${table}`, [table]);
  }
}

/** Fresh planner statistics: the search and availability queries are planned on them. */
export async function analyzeDemoTables(pool: pg.Pool): Promise<void> {
  await pool.query(`analyze ${DEMO_TABLES.join(', ')}`);
}

/** Rows per demo table (exact counts: called once, after a load). */
export async function countDemoRows(pool: pg.Pool): Promise<Record<(typeof DEMO_TABLES)[number], number>> {
  const counts = {} as Record<(typeof DEMO_TABLES)[number], number>;
  for (const table of DEMO_TABLES) {
    const { rows } = await pool.query<{ count: string }>(`select count(*)::text as count from ${table}`);
    counts[table] = Number(rows[0]?.count ?? 0);
  }
  return counts;
}
