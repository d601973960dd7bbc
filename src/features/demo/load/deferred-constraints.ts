/**
 * Bulk loads run faster into bare tables: indexes built once from sorted data beat millions of insertions, and
 * foreign keys checked by one join beat one look-up per row. Before loading, we drop the secondary indexes and
 * the constraints (primary keys, unique, the exclusion constraint `appointments_no_overlap`, foreign keys) of the
 * demo tables, and rebuild them after. Their definitions are kept in `demo_deferred_definitions` first, so that a
 * load interrupted half-way (crash, Ctrl-C) is repaired by the next run: nothing is ever silently lost.
 */
import type pg from 'pg';

/**
 * `primary-key` and `unique` are rebuilt as a unique index first (a SHARE lock: several indexes of one table build
 * side by side), then attached with ADD CONSTRAINT … USING INDEX; `constraint` (exclusion, deferrable keys) is added
 * as is, which locks its table for the whole build.
 */
export type DefinitionKind = 'index' | 'primary-key' | 'unique' | 'constraint' | 'foreign-key';

export interface DeferredDefinition {
  kind: DefinitionKind;
  /** The table as PostgreSQL quotes it (`regclass` text). */
  tableName: string;
  name: string;
  /** For an index or a key, its CREATE INDEX statement; otherwise what follows ADD CONSTRAINT <name>. */
  definition: string;
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Indexes, key/unique/exclusion constraints and foreign keys of the tables (and foreign keys pointing at them). */
export async function readDefinitions(client: pg.PoolClient | pg.Pool, tables: readonly string[]): Promise<DeferredDefinition[]> {
  const { rows } = await client.query<DeferredDefinition>(`
    with target as (select oid from pg_class where oid = any(select to_regclass(t) from unnest($1::text[]) as t))
    select 'foreign-key' as kind, conrelid::regclass::text as "tableName", conname as name,
           pg_get_constraintdef(oid) as definition
      from pg_constraint
     where contype = 'f' and (conrelid in (select oid from target) or confrelid in (select oid from target))
    union all
    select case when contype = 'x' or condeferrable then 'constraint' when contype = 'p' then 'primary-key' else 'unique' end,
           conrelid::regclass::text, conname,
           case when contype = 'x' or condeferrable then pg_get_constraintdef(oid) else pg_get_indexdef(conindid) end
      from pg_constraint
     where contype in ('p', 'u', 'x') and conrelid in (select oid from target)
    union all
    select 'index', i.indrelid::regclass::text, i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
      from pg_index i
     where i.indrelid in (select oid from target)
       and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid and c.contype in ('p', 'u', 'x'))
     order by 1, 2, 3`, [tables]);
  return rows;
}

/** Saves the definitions, then drops foreign keys first (they depend on the keys), then constraints, then indexes. */
export async function dropDeferred(pool: pg.Pool, definitions: readonly DeferredDefinition[]): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    for (const d of definitions) {
      await client.query(
        'insert into demo_deferred_definitions (kind, table_name, name, definition) values ($1, $2, $3, $4) on conflict do nothing',
        [d.kind, d.tableName, d.name, d.definition]);
    }
    const order: DefinitionKind[] = ['foreign-key', 'constraint', 'primary-key', 'unique', 'index'];
    for (const kind of order) {
      for (const d of definitions.filter((x) => x.kind === kind)) {
        await client.query(kind === 'index'
          ? `drop index if exists ${d.name}`
          : `alter table ${d.tableName} drop constraint if exists ${quoteIdent(d.name)}`);
      }
    }
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** The definitions saved by an earlier dropDeferred and not restored yet. */
export async function pendingDefinitions(pool: pg.Pool): Promise<DeferredDefinition[]> {
  const { rows } = await pool.query<DeferredDefinition>(
    `select kind, table_name as "tableName", name, definition from demo_deferred_definitions order by kind, table_name, name`);
  return rows;
}

/**
 * Rebuilds one definition and forgets it. The index of a key is built in a transaction of its own: attaching it
 * (ADD CONSTRAINT … USING INDEX) takes a short exclusive lock, which must not wait while holding the build's lock.
 */
async function restoreOne(client: pg.PoolClient, d: DeferredDefinition): Promise<void> {
  const exists = async () =>
    (await client.query('select 1 from pg_constraint where conname = $1 and conrelid = $2::regclass', [d.name, d.tableName])).rowCount;
  if (d.kind === 'index' || d.kind === 'primary-key' || d.kind === 'unique') {
    await client.query(d.definition.replace(/^CREATE (UNIQUE )?INDEX /, 'CREATE $1INDEX IF NOT EXISTS '));
  }
  await client.query('begin');
  try {
    if (d.kind === 'primary-key' || d.kind === 'unique') {
      const key = d.kind === 'primary-key' ? 'primary key' : 'unique';
      const name = quoteIdent(d.name);
      if (!(await exists())) await client.query(`alter table ${d.tableName} add constraint ${name} ${key} using index ${name}`);
    } else if (d.kind !== 'index' && !(await exists())) {
      await client.query(`alter table ${d.tableName} add constraint ${quoteIdent(d.name)} ${d.definition}`);
    }
    await client.query('delete from demo_deferred_definitions where kind = $1 and table_name = $2 and name = $3',
      [d.kind, d.tableName, d.name]);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  }
}

export interface RestoreOptions {
  /** Sessions building indexes side by side (PostgreSQL builds a GiST index on one core). */
  parallelism: number;
  maintenanceWorkMem: string;
  onRestored?: (definition: DeferredDefinition, ms: number) => void;
}

/**
 * Rebuilds the pending definitions: indexes and key/exclusion constraints first, biggest tables first, on
 * `parallelism` sessions; foreign keys last, since they need the keys they point at.
 */
export async function restoreDeferred(pool: pg.Pool, options: RestoreOptions): Promise<void> {
  const pending = await pendingDefinitions(pool);
  const sizes = new Map<string, number>();
  for (const tableName of new Set(pending.map((d) => d.tableName))) {
    const { rows } = await pool.query<{ size: string }>('select pg_relation_size($1::regclass)::text as size', [tableName]);
    sizes.set(tableName, Number(rows[0]?.size ?? 0));
  }
  const bySize = (a: DeferredDefinition, b: DeferredDefinition) => (sizes.get(b.tableName) ?? 0) - (sizes.get(a.tableName) ?? 0);
  // Indexes and keys share their table (SHARE lock) and go first, biggest tables first; a `constraint` (the exclusion
  // constraint) locks its table out for its whole build, so it comes once the indexes of that table are done.
  const locksTable = (d: DeferredDefinition) => Number(d.kind === 'constraint');
  const phases = [
    pending.filter((d) => d.kind !== 'foreign-key').sort((a, b) => locksTable(a) - locksTable(b) || bySize(a, b)),
    pending.filter((d) => d.kind === 'foreign-key').sort(bySize),
  ];
  for (const queue of phases) {
    const workers = Array.from({ length: Math.max(1, Math.min(options.parallelism, queue.length)) }, async () => {
      const client = await pool.connect();
      try {
        await client.query(`set maintenance_work_mem = '${options.maintenanceWorkMem.replace(/[^0-9A-Za-z]/g, '')}'`);
        for (let d = queue.shift(); d; d = queue.shift()) {
          const started = Date.now();
          await restoreOne(client, d);
          options.onRestored?.(d, Date.now() - started);
        }
      } finally {
        await client.query('reset maintenance_work_mem').catch(() => undefined);
        client.release();
      }
    });
    await Promise.all(workers);
  }
}
