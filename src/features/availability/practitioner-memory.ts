/**
 * A short-lived, per-process memory of values computed from one practitioner's agenda, forgotten as soon as that
 * agenda changes (agenda-changes.ts announces it). A value read before a change is never remembered after it:
 * every practitioner has a generation, bumped by each change, and a value is stored only if its generation did not
 * move while it was being read.
 */

/** The generations a read started under; `remember` refuses a value once either moved. */
export interface ReadMark {
  all: number;
  own: number;
}

export interface PractitionerMemory<V> {
  /** The value remembered under `key` less than `ttlMs` ago, if any. */
  recall: (practitionerId: string, key: string, now: number) => V | undefined;
  /** Taken before reading what `remember` will store. */
  mark: (practitionerId: string) => ReadMark;
  remember: (practitionerId: string, key: string, value: V, mark: ReadMark, now: number) => void;
  /** Drops what is remembered of a practitioner's agendas (after a change of them, announced or notified). */
  forgetPractitioner: (practitionerId: string) => void;
  /** Drops everything remembered (when changes may have been missed, e.g. while the change listener was cut off). */
  forgetAll: () => void;
  size: () => number;
}

/** A memory of at most `maxEntries` values, the oldest dropped first. */
export function createPractitionerMemory<V>({ ttlMs, maxEntries = 50_000 }: { ttlMs: number; maxEntries?: number }): PractitionerMemory<V> {
  const entries = new Map<string, { value: V; expiresAt: number }>();
  const generations = new Map<string, number>();
  let allGeneration = 0;
  const entryKey = (practitionerId: string, key: string) => `${practitionerId}:${key}`;

  return {
    recall(practitionerId, key, now) {
      const entry = entries.get(entryKey(practitionerId, key));
      return entry && entry.expiresAt > now ? entry.value : undefined;
    },
    mark: (practitionerId) => ({ all: allGeneration, own: generations.get(practitionerId) ?? 0 }),
    remember(practitionerId, key, value, mark, now) {
      if (mark.all !== allGeneration || mark.own !== (generations.get(practitionerId) ?? 0)) return;
      const full = entryKey(practitionerId, key);
      entries.delete(full);
      entries.set(full, { value, expiresAt: now + ttlMs });
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    },
    forgetPractitioner(practitionerId) {
      generations.set(practitionerId, (generations.get(practitionerId) ?? 0) + 1);
      for (const key of entries.keys()) if (key.startsWith(`${practitionerId}:`)) entries.delete(key);
    },
    forgetAll() {
      allGeneration += 1;
      entries.clear();
    },
    size: () => entries.size,
  };
}
