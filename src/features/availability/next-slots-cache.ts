/**
 * A short-lived, per-process memory of the next free slots shown in search result lists (B3). Lists may lag
 * reality by at most `ttlMs`; the practitioner's calendar and booking always read the database, so a slot taken
 * meanwhile is never booked twice (C8 lives in the database), it only disappears one click later.
 */
import type { Db } from '../../platform/db/database.ts';
import { findNextFreeSlots, nextSlotsKey, type AgendaKey, type NextFreeSlots, type NextFreeSlotsOptions } from './service.ts';

interface Entry {
  value: NextFreeSlots;
  expiresAt: number;
}

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
  const entries = new Map<string, Entry>();
  // Bumped by forgetPractitioner: an answer computed from reads made before a change is not remembered after it.
  const generations = new Map<string, number>();
  // Bumped by forgetAll, for the same reason.
  let allGeneration = 0;
  let hits = 0;
  let misses = 0;

  const entryKey = (key: AgendaKey, options: NextFreeSlotsOptions) =>
    `${key.practitionerId}:${key.placeId}:${key.reasonId}:${options.days ?? ''}:${options.limit ?? ''}:${options.horizonDays ?? ''}`;

  /** A remembered answer still good at `now`: not expired, and none of its slots started meanwhile. */
  const fresh = (entry: Entry | undefined, now: number): entry is Entry => {
    if (!entry || entry.expiresAt <= now) return false;
    const first = entry.value.slots[0]?.start ?? entry.value.nextAvailability;
    return first === null || first === undefined || Date.parse(first) > now;
  };

  return {
    async find(db, keys, options) {
      const now = options.now.getTime();
      const result = new Map<string, NextFreeSlots>();
      const missing: AgendaKey[] = [];
      for (const key of keys) {
        const entry = entries.get(entryKey(key, options));
        if (fresh(entry, now)) result.set(nextSlotsKey(key.practitionerId, key.placeId), entry.value);
        else missing.push(key);
      }
      hits += keys.length - missing.length;
      misses += missing.length;
      if (!missing.length) return result;
      const allGenerationAtRead = allGeneration;
      const generationAtRead = new Map(missing.map((key) => [key.practitionerId, generations.get(key.practitionerId) ?? 0]));
      const computed = await findNextFreeSlots(db, missing, options);
      for (const key of missing) {
        const mapKey = nextSlotsKey(key.practitionerId, key.placeId);
        const value = computed.get(mapKey);
        if (!value) continue;
        result.set(mapKey, value);
        if (allGeneration !== allGenerationAtRead) continue;
        if ((generations.get(key.practitionerId) ?? 0) !== generationAtRead.get(key.practitionerId)) continue;
        const cacheKey = entryKey(key, options);
        entries.delete(cacheKey);
        entries.set(cacheKey, { value, expiresAt: now + ttlMs });
      }
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
      return result;
    },
    forgetPractitioner(practitionerId) {
      generations.set(practitionerId, (generations.get(practitionerId) ?? 0) + 1);
      for (const key of entries.keys()) if (key.startsWith(`${practitionerId}:`)) entries.delete(key);
    },
    forgetAll() {
      allGeneration += 1;
      entries.clear();
    },
    stats: () => ({ hits, misses, size: entries.size }),
  };
}
