/** The API server alone, for the benchmark: `DATABASE_URL=… PORT=… node --import tsx bench/server.ts`. */
import { openDatabase } from '../src/platform/db/database.ts';
import { buildApp } from '../src/platform/http/app.ts';
import { featureRoutes } from '../src/features/routes.ts';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is required');
const database = openDatabase(url, Number(process.env.POOL_SIZE ?? 16), { preparedStatements: process.env.PREPARED_STATEMENTS !== '0' });
const app = await buildApp({ context: { db: database.db, now: () => new Date(), listSlotsCacheMs: Number(process.env.LIST_SLOTS_CACHE_MS ?? 30_000) }, routes: featureRoutes });
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT ?? 0) });
process.send?.({ ready: true });
const stop = async () => { await app.close(); await database.close(); process.exit(0); };
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
