/**
 * The two ceilings of the booking bench, measured directly on PostgreSQL (no HTTP, no Fastify) from the same number
 * of connections as the rush: (a) single-row INSERT transactions into a scratch table, the database's floor cost of a
 * durable write here; (b) the booking's own transaction, with the repository's real statements: the practitioner's
 * advisory lock, the purge of expired holds, the held row's insert (checked by the exclusion constraint), and its
 * update to booked — what a hold and its confirmation write, without the reads that judge them.
 */
import type pg from 'pg';
import type { Db } from '../src/platform/db/database.ts';
import { deleteExpiredHolds, insertHold } from '../src/features/booking/repository.ts';
import { bookHeldRow } from '../src/features/booking/confirm-appointment/repository.ts';
import { inPractitionerTransaction } from '../src/features/booking/transaction.ts';
import { SLOT_MINUTES, type BenchAgenda, type SignedInPatient } from './booking-world.ts';

export interface Ceiling {
  perSecond: number;
  transactions: number;
  seconds: number;
  /** Failed transactions by message (none expected). */
  failures: Record<string, number>;
}

/** Runs `work` from `connections` concurrent loops for `seconds` after a one-second warm-up. */
async function measureLoops(connections: number, seconds: number, work: (loop: number) => Promise<void>): Promise<Ceiling> {
  const warmUntil = performance.now() + 1000;
  const stopAt = warmUntil + seconds * 1000;
  let counted = 0;
  const failures: Record<string, number> = {};
  await Promise.all(Array.from({ length: connections }, async (_, loop) => {
    while (performance.now() < stopAt) {
      try {
        await work(loop);
        if (performance.now() >= warmUntil) counted++;
      } catch (error) {
        const message = `${(error as { code?: string }).code ?? ''} ${(error as Error).message}`.trim();
        failures[message] = (failures[message] ?? 0) + 1;
      }
    }
  }));
  return { perSecond: counted / seconds, transactions: counted, seconds, failures };
}

/** (a) Autocommitted single-row inserts, one pinned client per loop. */
export async function rawInsertCeiling(pool: pg.Pool, connections: number, seconds: number): Promise<Ceiling> {
  await pool.query(`create table if not exists bench_scratch (
    id bigint generated always as identity primary key, payload text not null, created_at timestamptz not null default now())`);
  const clients = await Promise.all(Array.from({ length: connections }, () => pool.connect()));
  try {
    return await measureLoops(connections, seconds, async (loop) => {
      await clients[loop]!.query('insert into bench_scratch (payload) values ($1)', [`loop ${loop}`]);
    });
  } finally {
    for (const client of clients) client.release();
    await pool.query('drop table bench_scratch');
  }
}

/**
 * (b) The booking transaction on `agendas` (practitioners of their own, so the rush's agendas stay untouched): each
 * loop books the next 10-minute slot of a random practitioner, with the statements of holds.ts and confirmation.
 */
export async function bookingTransactionCeiling(
  db: Db, agendas: readonly BenchAgenda[], patients: readonly SignedInPatient[], connections: number, seconds: number,
): Promise<Ceiling> {
  const firstStart = Date.UTC(2030, 0, 1, 8);
  const nextSlot = agendas.map(() => 0);
  let n = 0;
  return measureLoops(connections, seconds, async () => {
    const index = Math.floor(Math.random() * agendas.length);
    const agenda = agendas[index]!;
    const patient = patients[n++ % patients.length]!;
    const start = new Date(firstStart + nextSlot[index]!++ * SLOT_MINUTES * 60_000);
    const now = new Date();
    await inPractitionerTransaction(db, agenda.practitionerId, async (trx) => {
      await deleteExpiredHolds(trx, now, agenda.practitionerId);
      const holdId = await insertHold(trx, {
        practitionerId: agenda.practitionerId, placeId: agenda.placeId, reasonId: agenda.reasonId,
        start, end: new Date(start.getTime() + SLOT_MINUTES * 60_000), expiresAt: new Date(now.getTime() + 15 * 60_000),
        owner: { accountId: patient.accountId },
      });
      if (!(await bookHeldRow(trx, {
        holdId, accountId: patient.accountId, patientId: patient.patientId, referringPractitionerId: null, instructionsAcceptedAt: null, now,
      }))) throw new Error('the held row vanished');
    });
  });
}
