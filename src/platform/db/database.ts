/** The connection pool and the typed query builder every feature uses. */
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';
import { preparingPool } from './prepared.ts';

// DATE columns stay 'YYYY-MM-DD' strings: a JS Date would shift them by the process time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);

export type Db = Kysely<Database>;

export interface DatabaseHandle {
  db: Db;
  pool: pg.Pool;
  close: () => Promise<void>;
}

const pools = new WeakMap<Db, pg.Pool>();

/** The pool behind a `Db` opened here, for the rare code that needs a raw client (COPY bulk loads). */
export function poolOf(db: Db): pg.Pool {
  const pool = pools.get(db);
  if (!pool) throw new Error('this Db was not opened by openDatabase()');
  return pool;
}

export interface OpenOptions {
  /** Parameterised queries as named prepared statements (prepared.ts); default true. */
  preparedStatements?: boolean;
}

export function openDatabase(connectionString: string, maxConnections = 20, options: OpenOptions = {}): DatabaseHandle {
  // A database that does not answer fails requests within seconds instead of letting them hang.
  const pool = new pg.Pool({ connectionString, max: maxConnections, application_name: 'creneau', connectionTimeoutMillis: 10_000 });
  // An idle client that errors (server restart) must not crash the process.
  pool.on('error', () => undefined);
  const dialectPool = options.preparedStatements === false ? pool : preparingPool(pool);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: dialectPool }) });
  pools.set(db, pool);
  return { db, pool, close: () => db.destroy() };
}
