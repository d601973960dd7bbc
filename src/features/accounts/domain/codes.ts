/**
 * The life of a one-time code (SPEC A2, A4): 6 digits, 15 minutes, 5 wrong attempts, resend after 2 minutes.
 * Pure: the current time is always an argument; drawing the random code is the service's job.
 */

export const CODE_LENGTH = 6;
export const MAX_ATTEMPTS = 5;
export const CODE_TTL_MS = 15 * 60 * 1000;
export const RESEND_AFTER_MS = 2 * 60 * 1000;

/** What the database keeps about a code; `attempts` counts the wrong attempts already made. */
export type CodeState = { expiresAt: Date; consumedAt: Date | null; attempts: number };

export type CodeAttemptOutcome =
  | { outcome: 'accepted' }
  | { outcome: 'wrong'; attemptsLeft: number }
  | { outcome: 'expired' | 'used' | 'exhausted' };

/**
 * The verdict on one attempt. A dead code (used, exhausted, expired) is never accepted, even with the right digits.
 * The caller stores `attempts + 1` whenever `matches` is false; the attempt that uses up the last try is 'exhausted'.
 */
export function judgeCodeAttempt(state: CodeState, matches: boolean, now: Date): CodeAttemptOutcome {
  if (state.consumedAt !== null) return { outcome: 'used' };
  if (state.attempts >= MAX_ATTEMPTS) return { outcome: 'exhausted' };
  if (now.getTime() >= state.expiresAt.getTime()) return { outcome: 'expired' };
  if (matches) return { outcome: 'accepted' };
  const attemptsLeft = MAX_ATTEMPTS - (state.attempts + 1);
  return attemptsLeft > 0 ? { outcome: 'wrong', attemptsLeft } : { outcome: 'exhausted' };
}

/** When a code sent at `sentAt` stops being valid. */
export function codeExpiresAt(sentAt: Date): Date {
  return new Date(sentAt.getTime() + CODE_TTL_MS);
}

/** When the « Renvoyer le code » button may be used again (SPEC A2: 2 minutes). */
export function resendAvailableAt(lastSentAt: Date): Date {
  return new Date(lastSentAt.getTime() + RESEND_AFTER_MS);
}

/** Whether a new code may be sent now for the same sign-up, challenge or change. */
export function canResend(lastSentAt: Date, now: Date): boolean {
  return now.getTime() >= resendAvailableAt(lastSentAt).getTime();
}

/** The code as typed (spaces, dashes allowed between digits) reduced to its digits, or null when it cannot be one. */
export function normaliseCodeInput(input: string): string | null {
  const digits = input.replace(/[\s-]/g, '');
  return new RegExp(`^\\d{${CODE_LENGTH}}$`).test(digits) ? digits : null;
}

/** Digits spaced out so that a voice synthesiser reads them one by one: « 4 8 1 5 1 6 ». */
export function formatCodeForVoice(code: string): string {
  return Array.from(code).join(' ');
}
