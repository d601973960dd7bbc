import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildApp, type App } from '../../platform/http/app.ts';
import { featureRoutes } from '../routes.ts';
import { freshDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { COMMUNES, insertPractitioner, insertReferenceRows, northOf, type InsertedPractitioner } from './practitioner-fixtures.ts';

describe('practitioner page (B5, B6, B7)', () => {
  let t: TestDatabase;
  let app: App;
  let dupont: InsertedPractitioner;
  let kine: InsertedPractitioner;

  const page = async (id: string, lang = 'fr') => app.inject({ method: 'GET', url: `/api/practitioners/${id}`, headers: { 'accept-language': lang } });

  before(async () => {
    t = await freshDatabase();
    const { nantes, reze } = await insertReferenceRows(t.db);
    dupont = await insertPractitioner(t.db, {
      firstName: 'Hélène', lastName: 'Dupont', civility: 'MME', title: 'DR', specialtyCode: 'SM38', sector: '2-optam',
      languages: ['fr', 'en'], carteVitale: true, tiersPayant: false, paymentMethods: ['card', 'check', 'cash'],
      phone: '+33240000001', presentation: 'Ophtalmologie générale et pédiatrique.',
      places: [
        { at: northOf(nantes, 1), communeCode: COMMUNES.nantes.code, name: 'Centre médical Pasteur', phone: '+33240000002' },
        { at: reze, communeCode: COMMUNES.reze.code, postalCode: '44400' },
      ],
      reasons: [
        { kind: 'first-consultation', name: 'Première consultation', durationMinutes: 20, priceCents: 6000, atPlaces: [0] },
        { kind: 'eye-exam', name: 'Examen de la vue', durationMinutes: 30, priceCents: 5000 },
        { kind: null, name: 'Chirurgie (par téléphone)', onlineBookable: false },
      ],
    });
    kine = await insertPractitioner(t.db, {
      lastName: 'Martin', title: null, professionCode: '70', specialtyCode: 'G15_70', sector: 'conventionne', onlineBooking: false,
      carteVitale: false, places: [{ at: nantes, communeCode: COMMUNES.nantes.code }],
    });
    app = await buildApp({ context: { db: t.db, now: () => new Date('2026-03-02T06:30:00Z') }, routes: featureRoutes });
  });
  after(async () => {
    await app.close();
    await t.drop();
  });

  it('shows the identity, profession, specialty, sector, payment and languages of the practitioner', async () => {
    const res = await page(dupont.id);
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.deepEqual(
      [body.id, body.name, body.civility, body.title, body.firstName, body.lastName, body.profession, body.specialty, body.sector],
      [dupont.id, 'Dr Hélène Dupont', 'MME', 'DR', 'Hélène', 'Dupont', { code: '10', label: 'Médecin' },
        { code: 'SM38', slug: 'ophtalmologue', label: 'Ophtalmologue' }, '2-optam']);
    assert.match(body.rpps, /^[0-9]{11}$/);
    assert.deepEqual([body.carteVitale, body.tiersPayant, body.paymentMethods, body.languages, body.onlineBooking, body.phone, body.presentation],
      [true, false, ['card', 'check', 'cash'], ['fr', 'en'], true, '+33240000001', 'Ophtalmologie générale et pédiatrique.']);
  });

  it('explains the reimbursement of the sector (B6)', async () => {
    const body = (await page(dupont.id)).json();
    assert.deepEqual(body.reimbursement, {
      rate: 70, overruns: 'limited', explanationKey: 'sector.2-optam.explanation', flatParticipationCents: 200,
    });
  });

  it('lists every place of consultation, each with its phone or the practitioner’s', async () => {
    const body = (await page(dupont.id)).json();
    assert.deepEqual(body.places.map((p: { id: string; name: string | null; city: string; postalCode: string; phone: string }) =>
      [p.id, p.name, p.city, p.postalCode, p.phone]), [
      [dupont.placeIds[0], 'Centre médical Pasteur', 'Nantes', '44000', '+33240000002'],
      [dupont.placeIds[1], null, 'Rezé', '44400', '+33240000001'],
    ]);
  });

  it('lists only the reasons bookable online, with fees and the places offering them', async () => {
    const body = (await page(dupont.id)).json();
    assert.deepEqual(body.reasons, [
      { id: dupont.reasonIds[0], name: 'Première consultation', durationMinutes: 20, priceCents: 6000, video: false, newPatients: true,
        minAgeYears: null, maxAgeYears: null, referralRequired: false, capacity: 1, instructions: null, placeIds: [dupont.placeIds[0]] },
      { id: dupont.reasonIds[1], name: 'Examen de la vue', durationMinutes: 30, priceCents: 5000, video: false, newPatients: true,
        minAgeYears: null, maxAgeYears: null, referralRequired: false, capacity: 1, instructions: null, placeIds: dupont.placeIds },
    ]);
  });

  it('speaks English when preferred', async () => {
    const body = (await page(dupont.id, 'en')).json();
    assert.deepEqual([body.profession.label, body.specialty.label, body.reasons[0].name], ['Doctor', 'Ophthalmologist', 'Première consultation (en)']);
  });

  it('shows an auxiliary without online booking: 60 %, « conventionné » explanation, phone to call (B7)', async () => {
    const body = (await page(kine.id)).json();
    assert.deepEqual([body.name, body.onlineBooking, body.carteVitale, body.phone], ['Claire Martin', false, false, '+33240000000']);
    assert.deepEqual(body.reimbursement, {
      rate: 60, overruns: 'none', explanationKey: 'sector.conventionne.auxiliary.explanation', flatParticipationCents: null,
    });
  });

  it('answers 404 with a translated message for an unknown practitioner', async () => {
    const fr = await page('999999999');
    assert.equal(fr.statusCode, 404);
    assert.deepEqual(fr.json(), { error: 'not_found', message: 'Ce praticien est introuvable.' });
    assert.equal((await page('999999999', 'en')).json().message, 'This practitioner cannot be found.');
  });
});
