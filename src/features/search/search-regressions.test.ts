import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { buildApp, type App } from '../../platform/http/app.ts';
import { featureRoutes } from '../routes.ts';
import { freshDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { COMMUNES, insertPractitioner, insertReferenceRows, northOf, type Point } from '../practitioners/practitioner-fixtures.ts';
import { AVAILABILITY_SCAN_LIMIT, searchPractitioners } from './service.ts';

// Monday 2 March 2026, 07:30 in Paris.
const MONDAY = new Date('2026-03-02T06:30:00Z');

/** Aix-en-Provence's INSEE code 13001 is the postal code of Marseille 1er (Marseille is commune 13055). */
const AIX = '13001';
const MARSEILLE = '13055';

describe('search: places, filters and bands (review regressions)', () => {
  let t: TestDatabase;
  let app: App;
  let nantes: Point;

  const search = async (query: string) => {
    const res = await app.inject({ method: 'GET', url: `/api/search?${query}` });
    assert.equal(res.statusCode, 200, res.body);
    return res.json();
  };
  const names = (body: { results: { name: string }[] }) => body.results.map((r) => r.name.replace('Dr Claire ', ''));

  before(async () => {
    t = await freshDatabase();
    nantes = (await insertReferenceRows(t.db)).nantes;
    const marseille = await t.db.selectFrom('communes').select(['latitude', 'longitude']).where('code', '=', MARSEILLE).executeTakeFirstOrThrow();
    const { nantes: n, reze } = COMMUNES;
    // Ophthalmologists: the nearest place of Multi does not offer the eye exam, the farther one does.
    await insertPractitioner(t.db, {
      lastName: 'Multi', specialtyCode: 'SM38',
      places: [{ at: northOf(nantes, 1), communeCode: n.code }, { at: northOf(nantes, 4), communeCode: n.code }],
      reasons: [{ kind: 'first-consultation' }, { kind: 'eye-exam', atPlaces: [1] }],
    });
    // Nulle part: an eye exam no opening rule offers.
    await insertPractitioner(t.db, {
      lastName: 'Nullepart', specialtyCode: 'SM38', places: [{ at: northOf(nantes, 2), communeCode: n.code }],
      reasons: [{ kind: 'first-consultation' }, { kind: 'eye-exam', atPlaces: [] }],
    });
    // Dermatologists offering video, one of them without online booking.
    await insertPractitioner(t.db, {
      lastName: 'Video', specialtyCode: 'SM15', places: [{ at: northOf(nantes, 1), communeCode: n.code }],
      reasons: [{ kind: 'video-consultation', video: true }],
    });
    await insertPractitioner(t.db, {
      lastName: 'Horsligne', specialtyCode: 'SM15', onlineBooking: false, places: [{ at: northOf(nantes, 2), communeCode: n.code }],
      reasons: [{ kind: 'video-consultation', video: true }],
    });
    // General practitioners: one in Nantes 8 km away, one in Rezé 1 km away.
    await insertPractitioner(t.db, { lastName: 'Loinnantes', specialtyCode: 'SM54', places: [{ at: northOf(nantes, 8), communeCode: n.code }] });
    await insertPractitioner(t.db, { lastName: 'ProcheReze', specialtyCode: 'SM54', places: [{ at: northOf(nantes, 1), communeCode: reze.code }] });
    // A cardiologist in Marseille 1er.
    await insertPractitioner(t.db, { lastName: 'Canebiere', specialtyCode: 'SM04', places: [{ at: marseille, communeCode: MARSEILLE, postalCode: '13001' }] });
    app = await buildApp({ context: { db: t.db, now: () => MONDAY }, routes: featureRoutes });
  });
  after(async () => {
    await app.close();
    await t.drop();
  });

  it('reads a typed postal code as a postal code, not as the INSEE code of another commune (13001 is Marseille 1er)', async () => {
    const body = await search('specialty=cardiologue&where=13001');
    assert.deepEqual([body.query.place.code, body.query.place.postalCode], [MARSEILLE, '13001']);
    assert.deepEqual(names(body), ['Canebiere']);
  });

  it('searches around the picked commune of `place`, which wins over the typed `where`', async () => {
    assert.equal((await search(`specialty=cardiologue&place=${AIX}`)).query.place.name, 'Aix-en-Provence');
    assert.equal((await search(`specialty=cardiologue&place=${MARSEILLE}&where=nantes`)).query.place.code, MARSEILLE);
    assert.equal((await search(`what=cardio&place=${AIX}`)).query.place.code, AIX);
  });

  it('still reads typed digits as an INSEE code when no commune has that postal code', async () => {
    assert.equal((await search(`specialty=cardiologue&where=${COMMUNES.nantes.code}`)).query.place.code, COMMUNES.nantes.code);
  });

  it('says the place is unresolved for an unknown `place` code, and rejects a `place` that is not a code', async () => {
    const body = await search('specialty=cardiologue&place=99999');
    assert.deepEqual([body.query.unresolved, body.total], ['place', 0]);
    const res = await app.inject({ method: 'GET', url: '/api/search?specialty=cardiologue&place=nantes' });
    assert.equal(res.statusCode, 400);
  });

  it('lists a practitioner for a reason at the place offering it, with its slots, even when another place is nearer', async () => {
    const body = await search(`specialty=ophtalmologue&place=${COMMUNES.nantes.code}&reason=eye-exam`);
    assert.deepEqual(names(body), ['Multi']);
    const [multi] = body.results;
    assert.equal(Math.round(multi.distanceKm), 4);
    assert.ok(multi.reasonId);
    assert.ok(multi.nextSlots.length > 0);
  });

  it('keeps the practitioner listed with the reason filter and available within 3 days', async () => {
    const body = await search(`specialty=ophtalmologue&place=${COMMUNES.nantes.code}&reason=eye-exam&availableWithin=3`);
    assert.deepEqual(names(body), ['Multi']);
  });

  it('leaves out practitioners without online booking from the video filter', async () => {
    assert.deepEqual(names(await search(`specialty=dermatologue&place=${COMMUNES.nantes.code}&video=true`)), ['Video']);
  });

  it('lists a big commune by distance: its places beyond the first band come after a nearer neighbour', async () => {
    const body = await search(`specialty=medecin-generaliste&place=${COMMUNES.nantes.code}`);
    assert.deepEqual(names(body), ['ProcheReze', 'Loinnantes']);
  });

  it('matches fullwidth LIKE wildcards (« ％ », « ＿ ») as themselves, not as any text', async () => {
    for (const q of ['％', '＿', 'n％', '％％％']) {
      const res = await app.inject({ method: 'GET', url: `/api/places/suggest?q=${encodeURIComponent(q)}` });
      assert.deepEqual(res.json().places, [], q);
      const what = await app.inject({ method: 'GET', url: `/api/suggest?q=${encodeURIComponent(q)}` });
      assert.deepEqual(what.json().practitioners, [], q);
    }
  });
});

describe('search: availability filter past the scan limit (B4)', () => {
  let t: TestDatabase;

  before(async () => {
    t = await freshDatabase();
    const { nantes } = await insertReferenceRows(t.db);
    // More psychiatrists within 10 km than the availability scan checks.
    await sql`
      with p as (
        insert into practitioners (rpps, civility, title, first_name, last_name, profession_code, specialty_code, sector)
        select lpad((39000000000 + g)::text, 11, '0'), 'MME', 'DR', 'Claire', 'Psy' || g, '10', 'SM41', '1'
          from generate_series(1, ${AVAILABILITY_SCAN_LIMIT + 5}) g
        returning id)
      insert into places (practitioner_id, address, postal_code, commune_code, latitude, longitude)
      select p.id, '1 rue', '44000', ${COMMUNES.nantes.code}, ${nantes.latitude}::float8 + (p.id % 50) * 0.001, ${nantes.longitude}::float8
        from p`.execute(t.db);
  });
  after(async () => t.drop());

  it('reports the radius it checked rather than widening over the same nearest candidates', async () => {
    const body = await searchPractitioners(t.db, {
      what: '', specialty: 'psychiatre', place: COMMUNES.nantes.code, where: '', availableWithin: 3, sectors: [],
      reason: null, language: null, video: false, page: 1,
    }, { now: MONDAY, lang: 'fr', findNextFreeSlots: async () => new Map() });
    assert.equal(body.query.radiusKm, 10);
    assert.equal(body.total, 0);
  });
});
