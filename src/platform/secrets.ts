/**
 * Secrets of one installation (signing keys): given by an environment variable, or generated once and kept in
 * `instance_secrets`, so that every process of the installation signs with the same key.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from './db/database.ts';

/** Keys already read, per database and name: one query per process. */
const cache = new WeakMap<Db, Map<string, Promise<Buffer>>>();

/**
 * The secret `name` of this installation, created with `bytes` random bytes on first use. Race-safe: concurrent
 * first uses (several processes) all insert-or-ignore, then read the one row that won.
 */
export function instanceSecret(db: Db, name: string, bytes = 32): Promise<Buffer> {
  let secrets = cache.get(db);
  if (!secrets) {
    secrets = new Map();
    cache.set(db, secrets);
  }
  let secret = secrets.get(name);
  if (!secret) {
    secret = loadOrCreateSecret(db, name, bytes);
    secrets.set(name, secret);
    secret.catch(() => secrets.delete(name));
  }
  return secret;
}

async function loadOrCreateSecret(db: Db, name: string, bytes: number): Promise<Buffer> {
  await db
    .insertInto('instance_secrets')
    .values({ name, value: randomBytes(bytes) })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db.selectFrom('instance_secrets').select('value').where('name', '=', name).executeTakeFirstOrThrow();
  return row.value;
}

/** A key given in base64 by an environment variable; too short or not base64 stops the start with its name. */
export function keyFromEnvironment(variable: string, value: string | undefined, minBytes = 32): Buffer | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const text = value.trim();
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) throw new Error(`${variable} must be base64`);
  const key = Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  if (key.length < minBytes) throw new Error(`${variable} must hold at least ${minBytes} bytes (base64), it holds ${key.length}`);
  return key;
}
