/**
 * Fair order among equally relevant practitioners (SPEC B3): a pseudo-random rank that is the same for
 * everyone during a 2-hour window and changes with the next window. The same formula runs in SQL
 * (`fairnessRankSql` in ../search-repository.ts) so the database can sort and paginate; a test proves both agree.
 */
import { createHash } from 'node:crypto';

export const FAIRNESS_WINDOW_MS = 2 * 60 * 60 * 1000;

/** Number of the 2-hour window `now` falls in, counted in UTC from the Unix epoch so that every process agrees. */
export function fairnessWindow(now: Date): number {
  return Math.floor(now.getTime() / FAIRNESS_WINDOW_MS);
}

/** Rank of a practitioner in one window: the first 32 bits of md5("<window>:<id>"), an unsigned integer. */
export function fairnessRank(practitionerId: string, window: number): number {
  const digest = createHash('md5').update(`${window}:${practitionerId}`).digest('hex');
  return Number.parseInt(digest.slice(0, 8), 16);
}

/** Sorts practitioner ids into the fair order of a window (ties, practically impossible, broken by id). */
export function fairOrder(practitionerIds: readonly string[], window: number): string[] {
  return [...practitionerIds].sort((a, b) => fairnessRank(a, window) - fairnessRank(b, window) || Number(a) - Number(b));
}
