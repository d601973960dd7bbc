/**
 * The frame of an operator command (`npm run notifications:failed`, `practice:token`, `practitioner:invite`): the
 * configured database (the embedded PostgreSQL, or DATABASE_URL, like `npm start`), the command's work, a clean
 * shutdown, and the process's exit code (1 when the work throws, its error printed).
 */
import { loadConfig, type Config } from '../src/platform/config/config.ts';
import type { Db } from '../src/platform/db/database.ts';
import { provisionDatabase } from '../src/platform/db/provision.ts';

/** Runs `work` against the database and exits with the code it returns; `describeError` says what a thrown error was. */
export async function runWithDatabase(
  work: (db: Db, config: Config) => Promise<number>,
  describeError: (error: unknown) => unknown = (error) => error,
): Promise<never> {
  const config = loadConfig();
  const database = await provisionDatabase(config, {}, 2);
  let exitCode = 1;
  try {
    exitCode = await work(database.db, config);
  } catch (error) {
    exitCode = 1;
    console.error(describeError(error));
  } finally {
    await database.shutdown();
  }
  process.exit(exitCode);
}
