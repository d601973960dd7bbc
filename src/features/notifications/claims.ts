/**
 * How workers share the outbox without a broker. A worker holds, for its whole life, a session advisory lock on its
 * own key (a dedicated connection); it claims due intents with FOR UPDATE SKIP LOCKED, writing its key into
 * `claimed_by`. A claim counts only while that lock is held: a worker killed with SIGKILL loses its connection,
 * PostgreSQL releases the lock at once, and the next claim by anyone takes its intents back — no lease to wait for.
 * A lease on the database clock stays as the fallback for a worker alive but stuck.
 */
import { randomInt } from 'node:crypto';
import { sql } from 'kysely';
import type pg from 'pg';
import type { Db } from '../../platform/db/database.ts';
import type { NewIntent } from './outbox.ts';

/** The advisory lock space of notification workers (pg_advisory_lock(space, workerKey)). */
export const WORKER_LOCK_SPACE = 7243011;

/** An intent as written by the outbox, with what claiming it added. */
export interface ClaimedIntent extends NewIntent {
  id: string;
  idempotencyKey: string;
  /** Claims so far, this one included. */
  attempts: number;
  createdAt: Date;
}

/**
 * A worker's liveness lock, held on a connection of its own for the worker's life. If that connection dies (database
 * restart), the worker's claims stop counting: it must take the lock again (`ensureHeld`) before claiming more.
 */
export class LivenessLock {
  private client: pg.PoolClient | undefined;

  private constructor(private readonly pool: pg.Pool, readonly key: number) {}

  /** A lock on a fresh random key. */
  static async take(pool: pg.Pool): Promise<LivenessLock> {
    for (;;) {
      const lock = new LivenessLock(pool, randomInt(1, 2 ** 31 - 1));
      if (await lock.ensureHeld()) return lock;
    }
  }

  /** True when the lock is held, taking it again on a new connection if the previous one died. */
  async ensureHeld(): Promise<boolean> {
    if (this.client) return true;
    const client = await this.pool.connect();
    // A checked-out client whose connection dies emits 'error': without a listener it would crash the process.
    client.on('error', () => this.lose(client));
    try {
      const { rows } = await client.query<{ taken: boolean }>('select pg_try_advisory_lock($1, $2) as taken', [WORKER_LOCK_SPACE, this.key]);
      if (rows[0]?.taken !== true) throw new Error('worker key taken');
      this.client = client;
      return true;
    } catch {
      client.release(true);
      return false;
    }
  }

  /** Closing the connection releases the lock with it. */
  release(): void {
    this.client?.release(true);
    this.client = undefined;
  }

  private lose(client: pg.PoolClient): void {
    if (this.client !== client) return;
    this.client = undefined;
    client.release(true);
  }
}

/**
 * Claims up to `limit` due intents, soonest first: unclaimed ones, those of workers whose lock is gone (dead), and
 * those claimed longer than `leaseSeconds` ago (stuck). Each claim counts as an attempt.
 */
export async function claimDueIntents(
  db: Db, options: { workerKey: number; limit: number; now: Date; leaseSeconds: number },
): Promise<ClaimedIntent[]> {
  const { rows } = await sql<ClaimedIntent>`
    with live as (
      select l.objid::bigint as worker
        from pg_locks l
       where l.locktype = 'advisory' and l.classid = ${WORKER_LOCK_SPACE}::int::oid and l.objsubid = 2 and l.granted
         and l.database = (select oid from pg_database where datname = current_database())
    ), due as (
      select i.id
        from notification_intents i
       where i.state = 'pending' and i.send_at <= ${options.now}
         and (i.claimed_by is null
              or i.claimed_at < now() - make_interval(secs => ${options.leaseSeconds})
              or i.claimed_by not in (select worker from live))
       order by i.send_at
       limit ${options.limit}
         for update skip locked
    )
    update notification_intents i
       set claimed_by = ${options.workerKey}, claimed_at = now(), attempts = i.attempts + 1
      from due
     where i.id = due.id
    returning i.id::text as id, i.idempotency_key as "idempotencyKey", i.appointment_id as "appointmentId", i.kind,
              i.channel, i.role, i.version, i.planned_start as "plannedStart", i.send_at as "sendAt", i.attempts,
              i.created_at as "createdAt"`.execute(db);
  return rows.sort((a, b) => a.sendAt.getTime() - b.sendAt.getTime());
}

/** These messages left: whoever claimed them last, they are sent (a drop racing with the send does not hide that). */
export async function markSent(db: Db, ids: readonly string[], now: Date): Promise<void> {
  if (!ids.length) return;
  await db.updateTable('notification_intents')
    .set({ state: 'sent', done_at: now, claimed_by: null, claimed_at: null, last_error: null })
    .where('id', 'in', [...ids])
    .execute();
}

/** Nothing to send any more (cancelled appointment, notifications switched off…): `outcome` says why. */
export async function markDropped(db: Db, id: string, outcome: string, now: Date): Promise<void> {
  await db.updateTable('notification_intents')
    .set({ state: 'dropped', outcome, done_at: now, claimed_by: null, claimed_at: null })
    .where('id', '=', id).where('state', '=', 'pending')
    .execute();
}

/** A failed attempt: back to pending at `retryAt` (backoff), unless dropped meanwhile. */
export async function markRetry(db: Db, id: string, error: string, retryAt: Date): Promise<void> {
  await db.updateTable('notification_intents')
    .set({ send_at: retryAt, last_error: error, claimed_by: null, claimed_at: null })
    .where('id', '=', id).where('state', '=', 'pending')
    .execute();
}

/** The dead letter: no more attempts; listed by `npm run notifications:failed` until retried. */
export async function markFailed(db: Db, id: string, error: string, now: Date): Promise<void> {
  await db.updateTable('notification_intents')
    .set({ state: 'failed', last_error: error, done_at: now, claimed_by: null, claimed_at: null })
    .where('id', '=', id).where('state', '=', 'pending')
    .execute();
}
