/**
 * Hot queries as named prepared statements: PostgreSQL then plans each query shape once per connection
 * instead of at every request (planning the search and availability queries costs about as much as running them).
 */
import { createHash } from 'node:crypto';
import type { RawBuilder } from 'kysely';
import { poolOf, type Db } from './database.ts';

/** The pool behind `db`, or null for a Kysely instance not opened by `openDatabase` (a transaction, a plugin). */
function poolBehind(db: Db) {
  try {
    return poolOf(db);
  } catch {
    return null;
  }
}

/** Runs `query` as a prepared statement named after its SQL text (its parameters stay parameters). */
export async function executePrepared<Row>(db: Db, query: RawBuilder<Row>): Promise<Row[]> {
  const pool = poolBehind(db);
  if (!pool) return (await query.execute(db)).rows;
  const compiled = query.compile(db);
  const name = `q_${createHash('sha1').update(compiled.sql).digest('hex').slice(0, 24)}`;
  const result = await pool.query({ name, text: compiled.sql, values: [...compiled.parameters] });
  return result.rows as Row[];
}
