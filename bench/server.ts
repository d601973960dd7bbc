/**
 * The API server alone, for the benchmark: `DATABASE_URL=… PORT=… node --import tsx bench/server.ts`.
 * WORKERS=2 runs it in cluster mode (workers sharing the port, POOL_SIZE connections in all); PREPARED_STATEMENTS=0
 * turns prepared statements off, for comparison; LOGGER=verbose|errors logs like `npm start` (default: no logger);
 * SESSION_MEMORY=0 reads every request's session from the database, as CRENEAU_SESSION_MEMORY=0 does.
 */
import cluster from 'node:cluster';
import { openDatabase } from '../src/platform/db/database.ts';
import { buildApp } from '../src/platform/http/app.ts';
import { featureRoutes } from '../src/features/routes.ts';
import { createSessionMemory } from '../src/features/accounts/session-memory.ts';
import { listenToChanges } from '../src/features/changes.ts';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is required');
const workers = Math.max(1, Number(process.env.WORKERS ?? 1));
const poolSize = Number(process.env.POOL_SIZE ?? 16);

if (workers > 1 && cluster.isPrimary) {
  let ready = 0;
  for (let i = 0; i < workers; i++) {
    cluster.fork().on('message', () => {
      if (++ready === workers) process.send?.({ ready: true });
    });
  }
  const stop = () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill('SIGTERM');
    let alive = workers;
    cluster.on('exit', () => { if (--alive === 0) process.exit(0); });
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
} else {
  const database = openDatabase(url, Math.max(1, Math.round(poolSize / workers)), { preparedStatements: process.env.PREPARED_STATEMENTS !== '0' });
  const listSlotsCacheMs = Number(process.env.LIST_SLOTS_CACHE_MS ?? 30_000);
  const sessionMemory = process.env.SESSION_MEMORY === '0' ? undefined : createSessionMemory();
  const app = await buildApp({ context: { db: database.db, now: () => new Date(), listSlotsCacheMs, sessionMemory }, routes: featureRoutes, ...(process.env.LOGGER === 'verbose' || process.env.LOGGER === 'errors' ? { logger: process.env.LOGGER } : {}) });
  // Like npm start: agenda changes and ended sessions of the other workers reach this one's memories.
  const changes = await listenToChanges({ connectionString: url, agendaChanges: listSlotsCacheMs > 0, sessionMemory });
  await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT ?? 0) });
  process.send?.({ ready: true });
  const stop = async () => { await changes.stop(); await app.close(); await database.close(); process.exit(0); };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
