import { test } from 'node:test';
import assert from 'node:assert/strict';
import { landlineFor, mobileNumber } from './contact.ts';
import { createRandom } from './random.ts';

/** The blocks ARCEP reserves for fiction: 01 99 00, 02 61 91, 03 53 01, 04 65 71, 05 36 49 xx xx and 06 39 98 xx xx. */
const FICTION_NUMBER = /^\+33(19900|26191|35301|46571|53649|63998)\d{4}$/;
const LANDLINE_BLOCK_BY_DEPARTEMENT: readonly (readonly [string, string])[] = [
  ['75', '+3319900'], ['93', '+3319900'], ['44', '+3326191'], ['29', '+3326191'], ['67', '+3335301'], ['59', '+3335301'],
  ['69', '+3346571'], ['13', '+3346571'], ['2A', '+3346571'], ['33', '+3353649'], ['31', '+3353649'],
];

test('every demo landline is in the fiction block of its département\'s zone', () => {
  const random = createRandom(5);
  for (const [departement, block] of LANDLINE_BLOCK_BY_DEPARTEMENT) {
    for (let i = 0; i < 200; i++) {
      const phone = landlineFor(random, departement);
      assert.match(phone, FICTION_NUMBER);
      assert.ok(phone.startsWith(block), `${departement}: ${phone}`);
    }
  }
});

test('every demo mobile number is in the fiction block 06 39 98', () => {
  const random = createRandom(6);
  for (let i = 0; i < 2_000; i++) assert.match(mobileNumber(random), /^\+3363998\d{4}$/);
});

test('demo numbers vary within their block and are the same for the same seed', () => {
  const draw = (seed: number) => {
    const random = createRandom(seed);
    return Array.from({ length: 50 }, () => landlineFor(random, '75'));
  };
  assert.deepEqual(draw(9), draw(9));
  assert.ok(new Set(draw(9)).size > 40);
});
