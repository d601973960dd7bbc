/**
 * One booking transaction per practitioner at a time (C8): the advisory lock is taken FIRST, before any read or
 * write, so concurrent holds and confirmations of one agenda queue on the lock instead of colliding on the
 * exclusion constraint's index (measured: a burst of fresh connections on one slot without the lock stalled ~47 s
 * in deadlock detection). Failures the database reports under contention become a clean « créneau déjà pris ».
 */
import type { Transaction } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';
import { SlotTaken } from './errors.ts';
import { lockPractitioner } from './repository.ts';

/** PostgreSQL error codes: exclusion violation, serialisation failure, deadlock. */
const EXCLUSION_VIOLATION = '23P01';
const RETRYABLE = new Set(['40001', '40P01']);

/** Serialisation failures and deadlocks are retried once, then reported as a taken slot. */
const MAX_ATTEMPTS = 2;

/** Runs `work` in one transaction that starts by locking the practitioner's agenda. */
export async function inPractitionerTransaction<T>(
  db: Db, practitionerId: string, work: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  return retryingContention(() => db.transaction().execute(async (trx) => {
    await lockPractitioner(trx, practitionerId);
    return work(trx);
  }));
}

/**
 * Runs a booking write (a locked transaction, or one statement calling a function that takes the lock first):
 * once more after a serialisation failure or a deadlock; the exclusion constraint's refusal, and contention that
 * persists, become « créneau déjà pris ».
 */
export async function retryingContention<T>(write: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      const code = postgresCode(error);
      if (code !== undefined && RETRYABLE.has(code) && attempt < MAX_ATTEMPTS) continue;
      if (code === EXCLUSION_VIOLATION || (code !== undefined && RETRYABLE.has(code))) throw new SlotTaken();
      throw error;
    }
  }
}

/** The SQLSTATE of a database error, if `error` is one. */
export function postgresCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}
