/** Gives the app a migrated database: the external DATABASE_URL, or an embedded server under the data dir. */
import path from 'node:path';
import pg from 'pg';
import type { Config } from '../config/config.ts';
import { startEmbeddedPostgres, type EmbeddedPostgresOptions } from './embedded-postgres.ts';
import { openDatabase, type DatabaseHandle } from './database.ts';
import { migrate } from './migrate.ts';

export interface ProvisionedDatabase extends DatabaseHandle {
  connectionString: string;
  /** Closes the pool, then stops the embedded server if we started one. */
  shutdown: () => Promise<void>;
}

/** Creates `name` on the server unless it exists (names are ours, never user input). */
export async function ensureDatabase(adminConnectionString: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminConnectionString });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) await client.query(`create database "${name.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
}

export async function provisionDatabase(
  config: Config,
  embedded: Partial<EmbeddedPostgresOptions> = {},
  maxConnections = 20,
): Promise<ProvisionedDatabase> {
  let connectionString = config.databaseUrl;
  let stopServer = async () => undefined as void;
  if (!connectionString) {
    const server = await startEmbeddedPostgres({ dataDir: path.join(config.dataDir, 'pg'), preferredPort: 54329, ...embedded });
    await ensureDatabase(server.connectionString('postgres'), 'creneau');
    connectionString = server.connectionString('creneau');
    stopServer = server.stop;
  }
  const handle = openDatabase(connectionString, maxConnections);
  try {
    await migrate(handle.pool);
  } catch (error) {
    await handle.close();
    await stopServer();
    throw error;
  }
  return {
    ...handle,
    connectionString,
    shutdown: async () => {
      await handle.close();
      await stopServer();
    },
  };
}
