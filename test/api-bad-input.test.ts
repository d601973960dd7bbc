/**
 * Bad input on every public read endpoint answers a clear, translated 4xx or an empty result — never a 500
 * (SPEC: « empty or 2,000-character queries, unknown place, page 10^9, malformed dates, SQL-looking strings »).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildApp, type App } from '../src/platform/http/app.ts';
import { allMessages, type Language } from '../src/platform/i18n/catalogue.ts';
import { featureRoutes } from '../src/features/routes.ts';
import { COMMUNES, insertPractitioner, insertReferenceRows, type InsertedPractitioner } from '../src/features/practitioners/practitioner-fixtures.ts';
import { freshDatabase, type TestDatabase } from './support/database.ts';

const long = 'a'.repeat(2000);
const sqlLike = "' OR 1=1; DROP TABLE practitioners; --";
const enc = encodeURIComponent;

/** A 4xx status, or 200 with an empty result checked by `empty`. */
type Expect = { status: 400 | 404 } | { status: 200; empty: (body: Record<string, unknown>) => boolean };

interface Case { title: string; url: (ids: InsertedPractitioner) => string; expect: Expect }

const noSuggestions = (b: Record<string, unknown>) => ['specialties', 'reasons', 'practitioners', 'establishments']
  .every((key) => Array.isArray(b[key]) && (b[key] as unknown[]).length === 0);
const noPlaces = (b: Record<string, unknown>) => Array.isArray(b.places) && b.places.length === 0;
const noResults = (b: Record<string, unknown>) => b.total === 0 && Array.isArray(b.results) && b.results.length === 0;
const unresolved = (part: 'place' | 'what') => (b: Record<string, unknown>) =>
  noResults(b) && (b.query as { unresolved: string }).unresolved === part;
const nantes = COMMUNES.nantes.code;

const cases: Case[] = [
  // GET /api/suggest
  { title: 'suggest without q', url: () => '/api/suggest', expect: { status: 400 } },
  { title: 'suggest with an empty q', url: () => '/api/suggest?q=', expect: { status: 400 } },
  { title: 'suggest with blanks only', url: () => `/api/suggest?q=${enc('   ')}`, expect: { status: 400 } },
  { title: 'suggest with 2,000 characters', url: () => `/api/suggest?q=${long}`, expect: { status: 400 } },
  { title: 'suggest with q given twice', url: () => '/api/suggest?q=a&q=b', expect: { status: 400 } },
  { title: 'suggest with a NUL byte only', url: () => '/api/suggest?q=%00', expect: { status: 400 } },
  { title: 'suggest with SQL', url: () => `/api/suggest?q=${enc(sqlLike)}`, expect: { status: 200, empty: noSuggestions } },
  { title: 'suggest with LIKE wildcards', url: () => `/api/suggest?q=${enc('%_\\%')}`, expect: { status: 200, empty: noSuggestions } },
  { title: 'suggest with punctuation only', url: () => `/api/suggest?q=${enc("--'-")}`, expect: { status: 200, empty: noSuggestions } },
  // GET /api/places/suggest
  { title: 'places without q', url: () => '/api/places/suggest', expect: { status: 400 } },
  { title: 'places with an empty q', url: () => '/api/places/suggest?q=', expect: { status: 400 } },
  { title: 'places with 2,000 characters', url: () => `/api/places/suggest?q=${long}`, expect: { status: 400 } },
  { title: 'places with an unknown name', url: () => '/api/places/suggest?q=zzqxwkj', expect: { status: 200, empty: noPlaces } },
  { title: 'places with an unknown postal code', url: () => '/api/places/suggest?q=00000', expect: { status: 200, empty: noPlaces } },
  { title: 'places with SQL', url: () => `/api/places/suggest?q=${enc(sqlLike)}`, expect: { status: 200, empty: noPlaces } },
  { title: 'places with a NUL byte inside', url: () => '/api/places/suggest?q=na%00zzqx', expect: { status: 200, empty: noPlaces } },
  // GET /api/search
  { title: 'search with a 2,000-character what', url: () => `/api/search?what=${long}&where=${nantes}`, expect: { status: 400 } },
  { title: 'search with a 2,000-character where', url: () => `/api/search?specialty=cardiologue&where=${long}`, expect: { status: 400 } },
  { title: 'search with an unknown place', url: () => '/api/search?specialty=cardiologue&where=zzqxwkj', expect: { status: 200, empty: unresolved('place') } },
  { title: 'search with an unknown postal code', url: () => '/api/search?specialty=cardiologue&where=00000', expect: { status: 200, empty: unresolved('place') } },
  { title: 'search with nothing to look for', url: () => '/api/search', expect: { status: 200, empty: unresolved('what') } },
  { title: 'search with SQL as what', url: () => `/api/search?what=${enc(sqlLike)}&where=${nantes}`, expect: { status: 200, empty: unresolved('what') } },
  { title: 'search with SQL as where', url: () => `/api/search?specialty=cardiologue&where=${enc(sqlLike)}`, expect: { status: 200, empty: unresolved('place') } },
  { title: 'search with a place that is not an INSEE code', url: () => `/api/search?specialty=cardiologue&place=${enc(sqlLike)}`, expect: { status: 400 } },
  { title: 'search with an unknown place code', url: () => '/api/search?specialty=cardiologue&place=00000', expect: { status: 200, empty: unresolved('place') } },
  { title: 'search with SQL as specialty', url: () => `/api/search?specialty=${enc(sqlLike)}&where=${nantes}`, expect: { status: 400 } },
  { title: 'search with SQL as reason', url: () => `/api/search?specialty=cardiologue&where=${nantes}&reason=${enc('1 OR 1=1')}`, expect: { status: 400 } },
  { title: 'search with an unknown specialty slug', url: () => `/api/search?specialty=astrologue&where=${nantes}`, expect: { status: 200, empty: unresolved('what') } },
  { title: 'search with an unknown reason code', url: () => `/api/search?specialty=cardiologue&where=${nantes}&reason=no-such-reason`, expect: { status: 200, empty: noResults } },
  { title: 'search at page 10^9', url: () => `/api/search?specialty=cardiologue&where=${nantes}&page=1000000000`, expect: { status: 400 } },
  { title: 'search at page 0', url: () => `/api/search?specialty=cardiologue&where=${nantes}&page=0`, expect: { status: 400 } },
  { title: 'search at page -1', url: () => `/api/search?specialty=cardiologue&where=${nantes}&page=-1`, expect: { status: 400 } },
  { title: 'search at page 1.5', url: () => `/api/search?specialty=cardiologue&where=${nantes}&page=1.5`, expect: { status: 400 } },
  { title: 'search at page abc', url: () => `/api/search?specialty=cardiologue&where=${nantes}&page=abc`, expect: { status: 400 } },
  { title: 'search in an unknown sector', url: () => `/api/search?specialty=cardiologue&where=${nantes}&sector=1,3`, expect: { status: 400 } },
  { title: 'search available within 2 days', url: () => `/api/search?specialty=cardiologue&where=${nantes}&availableWithin=2`, expect: { status: 400 } },
  { title: 'search in a language that is not a code', url: () => `/api/search?specialty=cardiologue&where=${nantes}&language=english`, expect: { status: 400 } },
  { title: 'search with video=yes', url: () => `/api/search?specialty=cardiologue&where=${nantes}&video=yes`, expect: { status: 400 } },
  // GET /api/practitioners/:id
  ...['abc', '1 OR 1=1', '99999999999999999999', '-1', '0', '1.5', '%00', long, '999999999'].map((id): Case => ({
    title: `practitioner page of id « ${id.slice(0, 24)} »`, url: () => `/api/practitioners/${enc(id)}`, expect: { status: 404 },
  })),
  // GET /api/practitioners/:id/availability (availability feature)
  { title: 'availability with a malformed from', url: (p) => `/api/practitioners/${p.id}/availability?place=${p.placeIds[0]}&reason=${p.reasonIds[0]}&from=2026-13-45`, expect: { status: 400 } },
  { title: 'availability with from as text', url: (p) => `/api/practitioners/${p.id}/availability?place=${p.placeIds[0]}&reason=${p.reasonIds[0]}&from=${enc(sqlLike)}`, expect: { status: 400 } },
  { title: 'availability over 0 days', url: (p) => `/api/practitioners/${p.id}/availability?place=${p.placeIds[0]}&reason=${p.reasonIds[0]}&days=0`, expect: { status: 400 } },
  { title: 'availability over 10^9 days', url: (p) => `/api/practitioners/${p.id}/availability?place=${p.placeIds[0]}&reason=${p.reasonIds[0]}&days=1000000000`, expect: { status: 400 } },
  { title: 'availability without place', url: (p) => `/api/practitioners/${p.id}/availability?reason=${p.reasonIds[0]}`, expect: { status: 400 } },
  { title: 'availability without reason', url: (p) => `/api/practitioners/${p.id}/availability?place=${p.placeIds[0]}`, expect: { status: 400 } },
  { title: 'availability with SQL as place', url: (p) => `/api/practitioners/${p.id}/availability?place=${enc('1 OR 1=1')}&reason=${p.reasonIds[0]}`, expect: { status: 400 } },
  { title: 'availability of an unknown practitioner', url: (p) => `/api/practitioners/999999999/availability?place=${p.placeIds[0]}&reason=${p.reasonIds[0]}`, expect: { status: 404 } },
  { title: 'availability of a malformed practitioner id', url: (p) => `/api/practitioners/${enc('1 OR 1=1')}/availability?place=${p.placeIds[0]}&reason=${p.reasonIds[0]}`, expect: { status: 400 } },
];

/** Whether `message` is one of the catalogue's texts in `lang`, placeholders filled. */
function isCatalogueText(lang: Language, message: string): boolean {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return Object.values(allMessages(lang)).some((template) =>
    new RegExp(`^${template.split(/\{\w+\}/).map(escape).join('.*')}$`, 's').test(message));
}

describe('API: bad input answers a clear 4xx or an empty result, never a 500', () => {
  let t: TestDatabase;
  let app: App;
  let practitioner: InsertedPractitioner;

  before(async () => {
    t = await freshDatabase();
    const { nantes: at } = await insertReferenceRows(t.db);
    practitioner = await insertPractitioner(t.db, { lastName: 'Dupont', specialtyCode: 'SM04', places: [{ at, communeCode: nantes }] });
    app = await buildApp({ context: { db: t.db, now: () => new Date('2026-03-02T06:30:00Z') }, routes: featureRoutes });
  });
  after(async () => {
    await app.close();
    await t.drop();
  });

  for (const { title, url, expect } of cases) {
    it(`${title}: ${expect.status === 200 ? 'an empty result' : expect.status}`, async () => {
      const answers = await Promise.all((['fr', 'en'] as const).map(async (lang) => {
        const res = await app.inject({ method: 'GET', url: url(practitioner), headers: { 'accept-language': lang } });
        return { lang, status: res.statusCode, body: res.json() as Record<string, unknown> };
      }));
      for (const { lang, status, body } of answers) {
        assert.equal(status, expect.status, `${lang}: ${JSON.stringify(body).slice(0, 300)}`);
        if (expect.status === 200) {
          assert.ok(expect.empty(body), `${lang}: ${JSON.stringify(body).slice(0, 300)}`);
        } else {
          assert.equal(body.error, expect.status === 404 ? 'not_found' : 'invalid');
          assert.ok(isCatalogueText(lang, String(body.message)), `${lang} message: ${body.message}`);
          assert.ok(!String(body.message).includes(long), 'the message does not echo the input');
        }
      }
      if (expect.status !== 200) assert.notEqual(answers[0]!.body.message, answers[1]!.body.message, 'French and English differ');
    });
  }
});
