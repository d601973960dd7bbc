/**
 * A short-lived, per-process memory of the next free slots shown in search result lists (B3). Lists may lag
 * reality by at most `ttlMs`; the practitioner's calendar and booking always read the database, so a slot taken
 * meanwhile is never booked twice (C8 lives in the database), it only disappears one click later.
 */
import type { Db } from '../../platform/db/database.ts';
import { createPractitionerMemory } from './practitioner-memory.ts';
import { findNextFreeSlots, nextSlotsKey, type AgendaKey, type NextFreeSlots, type NextFreeSlotsOptions } from './service.ts';

export interface NextSlotsCache {
  /** Like findNextFreeSlots, answering from memory what it computed less than `ttlMs` ago. */
  find: (db: Db, keys: readonly AgendaKey[], options: NextFreeSlotsOptions) => Promise<Map<string, NextFreeSlots>>;
  /** Drops what is remembered of a practitioner's agendas (after a change of them, announced or notified). */
  forgetPractitioner: (practitionerId: string) => void;
  /** Drops everything remembered (when changes may have been missed, e.g. while the change listener was cut off). */
  forgetAll: () => void;
  stats: () => { hits: number; misses: number; size: number };
}

/** A cache of at most `maxEntries` agendas, the oldest dropped first. */
export function createNextSlotsCache({ ttlMs, maxEntries = 50_000 }: { ttlMs: number; maxEntries?: number }): NextSlotsCache {
  const memory = createPractitionerMemory<NextFreeSlots>({ ttlMs, maxEntries });
  let hits = 0;
  let misses = 0;

  const entryKey = (key: AgendaKey, options: NextFreeSlotsOptions) =>
    `${key.placeId}:${key.reasonId}:${options.days ?? ''}:${options.limit ?? ''}:${options.horizonDays ?? ''}`;

  /** A remembered answer still good at `now`: none of its slots started meanwhile. */
  const fresh = (value: NextFreeSlots | undefined, now: number): value is NextFreeSlots => {
    if (!value) return false;
    const first = value.slots[0]?.start ?? value.nextAvailability;
    return first === null || first === undefined || Date.parse(first) > now;
  };

  return {
    async find(db, keys, options) {
      const now = options.now.getTime();
      const result = new Map<string, NextFreeSlots>();
      const missing: AgendaKey[] = [];
      for (const key of keys) {
        const value = memory.recall(key.practitionerId, entryKey(key, options), now);
        if (fresh(value, now)) result.set(nextSlotsKey(key.practitionerId, key.placeId), value);
        else missing.push(key);
      }
      hits += keys.length - missing.length;
      misses += missing.length;
      if (!missing.length) return result;
      const marks = new Map(missing.map((key) => [key.practitionerId, memory.mark(key.practitionerId)]));
      const computed = await findNextFreeSlots(db, missing, options);
      for (const key of missing) {
        const value = computed.get(nextSlotsKey(key.practitionerId, key.placeId));
        if (!value) continue;
        result.set(nextSlotsKey(key.practitionerId, key.placeId), value);
        memory.remember(key.practitionerId, entryKey(key, options), value, marks.get(key.practitionerId)!, now);
      }
      return result;
    },
    forgetPractitioner: memory.forgetPractitioner,
    forgetAll: memory.forgetAll,
    stats: () => ({ hits, misses, size: memory.size() }),
  };
}
