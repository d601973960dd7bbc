import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildApp, type App } from '../../platform/http/app.ts';
import { featureRoutes } from '../routes.ts';
import { freshDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { COMMUNES, insertPractitioner, insertReferenceRows, northOf } from '../practitioners/practitioner-fixtures.ts';

describe('search: suggestions while typing (B1, B2)', () => {
  let t: TestDatabase;
  let app: App;
  let dupontId: string;

  const get = async (url: string, lang = 'fr') => {
    const res = await app.inject({ method: 'GET', url, headers: { 'accept-language': lang } });
    assert.equal(res.statusCode, 200, res.body);
    return res.json();
  };
  const suggest = (q: string, lang = 'fr') => get(`/api/suggest?q=${encodeURIComponent(q)}`, lang);
  const places = async (q: string) => (await get(`/api/places/suggest?q=${encodeURIComponent(q)}`)).places;

  before(async () => {
    t = await freshDatabase();
    const { nantes } = await insertReferenceRows(t.db);
    dupontId = (await insertPractitioner(t.db, {
      firstName: 'Hélène', lastName: 'Dupont', specialtyCode: 'SM38',
      places: [{ at: northOf(nantes, 1), communeCode: COMMUNES.nantes.code, name: 'Centre médical Pasteur' }],
    })).id;
    await insertPractitioner(t.db, { firstName: 'Hélène', lastName: 'Dupuis', specialtyCode: 'SM38', places: [{ at: nantes, communeCode: COMMUNES.nantes.code }] });
    await insertPractitioner(t.db, { firstName: 'Marc', lastName: 'Helenon', specialtyCode: 'SM04', places: [{ at: nantes, communeCode: COMMUNES.nantes.code }] });
    app = await buildApp({ context: { db: t.db, now: () => new Date('2026-03-02T06:30:00Z') }, routes: featureRoutes });
  });
  after(async () => {
    await app.close();
    await t.drop();
  });

  it('suggests a specialty from its first letters (« ophtal » → Ophtalmologue)', async () => {
    const body = await suggest('ophtal');
    assert.deepEqual(body.specialties[0], { code: 'SM38', slug: 'ophtalmologue', label: 'Ophtalmologue' });
  });

  it('labels suggestions in the request language', async () => {
    assert.equal((await suggest('ophtal', 'en')).specialties[0].label, 'Ophthalmologist');
    const reasons = (await suggest('eye exam', 'en')).reasons;
    assert.deepEqual(reasons[0], { code: 'eye-exam', label: 'Eye examination', specialtySlug: 'ophtalmologue' });
  });

  it('tolerates case, accents and a typo in a specialty (« OPHTALMOLOGE »)', async () => {
    assert.equal((await suggest('OPHTALMOLOGE')).specialties[0]?.slug, 'ophtalmologue');
  });

  it('matches a word inside a specialty name (« dentiste » → Chirurgien-dentiste)', async () => {
    assert.ok((await suggest('dentiste')).specialties.some((s: { slug: string }) => s.slug === 'chirurgien-dentiste'));
  });

  it('suggests a practitioner typed without accents and misspelt (« helene dupond »), best match first', async () => {
    const body = await suggest('helene dupond');
    assert.deepEqual(body.practitioners[0], { id: dupontId, name: 'Dr Hélène Dupont', specialty: 'Ophtalmologue', city: 'Nantes' });
  });

  it('ignores a typed title (« Dr Dupont »)', async () => {
    assert.equal((await suggest('Dr Dupont')).practitioners[0]?.id, dupontId);
  });

  it('suggests establishments, leading to one of their practitioners', async () => {
    const body = await suggest('centre pasteur');
    assert.deepEqual(body.establishments, [{ name: 'Centre médical Pasteur', practitionerId: dupontId, city: 'Nantes' }]);
  });

  it('does not look up names for one or two letters', async () => {
    const body = await suggest('du');
    assert.deepEqual([body.practitioners, body.establishments], [[], []]);
  });

  it('finds nothing in text made of LIKE wildcards', async () => {
    const body = await suggest('%%%');
    assert.deepEqual(body, { specialties: [], reasons: [], practitioners: [], establishments: [] });
  });

  it('suggests the most populated commune first among names starting alike (« nant » → Nantes, not the village of Nant)', async () => {
    const found = await places('nant');
    assert.equal(found[0].label, 'Nantes (44000)');
    assert.equal(found[0].code, COMMUNES.nantes.code);
    assert.ok(found.length <= 8);
    assert.ok(found.every((p: { name: string }) => p.name.startsWith('Nant')));
  });

  it('suggests communes by postal-code prefix, one entry per postal code (« 440 » → Nantes (44000))', async () => {
    const found = await places('440');
    assert.equal(found[0].label, 'Nantes (44000)');
    assert.ok(found.every((p: { postalCode: string }) => p.postalCode.startsWith('440')));
    const nantesCodes = (await places('44')).filter((p: { code: string }) => p.code === COMMUNES.nantes.code);
    assert.deepEqual(nantesCodes.map((p: { postalCode: string }) => p.postalCode), ['44000', '44100', '44200', '44300']);
  });

  it('tolerates a typo and a missing hyphen in a commune name', async () => {
    assert.equal((await places('nantess'))[0]?.code, COMMUNES.nantes.code);
    assert.equal((await places('reze'))[0]?.code, COMMUNES.reze.code);
  });
});
