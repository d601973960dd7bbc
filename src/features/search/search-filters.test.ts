import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildApp, type App } from '../../platform/http/app.ts';
import { featureRoutes } from '../routes.ts';
import { freshDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { COMMUNES, insertPractitioner, insertReferenceRows, northOf } from '../practitioners/practitioner-fixtures.ts';

// Monday 2 March 2026, 07:30 in Paris.
const MONDAY = new Date('2026-03-02T06:30:00Z');

describe('search: filters, combinable (B4)', () => {
  let t: TestDatabase;
  let app: App;

  /** Last names of the dermatologists listed near Nantes with these extra parameters, sorted. */
  const names = async (filters: string): Promise<string[]> => {
    const res = await app.inject({ method: 'GET', url: `/api/search?specialty=dermatologue&where=${COMMUNES.nantes.code}&${filters}` });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.equal(body.total, body.results.length);
    return body.results.map((r: { name: string }) => r.name.replace('Dr Claire ', '')).sort();
  };

  before(async () => {
    t = await freshDatabase();
    const { nantes } = await insertReferenceRows(t.db);
    const place = (km: number) => [{ at: northOf(nantes, km), communeCode: COMMUNES.nantes.code }];
    await insertPractitioner(t.db, { lastName: 'Secteur1', specialtyCode: 'SM15', sector: '1', places: place(1) });
    await insertPractitioner(t.db, {
      lastName: 'Optam', specialtyCode: 'SM15', sector: '2-optam', languages: ['fr', 'en'], places: place(2),
      reasons: [{ kind: 'first-consultation' }, { kind: 'mole-check' }],
    });
    await insertPractitioner(t.db, {
      lastName: 'Video', specialtyCode: 'SM15', sector: '2', places: place(3),
      reasons: [{ kind: 'first-consultation' }, { kind: 'video-consultation', video: true }],
    });
    await insertPractitioner(t.db, {
      lastName: 'Tardif', specialtyCode: 'SM15', sector: 'non-conventionne', languages: ['fr', 'es'], places: place(4),
      openFrom: '2026-03-12',
    });
    await insertPractitioner(t.db, { lastName: 'Horsligne', specialtyCode: 'SM15', sector: '1', onlineBooking: false, places: place(5) });
    // A mole check offered only by phone does not count.
    await insertPractitioner(t.db, {
      lastName: 'Telephone', specialtyCode: 'SM15', sector: '2', places: place(6),
      reasons: [{ kind: 'first-consultation' }, { kind: 'mole-check', onlineBookable: false }],
    });
    app = await buildApp({ context: { db: t.db, now: () => MONDAY }, routes: featureRoutes });
  });
  after(async () => {
    await app.close();
    await t.drop();
  });

  it('lists every dermatologist without filters', async () => {
    assert.deepEqual(await names(''), ['Horsligne', 'Optam', 'Secteur1', 'Tardif', 'Telephone', 'Video']);
  });

  it('keeps the chosen convention sectors (« honoraires »)', async () => {
    assert.deepEqual(await names('sector=1,2-optam'), ['Horsligne', 'Optam', 'Secteur1']);
    assert.deepEqual(await names('sector=non-conventionne'), ['Tardif']);
  });

  it('keeps practitioners speaking the language', async () => {
    assert.deepEqual(await names('language=en'), ['Optam']);
    assert.deepEqual(await names('language=es'), ['Tardif']);
  });

  it('keeps practitioners offering a video consultation online', async () => {
    assert.deepEqual(await names('video=true'), ['Video']);
  });

  it('keeps practitioners offering the visit reason online, and shows the slots of that reason', async () => {
    assert.deepEqual(await names('reason=mole-check'), ['Optam']);
    const res = await app.inject({ method: 'GET', url: `/api/search?specialty=dermatologue&where=${COMMUNES.nantes.code}&reason=mole-check` });
    const [optam] = res.json().results;
    const page = await app.inject({ method: 'GET', url: `/api/practitioners/${optam.practitionerId}` });
    const moleCheck = page.json().reasons[1];
    assert.equal(optam.reasonId, moleCheck.id);
  });

  it('keeps practitioners with a free slot within the chosen number of days', async () => {
    assert.deepEqual(await names('availableWithin=3'), ['Optam', 'Secteur1', 'Telephone', 'Video']);
    assert.deepEqual(await names('availableWithin=14'), ['Optam', 'Secteur1', 'Tardif', 'Telephone', 'Video']);
  });

  it('combines filters', async () => {
    assert.deepEqual(await names('sector=1,2-optam&language=en'), ['Optam']);
    assert.deepEqual(await names('sector=1,non-conventionne&availableWithin=7'), ['Secteur1']);
    assert.deepEqual(await names('video=true&sector=1'), []);
  });
});
