/**
 * Suggestions while typing in « Médecin, établissement, spécialité… » (SPEC B1, B2): specialties, visit-reason
 * kinds, practitioners and establishments, best match first. Also resolves a free-text `what` of a search.
 */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { Language } from '../../platform/i18n/catalogue.ts';
import type { LabelMatch, NameMatch } from './domain/interpretation.ts';
import { literalFirst, matchText, type MatchRank } from './text-match.ts';

export interface SpecialtySuggestion { code: string; slug: string; label: string }
export interface ReasonSuggestion { code: string; label: string; specialtySlug: string | null }
export interface PractitionerSuggestion {
  id: string; title: 'DR' | 'PR' | null; firstName: string; lastName: string; specialty: string; city: string | null;
}
export interface EstablishmentSuggestion { name: string; practitionerId: string; city: string | null }

export const SUGGESTION_LIMITS = { specialties: 5, reasons: 5, practitioners: 5, establishments: 3 } as const;

/** Labels are matched in both languages (the French one is indexed; these tables are small). */
function labelMatch(text: string, table: 's' | 'k') {
  const fr = matchText(sql<string>`${sql.ref(`${table}.search_label`)}`, text, { smallTable: true });
  const en = matchText(sql<string>`search_normalize(${sql.ref(`${table}.label_en`)})`, text, { smallTable: true });
  return {
    candidate: sql<boolean>`(${fr.candidate} or ${en.candidate})`,
    rank: sql<MatchRank>`least(${fr.rank}, ${en.rank})`,
    similarity: sql<number>`greatest(${fr.similarity}, ${en.similarity})`,
  };
}

/** The label column of the request language. */
function labelIn(lang: Language, table: 's' | 'k') {
  return sql.ref(`${table}.${lang === 'en' ? 'label_en' : 'label_fr'}`);
}

export async function suggestSpecialties(db: Db, text: string, lang: Language): Promise<SpecialtySuggestion[]> {
  const match = labelMatch(text, 's');
  const { rows } = await sql<SpecialtySuggestion>`
    select s.code, s.slug, ${labelIn(lang, 's')} as label
      from specialties s
     where ${match.candidate}
     order by ${match.rank}, ${match.similarity} desc, length(s.label_fr), s.label_fr
     limit ${SUGGESTION_LIMITS.specialties}`.execute(db);
  return rows;
}

export async function suggestReasons(db: Db, text: string, lang: Language): Promise<ReasonSuggestion[]> {
  const match = labelMatch(text, 'k');
  const { rows } = await sql<ReasonSuggestion>`
    select k.code, ${labelIn(lang, 'k')} as label, s.slug as "specialtySlug"
      from reason_kinds k left join specialties s on s.code = k.specialty_code
     where ${match.candidate}
     order by ${match.rank}, ${match.similarity} desc, length(k.label_fr), k.label_fr
     limit ${SUGGESTION_LIMITS.reasons}`.execute(db);
  return rows;
}

/** Practitioners by name (« dupont », « helene dupond »), with their specialty and the city of their first place. */
export async function suggestPractitioners(db: Db, text: string, lang: Language): Promise<PractitionerSuggestion[]> {
  const match = matchText(sql<string>`p.search_name`, text);
  return literalFirst(match, SUGGESTION_LIMITS.practitioners, async (candidate) => (await sql<PractitionerSuggestion>`
    select p.id::text as id, p.title, p.first_name as "firstName", p.last_name as "lastName",
           ${labelIn(lang, 's')} as specialty,
           (select c.name from places pl join communes c on c.code = pl.commune_code
             where pl.practitioner_id = p.id order by pl.id limit 1) as city
      from practitioners p join specialties s on s.code = p.specialty_code
     where ${candidate}
     order by ${match.rank}, ${match.similarity} desc, p.last_name, p.first_name, p.id
     limit ${SUGGESTION_LIMITS.practitioners}`.execute(db)).rows);
}

/** Establishments (named places), one entry per name and commune, leading to one of their practitioners. */
export async function suggestEstablishments(db: Db, text: string): Promise<EstablishmentSuggestion[]> {
  const match = matchText(sql<string>`pl.search_name`, text);
  return literalFirst(match, SUGGESTION_LIMITS.establishments, async (candidate) => (await sql<EstablishmentSuggestion>`
    select name, "practitionerId", city from (
      select distinct on (pl.search_name, pl.commune_code)
             pl.name, pl.practitioner_id::text as "practitionerId", c.name as city,
             ${match.rank} as rank, ${match.similarity} as similarity
        from places pl join communes c on c.code = pl.commune_code
       where pl.name is not null and ${candidate}
       order by pl.search_name, pl.commune_code, pl.practitioner_id
    ) e
    order by rank, similarity desc, name, city
    limit ${SUGGESTION_LIMITS.establishments}`.execute(db)).rows);
}

/** The best specialty or reason kind for free text, if any matches at all. */
export async function bestLabelMatch(db: Db, text: string): Promise<LabelMatch | null> {
  const specialty = labelMatch(text, 's');
  const reason = labelMatch(text, 'k');
  const { rows } = await sql<LabelMatch>`
    select kind, code, rank, similarity from (
      select 'specialty' as kind, s.code, ${specialty.rank} as rank, ${specialty.similarity} as similarity, length(s.label_fr) as length
        from specialties s where ${specialty.candidate}
      union all
      select 'reason' as kind, k.code, ${reason.rank}, ${reason.similarity}, length(k.label_fr)
        from reason_kinds k where ${reason.candidate}
    ) m
    order by rank, similarity desc, kind desc, length, code
    limit 1`.execute(db);
  return rows[0] ?? null;
}

/** How well free text matches the best practitioner or establishment name, if any. */
export async function bestNameMatch(db: Db, text: string): Promise<NameMatch | null> {
  const practitioner = matchText(sql<string>`p.search_name`, text);
  const place = matchText(sql<string>`pl.search_name`, text);
  const best = async (use: 'literalCandidate' | 'candidate') => (await sql<NameMatch>`
    select rank, similarity from (
      (select ${practitioner.rank} as rank, ${practitioner.similarity} as similarity
         from practitioners p where ${practitioner[use]}
        order by 1, 2 desc limit 1)
      union all
      (select ${place.rank}, ${place.similarity}
         from places pl where pl.name is not null and ${place[use]}
        order by 1, 2 desc limit 1)
    ) m
    order by rank, similarity desc
    limit 1`.execute(db)).rows[0] ?? null;
  return (await best('literalCandidate')) ?? (practitioner.fuzzy ? best('candidate') : null);
}
