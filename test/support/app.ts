/**
 * The app of every feature on a database of its own, for one test file:
 *   before(async () => { ({ t, app } = await startTestApp({ now: () => clock, delivery })); });
 *   after(() => stopTestApp(app, t));
 */
import { buildApp, type App, type AppContext, type FeatureRoutes } from '../../src/platform/http/app.ts';
import { featureRoutes } from '../../src/features/routes.ts';
import { freshDatabase, type TestDatabase } from './database.ts';

export interface TestApp {
  t: TestDatabase;
  app: App;
}

/** A fresh database and the app over it, with `context` (the clock, a recording delivery, …) and `routes`. */
export async function startTestApp(context: Omit<AppContext, 'db'>, routes: FeatureRoutes[] = featureRoutes): Promise<TestApp> {
  const t = await freshDatabase();
  const app = await buildApp({ context: { ...context, db: t.db }, routes });
  return { t, app };
}

/** Closes the app, then drops its database. */
export async function stopTestApp(app: App, t: TestDatabase): Promise<void> {
  await app.close();
  await t.drop();
}
