/**
 * Expired holds never block anyone (C2): every booking transaction deletes its agenda's expired holds, and this
 * timer deletes them everywhere every minute, so calendars and search read fewer dead rows. The availability
 * computation already ignores a hold past its expiry, so neither purge is needed for correctness.
 */
import type { Db } from '../../platform/db/database.ts';
import type { ScheduledJob } from '../../platform/jobs/jobs.ts';
import { deleteExpiredHolds } from './repository.ts';

/** Deletes every hold expired at `now`; returns how many. Without the practitioner lock: a delete cannot overlap. */
export async function purgeExpiredHolds(db: Db, now: Date): Promise<number> {
  return deleteExpiredHolds(db, now);
}

/** The every-minute purge, for the job runner. */
export function expiredHoldsJob(db: Db, now: () => Date): ScheduledJob {
  return { name: 'booking.purge-expired-holds', cron: '* * * * *', run: () => purgeExpiredHolds(db, now()) };
}
