import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRandom, drawWeighted, mixSeed, randomUuid, sample, seedFromText, weightedTable } from './random.ts';

const draws = (seed: number, count: number) => {
  const random = createRandom(seed);
  return Array.from({ length: count }, () => random.nextUint32());
};

test('the same seed replays the same sequence of numbers', () => {
  assert.deepEqual(draws(42, 1000), draws(42, 1000));
});

test('different seeds, even neighbouring ones, give different sequences', () => {
  assert.notDeepEqual(draws(42, 20), draws(43, 20));
  assert.notDeepEqual(draws(0, 20), draws(1, 20));
});

test('a seed of zero still produces varied numbers', () => {
  const values = new Set(draws(0, 1000));
  assert.ok(values.size > 990, `only ${values.size} distinct values`);
});

test('floats stay in [0, 1) and spread evenly over ten buckets', () => {
  const random = createRandom(7);
  const buckets = new Array<number>(10).fill(0);
  for (let i = 0; i < 100_000; i++) {
    const x = random.next();
    assert.ok(x >= 0 && x < 1);
    buckets[Math.floor(x * 10)]!++;
  }
  for (const count of buckets) assert.ok(Math.abs(count - 10_000) < 500, `bucket of ${count}`);
});

test('int() returns every value of its inclusive range and nothing outside', () => {
  const random = createRandom(3);
  const seen = new Set<number>();
  for (let i = 0; i < 10_000; i++) seen.add(random.int(2, 5));
  assert.deepEqual([...seen].sort(), [2, 3, 4, 5]);
});

test('weighted draws follow the weights', () => {
  const table = weightedTable(['city', 'town', 'village'], (name) => ({ city: 90, town: 9, village: 1 })[name]!);
  const random = createRandom(11);
  const counts = { city: 0, town: 0, village: 0 };
  for (let i = 0; i < 100_000; i++) counts[drawWeighted(random, table) as keyof typeof counts]++;
  assert.ok(Math.abs(counts.city - 90_000) < 1_000, `city ${counts.city}`);
  assert.ok(Math.abs(counts.town - 9_000) < 600, `town ${counts.town}`);
  assert.ok(Math.abs(counts.village - 1_000) < 200, `village ${counts.village}`);
});

test('an item of weight zero is never drawn', () => {
  const table = weightedTable(['never', 'always'], (name) => (name === 'never' ? 0 : 1));
  const random = createRandom(5);
  for (let i = 0; i < 10_000; i++) assert.equal(drawWeighted(random, table), 'always');
});

test('a weighted draw needs some positive weight', () => {
  assert.throws(() => weightedTable(['a'], () => 0), RangeError);
});

test('sample() returns distinct elements of the list', () => {
  const picked = sample(createRandom(9), [1, 2, 3, 4, 5, 6], 4);
  assert.equal(picked.length, 4);
  assert.equal(new Set(picked).size, 4);
  for (const x of picked) assert.ok(x >= 1 && x <= 6);
});

test('sub-stream seeds differ per practitioner and repeat per input', () => {
  assert.equal(mixSeed(1, 2, 3), mixSeed(1, 2, 3));
  assert.notEqual(mixSeed(1, 2, 1), mixSeed(1, 2, 2));
  assert.notEqual(mixSeed(1, 2, 1), mixSeed(1, 3, 1));
});

test('uuids are well formed, reproducible and distinct', () => {
  const make = () => { const r = createRandom(1); return Array.from({ length: 1000 }, () => randomUuid(r)); };
  const ids = make();
  assert.deepEqual(ids, make());
  assert.equal(new Set(ids).size, ids.length);
  for (const id of ids) assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
});

test('text seeds: digits are taken as numbers, words are hashed', () => {
  assert.equal(seedFromText('42'), 42);
  assert.equal(seedFromText('demo'), seedFromText('demo'));
  assert.notEqual(seedFromText('demo'), seedFromText('démo'));
});
