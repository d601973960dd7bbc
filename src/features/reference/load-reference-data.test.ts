import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { freshDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { loadReferenceData } from './load-reference-data.ts';
import { PROFESSIONS, REASON_KINDS, SPECIALTIES } from './nomenclature.ts';

let t: TestDatabase;
before(async () => {
  t = await freshDatabase();
});
after(async () => {
  await t.drop();
});

async function count(table: 'communes' | 'professions' | 'specialties' | 'reason_kinds' | 'public_holidays'): Promise<number> {
  const row = await t.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

test('every database starts with the nomenclatures, about 35 000 communes and the holidays of 2024–2035', async () => {
  assert.deepEqual(
    [await count('professions'), await count('specialties'), await count('reason_kinds')],
    [PROFESSIONS.length, SPECIALTIES.length, REASON_KINDS.length],
  );
  assert.ok((await count('communes')) > 34_000);
  const years = await t.db.selectFrom('public_holidays')
    .select([sql<number>`min(extract(year from day))::int`.as('first'), sql<number>`max(extract(year from day))::int`.as('last')])
    .executeTakeFirstOrThrow();
  assert.deepEqual([years.first, years.last], [2024, 2035]);
});

test('Nantes is found with its four postal codes and an exact position', async () => {
  const nantes = await t.db.selectFrom('communes').selectAll().where('code', '=', '44109').executeTakeFirstOrThrow();
  assert.deepEqual(nantes.postal_codes, ['44000', '44100', '44200', '44300']);
  assert.equal(nantes.approximate_position, false);
  assert.ok(Math.abs(nantes.latitude - 47.22) < 0.05 && Math.abs(nantes.longitude + 1.55) < 0.05);
});

test('Paris, Lyon and Marseille carry the postal codes of their arrondissements', async () => {
  const rows = await t.db.selectFrom('communes').select(['name', 'postal_codes'])
    .where('code', 'in', ['75056', '69123', '13055']).orderBy('code').execute();
  assert.deepEqual(rows.map((r) => [r.name, r.postal_codes.length, r.postal_codes[0]]),
    [['Marseille', 16, '13001'], ['Lyon', 9, '69001'], ['Paris', 21, '75001']]);
});

test('a commune can be found from a postal code prefix typed so far (« 440 »)', async () => {
  const rows = await t.db.selectFrom('communes').select('name')
    .where(sql<boolean>`exists (select 1 from unnest(postal_codes) pc where pc like ${'440%'})`).execute();
  assert.ok(rows.some((r) => r.name === 'Nantes'));
});

test('the search name of a commune is accent-free for accent-tolerant suggestions', async () => {
  const row = await t.db.selectFrom('communes').select('search_name').where('code', '=', '2A004').executeTakeFirstOrThrow();
  assert.equal(row.search_name, 'ajaccio');
  const evry = await t.db.selectFrom('communes').select('search_name').where('code', '=', '91228').executeTakeFirstOrThrow();
  assert.equal(evry.search_name, 'evry-courcouronnes');
});

test('Alsace-Moselle closes on Good Friday 2026 and the rest of France does not', async () => {
  const rows = await t.db.selectFrom('public_holidays').select('area').where('day', '=', '2026-04-03').execute();
  assert.deepEqual(rows.map((r) => r.area), ['alsace-moselle']);
});

test('loading again changes nothing', async () => {
  const before = await count('communes');
  const result = await loadReferenceData(t.db);
  assert.equal(result.loaded, false);
  assert.equal(await count('communes'), before);
});

test('loading into an empty database writes everything in one go', async () => {
  await sql`truncate communes, public_holidays, reason_kinds, specialties, professions cascade`.execute(t.db);
  const result = await loadReferenceData(t.db);
  assert.equal(result.loaded, true);
  assert.deepEqual([await count('communes'), await count('public_holidays')], [result.communes, result.holidays]);
  assert.equal(await count('specialties'), SPECIALTIES.length);
});
