/** Settings read once from the environment, with defaults that make a fresh clone run. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface Config {
  /** External PostgreSQL; when absent, an embedded server is started with data under `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  host: string;
  port: number;
  /** True when PORT was set: then that port or nothing, since a proxy or a client expects it. */
  portRequired: boolean;
  /** Practitioners generated on first start when the database is empty (0 with DATABASE_URL or in production). */
  demoPractitioners: number;
  /** Public URL printed at start and used in links. */
  publicUrl: string | undefined;
  production: boolean;
  /** How long search result lists may reuse computed next free slots (docs/decisions.md « Performance »). */
  listSlotsCacheMs: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(projectRoot, env.CRENEAU_DATA_DIR ?? '.data'),
    host: env.HOST ?? '127.0.0.1',
    port: Number(env.PORT ?? 3000),
    portRequired: Boolean(env.PORT),
    // Demo data goes into the embedded development database only, unless asked for explicitly.
    demoPractitioners: Number(env.CRENEAU_DEMO_PRACTITIONERS ?? (env.DATABASE_URL || env.NODE_ENV === 'production' ? 0 : 2000)),
    publicUrl: env.PUBLIC_URL || undefined,
    production: env.NODE_ENV === 'production',
    listSlotsCacheMs: Number(env.CRENEAU_LIST_SLOTS_CACHE_MS ?? 30_000),
  };
}
