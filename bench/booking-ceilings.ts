/**
 * The two ceilings of the booking bench, measured directly on PostgreSQL (no HTTP, no Fastify) from the same number
 * of connections as the rush: (a) single-row INSERT transactions into a scratch table, the database's floor cost of a
 * durable write here; (b) the booking's own writes, with the repository's real statements: the hold's
 * (`booking_hold`: the practitioner's advisory lock, the purge of expired holds, the held row's insert checked by the
 * exclusion constraint) and the confirmation's (`booking_confirm`: the lock, the key, the update to booked, the
 * calendar identity and the message intents the server plans for such a patient) — what a hold and its confirmation
 * write, without the reads that judge them (two statements, as the rush's requests run them).
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { Db } from '../src/platform/db/database.ts';
import { takeHold } from '../src/features/booking/repository.ts';
import { writeConfirmation } from '../src/features/booking/confirm-appointment/repository.ts';
import { intentsForNewBooking } from '../src/features/notifications/index.ts';
import { SLOT_MINUTES, type BenchAgenda, type SignedInPatient } from './booking-world.ts';

/**
 * Who the rush's patients are for the message plan (booking-world.ts: the holder books for themself, with an email
 * and a French mobile), so that (b) writes the intents the server writes for them.
 */
const benchSubject = {
  reasonOn: true, fileOff: false, isHolder: true, patientEmail: null, patientPhone: null, patientPhoneKind: null,
  accountEmail: 'patient@bench.example.fr', accountPhone: '+33612345678', accountPhoneKind: 'mobile', language: null,
} as const;

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
 * loop books the next 10-minute slot of a random practitioner from `year` on (one year per measurement), with the
 * statements of holds.ts and confirmation.
 */
export async function bookingTransactionCeiling(
  db: Db, agendas: readonly BenchAgenda[], patients: readonly SignedInPatient[], connections: number, seconds: number, year: number,
  rushStarts: readonly Date[],
): Promise<Ceiling> {
  const firstStart = Date.UTC(year, 0, 1, 8);
  const nextSlot = agendas.map(() => 0);
  let n = 0;
  return measureLoops(connections, seconds, async () => {
    const index = Math.floor(Math.random() * agendas.length);
    const agenda = agendas[index]!;
    const patient = patients[n++ % patients.length]!;
    const start = new Date(firstStart + nextSlot[index]!++ * SLOT_MINUTES * 60_000);
    const now = new Date();
    const taken = await takeHold(db, {
      practitionerId: agenda.practitionerId, placeId: agenda.placeId, reasonId: agenda.reasonId,
      start, end: new Date(start.getTime() + SLOT_MINUTES * 60_000), expiresAt: new Date(now.getTime() + 15 * 60_000),
      owner: { accountId: patient.accountId }, release: { accountId: patient.accountId }, moving: null, capacity: 1, newGroup: null, now,
    });
    if (!('id' in taken)) throw new Error(`hold refused: ${taken.refused}`);
    const written = await writeConfirmation(db, {
      holdId: taken.id, practitionerId: agenda.practitionerId, accountId: patient.accountId, holdToken: null,
      patientId: patient.patientId, idempotencyKey: randomUUID(), referringPractitionerId: null, instructionsAcceptedAt: null,
      replacedIds: [], fileToLink: null, now,
      // The reminders owed depend on how far ahead the booking is: planned as for one of the rush's times, so that (b)
      // writes as many intents as the rush's bookings do.
      planned: intentsForNewBooking(taken.id, rushStarts[n % rushStarts.length]!, benchSubject, now),
    });
    if (written.outcome !== 'booked') throw new Error(`the hold was not booked: ${written.outcome}`);
  });
}
