import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { buildApp, type App } from '../../platform/http/app.ts';
import { featureRoutes } from '../routes.ts';
import { freshDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { COMMUNES, insertPractitioner, insertReferenceRows, northOf, type Point } from '../practitioners/practitioner-fixtures.ts';
import { fairnessWindow, fairOrder } from './domain/fairness.ts';
import { distanceSql, fairnessRankSql } from './search-repository.ts';

// Monday 2 March 2026, 07:30 in Paris.
const MONDAY = new Date('2026-03-02T06:30:00Z');
const HOUR = 60 * 60 * 1000;

describe('search: results near a place (B2, B3, B7)', () => {
  let t: TestDatabase;
  let app: App;
  let clock = MONDAY;
  let nantes: Point;
  const pediatricians: string[] = [];
  const cardiologists: Record<string, string> = {};

  const search = async (query: string, lang = 'fr') => {
    const res = await app.inject({ method: 'GET', url: `/api/search?${query}`, headers: { 'accept-language': lang } });
    assert.equal(res.statusCode, 200, res.body);
    return res.json();
  };

  before(async () => {
    t = await freshDatabase();
    const positions = await insertReferenceRows(t.db);
    nantes = positions.nantes;
    const { nantes: n, reze } = COMMUNES;
    // Cardiologists: one per distance band, the one in Nantes itself farther than the nearest one in Rezé.
    const bands: [string, number, string][] = [
      ['Commune', 3, n.code], ['Proche', 1, reze.code], ['Sept', 7, reze.code], ['Quinze', 15, reze.code],
      ['Quarante', 40, reze.code], ['Quatrevingts', 80, reze.code], ['Lointain', 150, reze.code],
    ];
    for (const [lastName, km, communeCode] of bands) {
      cardiologists[lastName] = (await insertPractitioner(t.db, {
        lastName, specialtyCode: 'SM04', places: [{ at: northOf(nantes, km), communeCode }],
      })).id;
    }
    // Psychiatrists: 5 within 10 km (one of them with 6 places there), 7 more within 25 km, 3 more within 50 km.
    for (const [count, km] of [[4, 2], [7, 20], [3, 40]] as const) {
      for (let i = 0; i < count; i++) {
        await insertPractitioner(t.db, { lastName: `Psy${km}-${i}`, specialtyCode: 'SM41', places: [{ at: northOf(nantes, km), communeCode: reze.code }] });
      }
    }
    const sixPlaces = [3, 3.1, 3.2, 3.3, 3.4, 3.5].map((km) => ({ at: northOf(nantes, km), communeCode: reze.code }));
    await insertPractitioner(t.db, { lastName: 'PsySixCabinets', specialtyCode: 'SM41', places: sixPlaces });
    // Pediatricians: 23 in Nantes, all in the same band.
    for (let i = 0; i < 23; i++) {
      pediatricians.push((await insertPractitioner(t.db, {
        lastName: `Pediatre${i}`, specialtyCode: 'SM39', places: [{ at: northOf(nantes, 0.1 + i / 100), communeCode: n.code }],
      })).id);
    }
    // Ophthalmologists found by name or establishment; one without online booking.
    await insertPractitioner(t.db, {
      firstName: 'Hélène', lastName: 'Dupont', specialtyCode: 'SM38',
      places: [{ at: northOf(nantes, 1), communeCode: n.code, name: 'Centre médical Pasteur' }],
      reasons: [{ kind: 'eye-exam', durationMinutes: 20 }],
    });
    await insertPractitioner(t.db, { firstName: 'Hélène', lastName: 'Dupuis', specialtyCode: 'SM38', places: [{ at: northOf(nantes, 2), communeCode: n.code }] });
    await insertPractitioner(t.db, {
      firstName: 'Jean', lastName: 'Horsligne', specialtyCode: 'SM38', onlineBooking: false, phone: '+33240111111',
      places: [{ at: northOf(nantes, 3), communeCode: n.code }],
    });
    app = await buildApp({ context: { db: t.db, now: () => clock }, routes: featureRoutes });
  });
  after(async () => {
    await app.close();
    await t.drop();
  });

  it('lists the searched commune first, then the nearest places band by band, widening to 100 km', async () => {
    const body = await search(`specialty=cardiologue&where=${COMMUNES.nantes.code}`);
    const names = body.results.map((r: { name: string }) => r.name);
    assert.deepEqual(names, ['Commune', 'Proche', 'Sept', 'Quinze', 'Quarante', 'Quatrevingts'].map((n) => `Dr Claire ${n}`));
    assert.equal(body.query.radiusKm, 100);
    assert.equal(body.total, 6);
    assert.deepEqual(body.results.map((r: { distanceKm: number }) => Math.round(r.distanceKm)), [3, 1, 7, 15, 40, 80]);
  });

  it('stops widening at the first radius holding ten practitioners, counting each practitioner once', async () => {
    const body = await search(`specialty=psychiatre&where=${COMMUNES.nantes.code}`);
    assert.equal(body.query.radiusKm, 25);
    assert.equal(body.total, 12);
    assert.ok(body.results.every((r: { distanceKm: number }) => r.distanceKm <= 25));
  });

  it('pages ten by ten with the total and the page count, each practitioner once', async () => {
    const pages = await Promise.all([1, 2, 3].map((page) => search(`specialty=pediatre&where=${COMMUNES.nantes.code}&page=${page}`)));
    assert.deepEqual(pages.map((p) => p.results.length), [10, 10, 3]);
    assert.deepEqual(pages.map((p) => [p.total, p.pageCount, p.page]), [[23, 3, 1], [23, 3, 2], [23, 3, 3]]);
    const seen = pages.flatMap((p) => p.results.map((r: { practitionerId: string }) => r.practitionerId));
    assert.deepEqual([...seen].sort(), [...pediatricians].sort());
  });

  it('answers a page past the end with no results but the total', async () => {
    const body = await search(`specialty=pediatre&where=${COMMUNES.nantes.code}&page=4`);
    assert.deepEqual([body.results.length, body.total, body.pageCount], [0, 23, 3]);
  });

  it('orders equally near practitioners in the fair order of the 2-hour window, the same as the domain function', async () => {
    const ids = async () => {
      const pages = await Promise.all([1, 2, 3].map((page) => search(`specialty=pediatre&where=${COMMUNES.nantes.code}&page=${page}`)));
      return pages.flatMap((p) => p.results.map((r: { practitionerId: string }) => r.practitionerId));
    };
    clock = MONDAY;
    const first = await ids();
    assert.deepEqual(first, fairOrder(pediatricians, fairnessWindow(MONDAY)));
    clock = new Date(MONDAY.getTime() + HOUR);
    assert.deepEqual(await ids(), first, 'same window, same order');
    clock = new Date(MONDAY.getTime() + 2 * HOUR);
    const next = await ids();
    assert.notDeepEqual(next, first, 'next window, another order');
    assert.deepEqual(next, fairOrder(pediatricians, fairnessWindow(clock)));
    clock = MONDAY;
  });

  it('computes the fair rank in SQL exactly as the domain does', async () => {
    const window = fairnessWindow(MONDAY);
    const { rows } = await sql<{ id: string; rank: string }>`
      select id::text as id, ${fairnessRankSql(sql`id`, window)}::text as rank from practitioners order by id`.execute(t.db);
    const { fairnessRank } = await import('./domain/fairness.ts');
    for (const row of rows) assert.equal(Number(row.rank), fairnessRank(row.id, window));
  });

  it('measures distances exactly like earth_distance(ll_to_earth(…), ll_to_earth(…))', async () => {
    const { rows } = await sql<{ fast: number; reference: number }>`
      select ${distanceSql(nantes, sql`pl.latitude`, sql`pl.longitude`)} as fast,
             earth_distance(ll_to_earth(${nantes.latitude}::float8, ${nantes.longitude}::float8), ll_to_earth(pl.latitude, pl.longitude)) as reference
        from places pl`.execute(t.db);
    assert.ok(rows.length > 40);
    for (const row of rows) assert.ok(Math.abs(row.fast - row.reference) < 1e-3, `${row.fast} vs ${row.reference}`);
  });

  it('finds a practitioner by a misspelt name without accents (« helene dupond »)', async () => {
    const body = await search(`what=${encodeURIComponent('helene dupond')}&where=${COMMUNES.nantes.code}`);
    assert.equal(body.query.unresolved, null);
    assert.equal(body.results[0].name, 'Dr Hélène Dupont');
  });

  it('finds the practitioners of an establishment by its name', async () => {
    const body = await search(`what=${encodeURIComponent('centre medical pasteur')}`);
    assert.deepEqual(body.results.map((r: { name: string }) => r.name), ['Dr Hélène Dupont']);
    assert.equal(body.results[0].place.name, 'Centre médical Pasteur');
  });

  it('resolves free text to a specialty and a commune name to its commune', async () => {
    const body = await search(`what=ophtal&where=nantes`, 'en');
    assert.deepEqual(body.query.specialty, { slug: 'ophtalmologue', label: 'Ophthalmologist' });
    assert.deepEqual(body.query.place, { code: COMMUNES.nantes.code, name: 'Nantes', postalCode: '44000' });
    assert.equal(body.total, 3);
  });

  it('resolves free text to a visit reason and lists those offering it online, with its slots', async () => {
    const body = await search(`what=${encodeURIComponent('examen de la vue')}&where=${COMMUNES.nantes.code}`);
    assert.equal(body.query.specialty, null);
    assert.deepEqual(body.results.map((r: { name: string }) => r.name), ['Dr Hélène Dupont']);
    assert.equal(body.results[0].nextSlots[0].end, '2026-03-02T07:20:00.000Z');
  });

  it('resolves a postal code and a suggestion label typed back to their commune', async () => {
    for (const where of ['44000', 'Nantes (44000)', 'NANTES']) {
      const body = await search(`specialty=cardiologue&where=${encodeURIComponent(where)}`);
      assert.equal(body.query.place?.code, COMMUNES.nantes.code, where);
    }
  });

  it('says which part is unresolved, with an empty list, when nothing matches', async () => {
    const place = await search(`specialty=cardiologue&where=${encodeURIComponent('zzqxw kkj')}`);
    assert.deepEqual([place.query.unresolved, place.total, place.results.length], ['place', 0, 0]);
    const what = await search(`what=xqzzyv&where=${COMMUNES.nantes.code}`);
    assert.deepEqual([what.query.unresolved, what.total], ['what', 0]);
    const slug = await search(`specialty=astrologue&where=${COMMUNES.nantes.code}`);
    assert.equal(slug.query.unresolved, 'what');
  });

  it('gives the first four free slots and the next availability of the listed reason', async () => {
    const body = await search(`what=${encodeURIComponent('Dr Hélène Dupont')}&where=${COMMUNES.nantes.code}`);
    const dupont = body.results[0];
    assert.equal(dupont.onlineBooking, true);
    assert.ok(dupont.reasonId);
    assert.deepEqual(dupont.nextSlots.map((s: { start: string }) => s.start),
      ['2026-03-02T07:00:00.000Z', '2026-03-02T07:20:00.000Z', '2026-03-02T07:40:00.000Z', '2026-03-02T08:00:00.000Z']);
    assert.equal(dupont.nextAvailability, '2026-03-02T07:00:00.000Z');
  });

  it('describes its routes in the OpenAPI document', async () => {
    const paths = Object.keys((await app.inject({ method: 'GET', url: '/api/docs/json' })).json().paths);
    for (const path of ['/api/suggest', '/api/places/suggest', '/api/search', '/api/practitioners/{id}']) assert.ok(paths.includes(path), path);
  });

  it('lists a practitioner without online booking with its phone and no slots (B7)', async () => {
    const body = await search(`specialty=ophtalmologue&where=${COMMUNES.nantes.code}`);
    const offline = body.results.find((r: { name: string }) => r.name === 'Dr Jean Horsligne');
    assert.deepEqual(
      [offline.onlineBooking, offline.phone, offline.nextSlots, offline.nextAvailability, offline.reasonId],
      [false, '+33240111111', [], null, null]);
  });
});
