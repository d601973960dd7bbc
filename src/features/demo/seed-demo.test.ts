import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { freshDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { getAvailabilityCalendar } from '../availability/index.ts';
import { seedDemo, seedDemoIfEmpty, DemoDataAlreadyPresent, type SeedReport } from './index.ts';

const PRACTITIONERS = 60;
const NOW = new Date();
let t: TestDatabase;
let report: SeedReport;

before(async () => {
  t = await freshDatabase();
  report = await seedDemo(t.pool, { practitioners: PRACTITIONERS, seed: 2026, now: NOW });
});
after(async () => t.drop());

/** Free slots of the next four weeks of one agenda, as patients see them. */
async function freeSlotCount(practitionerId: string, placeId: string, reasonId: string): Promise<number> {
  const calendar = await getAvailabilityCalendar(t.db, { practitionerId, placeId, reasonId, days: 28, now: NOW });
  return calendar.calendar.reduce((sum, day) => sum + day.slots.length, 0);
}

test('the requested number of practitioners is created, each with a place, reasons, hours and appointments', () => {
  assert.equal(report.rows.practitioners, PRACTITIONERS);
  assert.ok(report.rows.places >= PRACTITIONERS);
  assert.ok(report.rows.visit_reasons >= 2 * PRACTITIONERS);
  assert.ok(report.rows.opening_rules > PRACTITIONERS);
  assert.ok(report.rows.appointments > 50 * PRACTITIONERS);
});

test('practitioners concentrate where people live: their towns are far bigger than the average commune', async () => {
  const { rows: [row] } = await sql<{ practitionerTowns: number; communes: number }>`
    select (select avg(c.population) from places pl join communes c on c.code = pl.commune_code)::float8 as "practitionerTowns",
           (select avg(population) from communes where population > 0)::float8 as communes`.execute(t.db);
  assert.ok(row!.practitionerTowns > 10 * row!.communes, `${row!.practitionerTowns} vs ${row!.communes}`);
});

test('no practitioner has two overlapping appointments', async () => {
  const { rows: [row] } = await sql<{ overlaps: number }>`
    select count(*)::int as overlaps from appointments a join appointments b
        on a.practitioner_id = b.practitioner_id and a.id < b.id and a.slot_group <> b.slot_group
       and tstzrange(a.starts_at, a.ends_at) && tstzrange(b.starts_at, b.ends_at)`.execute(t.db);
  assert.equal(row!.overlaps, 0);
});

test('the overlap constraint is back after the load: a clashing appointment is refused (C8)', async () => {
  const taken = await t.db.selectFrom('appointments')
    .select(['practitioner_id', 'place_id', 'reason_id', 'starts_at', 'ends_at']).limit(1).executeTakeFirstOrThrow();
  await assert.rejects(
    t.db.insertInto('appointments').values({ ...taken, status: 'booked', hold_expires_at: null }).execute(),
    /appointments_no_overlap/);
});

test('about 60 % of the next four weeks\' bookable slots are already taken', async (context) => {
  const { rows: agendas } = await sql<{ practitionerId: string; placeId: string; reasonId: string }>`
    select distinct p.id::text as "practitionerId", o.place_id::text as "placeId", r.id::text as "reasonId"
      from practitioners p join visit_reasons r on r.practitioner_id = p.id and r.position = 0
      join opening_rules o on o.practitioner_id = p.id and r.id = any(o.reason_ids)
     where p.online_booking`.execute(t.db);
  let free = 0;
  for (const a of agendas) free += await freeSlotCount(a.practitionerId, a.placeId, a.reasonId);
  await sql`update appointments set status = 'cancelled'`.execute(t.db);
  let open = 0;
  for (const a of agendas) open += await freeSlotCount(a.practitionerId, a.placeId, a.reasonId);
  await sql`update appointments set status = 'booked'`.execute(t.db);
  const taken = 1 - free / open;
  context.diagnostic(`${(taken * 100).toFixed(1)} % of ${open} bookable slots taken`);
  assert.ok(open > 1000, `${open} bookable slots`);
  assert.ok(taken > 0.45 && taken < 0.75, `${(taken * 100).toFixed(1)} % taken`);
});

test('some practitioners do not book online (B7), and they still have a phone number', async () => {
  const offline = await t.db.selectFrom('practitioners').select(['id', 'phone']).where('online_booking', '=', false).execute();
  assert.ok(offline.length > 0 && offline.length < PRACTITIONERS / 4, `${offline.length} offline`);
  for (const p of offline) assert.match(p.phone ?? '', /^\+33\d{9}$/);
});

test('every practitioner booking online has an online-bookable reason offered by an opening rule', async () => {
  const { rows } = await sql<{ id: string }>`
    select p.id from practitioners p
     where p.online_booking and not exists (
       select 1 from visit_reasons r join opening_rules o on o.practitioner_id = p.id and r.id = any(o.reason_ids)
        where r.practitioner_id = p.id and r.online_bookable)
        or not exists (select 1 from places pl where pl.practitioner_id = p.id)`.execute(t.db);
  assert.deepEqual(rows, []);
});

test('places carry their practitioner\'s specialty for search', async () => {
  const { rows: [row] } = await sql<{ mismatches: number }>`
    select count(*)::int as mismatches from places pl join practitioners p on p.id = pl.practitioner_id
     where pl.specialty_code is distinct from p.specialty_code`.execute(t.db);
  assert.equal(row!.mismatches, 0);
});

test('the application can add its own rows after the load: identity sequences continue after our ids', async () => {
  const practitioner = await t.db.insertInto('practitioners').values({
    rpps: '19999999999', civility: 'MME', title: null, first_name: 'Test', last_name: 'Sequence', profession_code: '60',
    specialty_code: 'G15_60', sector: 'conventionne', phone: null, presentation: null,
  }).returning('id').executeTakeFirstOrThrow();
  assert.equal(Number(practitioner.id), PRACTITIONERS + 1);
  await t.db.deleteFrom('practitioners').where('id', '=', practitioner.id).execute();
});

test('seeding again is refused while data is there, and the first-start seeding leaves it alone', async () => {
  await assert.rejects(seedDemo(t.pool, { practitioners: 5, now: NOW }), DemoDataAlreadyPresent);
  assert.equal(await seedDemoIfEmpty(t.db, { practitioners: 5 }), null);
  const { rows: [row] } = await sql<{ count: number }>`select count(*)::int as count from practitioners`.execute(t.db);
  assert.equal(row!.count, PRACTITIONERS);
});

test('a reset replaces the demo data with the same data for the same seed and moment', async () => {
  const fingerprint = async () => (await sql<{ digest: string }>`
    select md5(string_agg(id::text || starts_at::text || reason_id::text, ',' order by id)) as digest
      from appointments`.execute(t.db)).rows[0]!.digest;
  const before = await fingerprint();
  await seedDemo(t.pool, { practitioners: PRACTITIONERS, seed: 2026, now: NOW, reset: true });
  assert.equal(await fingerprint(), before);
});
