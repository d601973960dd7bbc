/**
 * Password hashing with argon2id (OWASP parameters: 19 MiB, 2 passes, 1 lane; docs/decisions.md
 * « Accounts — authentication » has the measured time). Only PHC strings are stored.
 */
import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { normalisePassword } from './domain/password.ts';

/** argon2id is the library's default algorithm (its enum is a const enum that erasable TypeScript cannot import). */
const parameters = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** The argon2id PHC string of a password (NFC, so that a composed or decomposed « é » match), with a fresh random salt. */
export function hashPassword(password: string): Promise<string> {
  return hash(normalisePassword(password), parameters);
}

/** Whether the password matches the stored hash (false for a malformed hash rather than an error). */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, normalisePassword(password));
  } catch {
    return false;
  }
}

/** A hash of a random password with the same parameters, computed once per process at load (so the first unknown email is not slower). */
const dummyHash: Promise<string> = hashPassword(randomBytes(16).toString('base64url'));

/**
 * For an unknown email the login still verifies a hash of the same cost, so that the answer takes
 * about as long as for a known email with a wrong password (no account enumeration by timing).
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  await verifyPassword(await dummyHash, password);
  return false;
}
