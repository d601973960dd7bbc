/**
 * When a supervised process that exited on its own is started again: after a short delay that doubles with each
 * recent exit (a process failing at start does not spin a core), and not at all once it crashes in a tight loop —
 * restarting it again would only repeat the failure and bury its log line.
 */
export interface RestartPolicy {
  /** Exits within `windowMs` (the latest included) after which the process is no longer restarted. */
  maxExits: number;
  windowMs: number;
  /** Wait before the restart after a first recent exit; doubled for each further one, up to `maxDelayMs`. */
  firstDelayMs: number;
  maxDelayMs: number;
}

/** 5 exits within a minute: give up; otherwise restart after 1, 2, 4, 8 s. */
export const defaultRestartPolicy: RestartPolicy = { maxExits: 5, windowMs: 60_000, firstDelayMs: 1_000, maxDelayMs: 10_000 };

export type RestartDecision =
  | { action: 'restart'; afterMs: number }
  | { action: 'give-up'; recentExits: number };

/** What to do after an exit, given the times (ms) of this process's exits so far, the latest included. */
export function decideRestart(policy: RestartPolicy, exitTimes: readonly number[], now: number): RestartDecision {
  const recentExits = exitTimes.filter((time) => now - time < policy.windowMs).length;
  if (recentExits >= policy.maxExits) return { action: 'give-up', recentExits };
  const afterMs = Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** Math.max(0, recentExits - 1));
  return { action: 'restart', afterMs };
}
