/** Every feature's timers, started by main.ts (src/platform/jobs/jobs.ts). */
import type { Db } from '../platform/db/database.ts';
import type { ScheduledJob } from '../platform/jobs/jobs.ts';
import { expiredHoldsJob } from './booking/index.ts';

export function featureJobs(db: Db, now: () => Date): ScheduledJob[] {
  return [expiredHoldsJob(db, now)];
}
