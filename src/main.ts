/** `npm start`: database, migrations, demo data on first run, web build if missing, then the server. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadConfig, projectRoot } from './platform/config/config.ts';
import { provisionDatabase } from './platform/db/provision.ts';
import { buildApp, defaultWebDist } from './platform/http/app.ts';
import { freePort } from './platform/db/embedded-postgres.ts';
import { featureRoutes } from './features/routes.ts';
import { prepareData } from './startup.ts';

const config = loadConfig();
const started = Date.now();
console.log('Créneau: starting the database…');
const database = await provisionDatabase(config);
await prepareData(database.db, config);

if (!existsSync(path.join(defaultWebDist, 'index.html'))) {
  console.log('Créneau: building the web app (first run)…');
  const { build } = await import('vite');
  await build({ configFile: path.join(projectRoot, 'web', 'vite.config.ts'), logLevel: 'warn' });
}

const app = await buildApp({
  context: { db: database.db, now: () => new Date(), listSlotsCacheMs: config.listSlotsCacheMs },
  routes: featureRoutes,
  webDist: defaultWebDist,
  logger: config.production ? 'verbose' : 'errors',
});
const port = await freePort(config.port);
await app.listen({ host: config.host, port });
const url = config.publicUrl ?? `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}/`;
console.log(`Créneau is ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${url}`);
console.log(`API documentation: ${url}api/docs`);

const shutdown = async () => {
  await app.close();
  await database.shutdown();
  process.exit(0);
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
