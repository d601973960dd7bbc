/**
 * A bulk load of one table through `COPY … FROM STDIN`, on a connection of its own and in one transaction:
 * TRUNCATE then COPY … FREEZE (rows are written already frozen and visible, so no vacuum pass is needed after),
 * rows buffered into ~256 kB chunks, and the generator paused while PostgreSQL catches up (bounded memory).
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type pg from 'pg';
import copyStreams from 'pg-copy-streams';
import type { CopyTable } from './copy-rows.ts';

const CHUNK_CHARS = 256 * 1024;

export interface TableCopy<Row> {
  readonly table: string;
  /** Queues one row; resolves at once unless the stream asks the generator to wait. */
  write(row: Row): Promise<void> | undefined;
  /** Flushes, ends the COPY and commits; returns the number of rows. */
  finish(): Promise<number>;
  /** Aborts the COPY and rolls back (safe to call after a failure). */
  abort(): Promise<void>;
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Opens the transaction and the COPY stream of one table. */
export async function openTableCopy<Row>(pool: pg.Pool, spec: CopyTable<Row>): Promise<TableCopy<Row>> {
  const client = await pool.connect();
  let stream: Writable;
  try {
    await client.query('begin');
    await client.query(`truncate ${quoteIdent(spec.table)}`);
    stream = client.query(copyStreams.from(
      `copy ${quoteIdent(spec.table)} (${spec.columns.map(quoteIdent).join(', ')}) from stdin with (freeze)`));
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    client.release();
    throw error;
  }
  let failure: Error | undefined;
  stream.on('error', (error: Error) => { failure ??= error; });
  let buffer = '';
  let rows = 0;
  let released = false;

  const release = (destroy: boolean) => {
    if (released) return;
    released = true;
    client.release(destroy);
  };
  const flush = (): Promise<void> | undefined => {
    if (failure) throw failure;
    if (buffer.length === 0) return undefined;
    const chunk = buffer;
    buffer = '';
    if (stream.write(chunk)) return undefined;
    // events.once rejects if the stream errors while we wait.
    return once(stream, 'drain').then(() => undefined);
  };

  return {
    table: spec.table,
    write(row) {
      buffer += spec.encode(row);
      rows++;
      return buffer.length >= CHUNK_CHARS ? flush() : undefined;
    },
    async finish() {
      await flush();
      const done = once(stream, 'finish');
      stream.end();
      await done;
      if (failure) throw failure;
      await client.query('commit');
      release(false);
      return rows;
    },
    async abort() {
      if (released) return;
      stream.destroy();
      await client.query('rollback').catch(() => undefined);
      // After a COPY failure the connection's protocol state is uncertain: do not give it back to the pool.
      release(true);
    },
  };
}
