/**
 * Seeded pseudo-random numbers for the demo dataset: the same seed always gives the same data.
 *
 * Generator: xoshiro128** (Blackman & Vigna, 2018) — 128 bits of state, period 2^128 − 1, good statistical quality,
 * only 32-bit integer operations (fast in JavaScript). Its state is filled by splitmix32, so that any 32-bit seed,
 * even 0, gives a well-mixed start. Not for security: it is fully predictable by design.
 */

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** A 32-bit unsigned integer. */
  nextUint32(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One element of a non-empty array, uniformly. */
  pick<T>(items: readonly T[]): T;
}

/** One step of splitmix32: a strong 32-bit mixer used to spread seeds over the generator state. */
function splitmix32(state: number): { value: number; state: number } {
  const next = (state + 0x9e3779b9) | 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return { value: (z ^ (z >>> 16)) >>> 0, state: next };
}

/** Hashes a list of integers into one 32-bit seed (order matters), so that sub-streams are independent. */
export function mixSeed(...parts: number[]): number {
  let hash = 0x2545f491;
  for (const part of parts) hash = splitmix32(hash ^ Math.imul(part | 0, 0x27d4eb2d)).value;
  return hash;
}

/** A string seed (« demo », « 42 ») as a 32-bit number: digits are taken as is, other text is hashed (FNV-1a). */
export function seedFromText(text: string): number {
  if (/^\d+$/.test(text)) return Number(BigInt(text) % 4294967296n);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

const rotl = (x: number, k: number) => (x << k) | (x >>> (32 - k));

/** xoshiro128** as a class: the hot path of the generator (millions of draws), kept monomorphic for V8. */
class Xoshiro128 implements Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    const words: number[] = [];
    for (let i = 0, state = seed | 0; i < 4; i++) {
      const step = splitmix32(state);
      state = step.state;
      words.push(step.value | 0);
    }
    this.a = words[0]!;
    this.b = words[1]!;
    this.c = words[2]!;
    this.d = words[3]!;
  }

  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9);
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result >>> 0;
  }

  next(): number {
    return this.nextUint32() / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }
}

/** A xoshiro128** generator seeded from `seed` (any 32-bit integer). */
export function createRandom(seed: number): Random {
  return new Xoshiro128(seed);
}

/** Items with their cumulative weights, for O(log n) weighted draws over large lists (35,000 communes). */
export interface WeightedTable<T> {
  items: readonly T[];
  cumulative: Float64Array;
  total: number;
}

/** Prepares a weighted draw; items of weight ≤ 0 are never drawn. */
export function weightedTable<T>(items: readonly T[], weightOf: (item: T) => number): WeightedTable<T> {
  const cumulative = new Float64Array(items.length);
  let total = 0;
  items.forEach((item, i) => {
    total += Math.max(0, weightOf(item));
    cumulative[i] = total;
  });
  if (!(total > 0)) throw new RangeError('a weighted draw needs at least one positive weight');
  return { items, cumulative, total };
}

/** Draws one item with probability proportional to its weight (binary search on the cumulative weights). */
export function drawWeighted<T>(random: Random, table: WeightedTable<T>): T {
  const target = random.next() * table.total;
  let low = 0;
  let high = table.cumulative.length - 1;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((table.cumulative[mid] as number) > target) high = mid;
    else low = mid + 1;
  }
  return table.items[low] as T;
}

/** Draws from a small inline list of [item, weight] pairs. */
export function drawFrom<T>(random: Random, choices: readonly (readonly [T, number])[]): T {
  let total = 0;
  for (const [, weight] of choices) total += weight;
  let target = random.next() * total;
  for (const [item, weight] of choices) {
    target -= weight;
    if (target < 0) return item;
  }
  return (choices[choices.length - 1] as readonly [T, number])[0];
}

/** `count` distinct elements of `items` in random order (partial Fisher–Yates on a copy). */
export function sample<T>(random: Random, items: readonly T[], count: number): T[] {
  const copy = items.slice();
  const n = Math.min(count, copy.length);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(random.next() * (copy.length - i));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy.slice(0, n);
}

const HEX_BYTES = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Eight hex digits of a 32-bit word. */
function hex32(word: number): string {
  return HEX_BYTES[word >>> 24]! + HEX_BYTES[(word >>> 16) & 0xff]! + HEX_BYTES[(word >>> 8) & 0xff]! + HEX_BYTES[word & 0xff]!;
}

/** A version-4-shaped UUID made from the generator, so that appointment ids are reproducible too. */
export function randomUuid(random: Random): string {
  const a = hex32(random.nextUint32());
  const b = hex32(((random.nextUint32() & 0xffff0fff) | 0x00004000) >>> 0);
  const c = hex32(((random.nextUint32() & 0x3fffffff) | 0x80000000) >>> 0);
  const d = hex32(random.nextUint32());
  return `${a}-${b.slice(0, 4)}-${b.slice(4)}-${c.slice(0, 4)}-${c.slice(4)}${d}`;
}
