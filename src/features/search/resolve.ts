/**
 * What a search is about (SPEC B2): the specialty (a slug from a suggestion, or free text resolved by trigram
 * match to a specialty or reason kind, else a name search) and the place (`place`, the INSEE code of a picked
 * suggestion, else `where`, typed text: postal code, label or name).
 * Text nothing matches makes the search `unresolved`, answered with an empty list rather than an error.
 */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { Language } from '../../platform/i18n/catalogue.ts';
import { interpretWhat } from './domain/interpretation.ts';
import { foldSeparators, tidyQuery, withoutTitle } from './domain/query-text.ts';
import { communeByCode, resolveCommune, type CommuneMatch } from './place-repository.ts';
import { executePrepared } from '../../platform/db/prepared.ts';
import type { SearchCenter, SearchTarget } from './search-repository.ts';
import { bestLabelMatch, bestNameMatch } from './suggest-repository.ts';

export interface ResolvedRequest {
  /** Null when nothing can be searched (see `query.unresolved`). */
  target: SearchTarget | null;
  center: SearchCenter | null;
  query: {
    specialty: { slug: string; label: string } | null;
    place: { code: string; name: string; postalCode: string } | null;
    unresolved: 'place' | 'what' | null;
  };
}

interface SpecialtyRow { code: string; slug: string; label: string }

async function specialtyWhere(db: Db, column: 'slug' | 'code', value: string, lang: Language): Promise<SpecialtyRow | null> {
  const { rows } = await sql<SpecialtyRow>`
    select code, slug, ${sql.ref(lang === 'en' ? 'label_en' : 'label_fr')} as label
      from specialties where ${sql.ref(column)} = ${value}`.execute(db);
  return rows[0] ?? null;
}

/** The target of the `what` text: a specialty, a reason kind, names, or null when nothing matches. */
async function resolveWhat(db: Db, what: string): Promise<SearchTarget | null> {
  const text = foldSeparators(tidyQuery(what));
  const name = foldSeparators(withoutTitle(text));
  if (!text) return null;
  const [label, named] = await Promise.all([bestLabelMatch(db, text), name ? bestNameMatch(db, name) : null]);
  const meaning = interpretWhat(label, named);
  if (meaning.kind === 'unresolved') return null;
  return meaning.kind === 'name' ? { kind: 'name', text: name } : meaning;
}

/** `place` (an INSEE code from a picked suggestion) wins over `where` (typed text). */
interface WhatAndWhere { what: string; specialty: string | null; place: string | null; where: string }

/** The usual request, a specialty slug and an INSEE code from the suggestions, in one query; null when either is unknown. */
async function resolveSlugAndCode(db: Db, slug: string, code: string, lang: Language): Promise<{ specialty: SpecialtyRow; commune: CommuneMatch } | null> {
  const rows = await executePrepared(db, sql<{ specialty: SpecialtyRow | null; commune: CommuneMatch | null }>`
    select (select json_build_object('code', s.code, 'slug', s.slug, 'label', ${sql.ref(lang === 'en' ? 's.label_en' : 's.label_fr')})
              from specialties s where s.slug = ${slug}) as specialty,
           (select json_build_object('code', c.code, 'name', c.name, 'postalCode', coalesce(c.postal_codes[1], ''),
                                     'departement', c.departement, 'latitude', c.latitude, 'longitude', c.longitude)
              from communes c where c.code = ${code.toUpperCase()}) as commune`);
  const { specialty, commune } = rows[0] ?? {};
  return specialty && commune ? { specialty, commune } : null;
}

/** Resolves `specialty`/`what` and `place`/`where`; the place is reported unresolved first, as the UI asks for it first. */
export async function resolveSearchRequest(db: Db, request: WhatAndWhere, lang: Language): Promise<ResolvedRequest> {
  const where = tidyQuery(request.where);
  const [target, commune] = await resolveBoth(db, request, where, lang);
  const place = commune ? { code: commune.code, name: commune.name, postalCode: commune.postalCode } : null;
  const center = commune ? { communeCode: commune.code, latitude: commune.latitude, longitude: commune.longitude } : null;
  const query = { specialty: target.specialty, place };
  if ((request.place || where) && !commune) return { target: null, center: null, query: { ...query, unresolved: 'place' } };
  if (!target.target) return { target: null, center, query: { ...query, unresolved: 'what' } };
  // Without a place nor a text there is nothing to look for.
  if (target.target.kind === 'anything' && !center) return { target: null, center, query: { ...query, unresolved: 'what' } };
  return { target: target.target, center, query: { ...query, unresolved: null } };
}

type ResolvedTarget = { target: SearchTarget | null; specialty: ResolvedRequest['query']['specialty'] };

/** The target and the commune: in one query for the usual slug and picked commune, else each its own way. */
async function resolveBoth(db: Db, request: WhatAndWhere, where: string, lang: Language): Promise<[ResolvedTarget, CommuneMatch | null]> {
  const usual = request.specialty && request.place ? await resolveSlugAndCode(db, request.specialty, request.place, lang) : null;
  if (usual) {
    const { code, slug, label } = usual.specialty;
    return [{ target: { kind: 'specialty', code }, specialty: { slug, label } }, usual.commune];
  }
  const commune = request.place ? communeByCode(db, request.place) : where ? resolveCommune(db, where) : null;
  return Promise.all([resolveTarget(db, request, lang), commune]);
}

async function resolveTarget(db: Db, request: WhatAndWhere, lang: Language): Promise<ResolvedTarget> {
  if (request.specialty) {
    const row = await specialtyWhere(db, 'slug', request.specialty, lang);
    return row ? { target: { kind: 'specialty', code: row.code }, specialty: { slug: row.slug, label: row.label } } : { target: null, specialty: null };
  }
  if (!tidyQuery(request.what)) return { target: { kind: 'anything' }, specialty: null };
  const target = await resolveWhat(db, request.what);
  if (target?.kind !== 'specialty') return { target, specialty: null };
  const row = await specialtyWhere(db, 'code', target.code, lang);
  return { target, specialty: row ? { slug: row.slug, label: row.label } : null };
}
