/**
 * A fresh database for one test file, cloned from the migrated template that `npm test` prepares.
 *   const t = await freshDatabase(); … t.db …; await t.drop();
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../../src/platform/db/database.ts';

export interface TestDatabase extends DatabaseHandle {
  connectionString: string;
  name: string;
  drop: () => Promise<void>;
}

function adminUrl(): string {
  const url = process.env.CRENEAU_TEST_ADMIN_URL;
  if (!url) throw new Error('run the tests with `npm test` (it starts the test PostgreSQL)');
  return url;
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function freshDatabase(maxConnections = 10): Promise<TestDatabase> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  const template = process.env.CRENEAU_TEST_TEMPLATE ?? 'creneau_template';
  // Two files cloning the same template at once would collide on its connections; retry briefly.
  for (let attempt = 0; ; attempt++) {
    try {
      await admin((c) => c.query(`create database ${name} template ${template}`));
      break;
    } catch (error) {
      if (attempt > 50 || !/being accessed by other users/.test((error as Error).message)) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  const connectionString = url.toString();
  const handle = openDatabase(connectionString, maxConnections);
  return {
    ...handle,
    connectionString,
    name,
    drop: async () => {
      await handle.close();
      await admin((c) => c.query(`drop database if exists ${name} with (force)`));
    },
  };
}
