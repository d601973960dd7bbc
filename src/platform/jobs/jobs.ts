/**
 * Timers of the application, run by pg-boss in the application's own PostgreSQL (schema `pgboss`): each job is a
 * cron schedule and a function. pg-boss sends one job per tick whatever the number of processes, so several
 * servers never purge or remind twice. Job functions are plain service calls: tests call them directly.
 */
import { PgBoss } from 'pg-boss';

export interface ScheduledJob {
  /** Queue name, e.g. 'booking.purge-expired-holds'. */
  name: string;
  /** Five-field cron in UTC, e.g. '* * * * *' for every minute. */
  cron: string;
  run: () => Promise<unknown>;
}

export interface JobRunner {
  stop: () => Promise<void>;
}

export interface JobsOptions {
  connectionString: string;
  jobs: readonly ScheduledJob[];
  /** Where failures are reported (a job that throws is retried by its next tick). */
  onError?: (error: Error) => void;
}

/** Starts pg-boss with a small pool of its own, schedules every job and works on them. */
export async function startJobs(options: JobsOptions): Promise<JobRunner> {
  const boss = new PgBoss({ connectionString: options.connectionString, max: 2, application_name: 'creneau-jobs' });
  boss.on('error', (error: Error) => options.onError?.(error));
  await boss.start();
  for (const job of options.jobs) {
    // One tick at a time and no retries: the next tick (a minute later) does the work again anyway.
    await boss.createQueue(job.name, { policy: 'exclusive', retryLimit: 0, expireInSeconds: 300 });
    await boss.schedule(job.name, job.cron);
    await boss.work(job.name, async () => {
      await job.run();
    });
  }
  return { stop: () => boss.stop({ graceful: true, timeout: 10_000 }) };
}
