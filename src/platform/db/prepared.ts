/**
 * Queries as named prepared statements: PostgreSQL then parses and plans each query shape once per connection
 * instead of at every request (planning the search, availability and booking queries costs about as much as running
 * them: measured in docs/performance.md). `openDatabase` gives Kysely a pool whose clients do this for every
 * parameterised query, inside transactions too; queries without parameters (BEGIN, COMMIT, DDL, multi-statement
 * scripts) keep PostgreSQL's simple protocol.
 */
import { createHash } from 'node:crypto';
import type { RawBuilder, PostgresCursor, PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';
import type { Db } from './database.ts';

/**
 * Distinct statements one process prepares at most: each costs memory in every backend that runs it, and query
 * texts built with a variable number of parameters are each a statement. Past the cap, new texts run unprepared.
 */
const MAX_STATEMENTS = 500;
const names = new Map<string, string>();

/** The statement name of a query text (named after its SHA-1), or null once the cap is reached. */
export function statementName(text: string): string | null {
  let name = names.get(text);
  if (name === undefined) {
    if (names.size >= MAX_STATEMENTS) return null;
    name = `q_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    names.set(text, name);
  }
  return name;
}

/** Kysely's view of `pool`, whose clients run every parameterised query as a named prepared statement. */
export function preparingPool(pool: pg.Pool): PostgresPool {
  return {
    connect: async () => preparingClient(await pool.connect()),
    end: () => pool.end(),
  };
}

function preparingClient(client: pg.PoolClient): PostgresPoolClient {
  function query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<{ command: 'SELECT'; rowCount: number; rows: R[] }>;
  function query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
  function query(textOrCursor: string | PostgresCursor<unknown>, parameters?: ReadonlyArray<unknown>): unknown {
    if (typeof textOrCursor !== 'string') return client.query(textOrCursor as unknown as pg.Submittable);
    const name = parameters?.length ? statementName(textOrCursor) : null;
    return name
      ? client.query({ name, text: textOrCursor, values: [...parameters!] })
      : client.query(textOrCursor, parameters ? [...parameters] : undefined);
  }
  return { query: query as PostgresPoolClient['query'], release: () => client.release() };
}

/** Runs `query` (prepared like every parameterised query of a `Db` opened by `openDatabase`). */
export async function executePrepared<Row>(db: Db, query: RawBuilder<Row>): Promise<Row[]> {
  return (await query.execute(db)).rows;
}
