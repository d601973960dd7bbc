/**
 * Interval algebra over instants: half-open ranges [start, end) in epoch milliseconds.
 * A "normalized" list is sorted by start with no two ranges overlapping or touching, which lets
 * every operation below sweep both lists once (linear time).
 */

/** A half-open range of instants [start, end), in epoch milliseconds. */
export interface Interval {
  start: number;
  end: number;
}

/** Sorts ranges and merges those that overlap or touch; empty ranges disappear. */
export function normalize(ranges: readonly Interval[]): Interval[] {
  const sorted = ranges.filter((range) => range.end > range.start).sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ start: range.start, end: range.end });
  }
  return merged;
}

/** The instants of `from` not covered by `remove` (both normalized). */
export function subtract(from: readonly Interval[], remove: readonly Interval[]): Interval[] {
  const result: Interval[] = [];
  let r = 0;
  for (const range of from) {
    let cursor = range.start;
    while (r < remove.length && remove[r]!.end <= cursor) r++;
    let k = r;
    while (k < remove.length && remove[k]!.start < range.end) {
      const hole = remove[k]!;
      if (hole.start > cursor) result.push({ start: cursor, end: hole.start });
      cursor = Math.max(cursor, hole.end);
      if (cursor >= range.end) break;
      k++;
    }
    if (cursor < range.end) result.push({ start: cursor, end: range.end });
  }
  return result;
}

/** The instants covered by both lists (both normalized). */
export function intersect(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const result: Interval[] = [];
  let [i, j] = [0, 0];
  while (i < a.length && j < b.length) {
    const start = Math.max(a[i]!.start, b[j]!.start);
    const end = Math.min(a[i]!.end, b[j]!.end);
    if (start < end) result.push({ start, end });
    if (a[i]!.end < b[j]!.end) i++;
    else j++;
  }
  return result;
}

/** The candidates lying entirely inside one range of `allowed` (normalized); candidates sorted by start. */
export function keepContained<T extends Interval>(candidates: readonly T[], allowed: readonly Interval[]): T[] {
  const kept: T[] = [];
  let j = 0;
  for (const candidate of candidates) {
    while (j < allowed.length && allowed[j]!.end <= candidate.start) j++;
    const range = allowed[j];
    if (range && range.start <= candidate.start && candidate.end <= range.end) kept.push(candidate);
  }
  return kept;
}

/** For each candidate (sorted by start), whether it shares an instant with `ranges` (normalized). */
export function overlapsEach(candidates: readonly Interval[], ranges: readonly Interval[]): boolean[] {
  let j = 0;
  return candidates.map((candidate) => {
    while (j < ranges.length && ranges[j]!.end <= candidate.start) j++;
    const range = ranges[j];
    return range !== undefined && range.start < candidate.end;
  });
}
