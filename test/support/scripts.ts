/** Running an operator command of scripts/ as `npm run` does (tsx, from the project root) against a test database. */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from '../../src/platform/config/config.ts';

const run = promisify(execFile);

/** Runs `scripts/<file>` with `args` on the database at `connectionString`; rejects when it exits non-zero. */
export function runScript(file: string, connectionString: string, args: readonly string[]): Promise<{ stdout: string; stderr: string }> {
  return run(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'scripts', file), ...args], {
    cwd: projectRoot, env: { ...process.env, DATABASE_URL: connectionString },
  });
}
