/**
 * When a failed message is tried again: exponential backoff with jitter, a dead letter after `maxAttempts` claims,
 * and at once for refusals no retry can change (an SMTP 5xx answer on the address, a Twilio 400 on the number).
 */
export interface RetryPolicy {
  /** Wait after the first failure; doubled at each further one. */
  baseMs: number;
  /** The longest wait between two attempts. */
  maxMs: number;
  /** Claims before the dead letter (a worker killed while sending counts as one). */
  maxAttempts: number;
}

/** 30 s, 1, 2, 4, 8, 16, 32 min, then 1 h: about two hours of trying before an operator is needed. */
export const defaultRetryPolicy: RetryPolicy = { baseMs: 30_000, maxMs: 3_600_000, maxAttempts: 9 };

/** The wait after the `attempts`-th failed attempt, between 75 % and 100 % of the exponential step (`random` in [0, 1)). */
export function backoffDelayMs(policy: RetryPolicy, attempts: number, random: number): number {
  const step = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(step * (0.75 + 0.25 * random));
}

/**
 * Whether the provider's refusal is final (the reason holds error codes only: 'smtp EENVELOPE 550',
 * 'twilio http 400 code 21211'): a refused address or number. Refused credentials (SMTP 530/534/535, Twilio 401/403)
 * are a configuration an operator fixes: those keep being retried.
 */
export function isPermanentRefusal(reason: string): boolean {
  const smtp = /^smtp\b.*\b(5\d\d)$/.exec(reason);
  if (smtp) return !['530', '534', '535'].includes(smtp[1]!);
  return /^twilio http 400\b/.test(reason);
}

export type FailureVerdict = { retryAt: Date } | { deadLetter: true };

/** What a failed attempt becomes: a later attempt, or the dead letter. */
export function judgeFailure(policy: RetryPolicy, attempts: number, reason: string, now: Date, random: number): FailureVerdict {
  if (attempts >= policy.maxAttempts || isPermanentRefusal(reason)) return { deadLetter: true };
  return { retryAt: new Date(now.getTime() + backoffDelayMs(policy, attempts, random)) };
}
