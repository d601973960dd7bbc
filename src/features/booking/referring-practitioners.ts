/**
 * « Quel est le praticien qui vous adresse ? » (C5): practitioners by name, matched as the search box matches them
 * (accents, case, separators and typos folded by the search feature's `matchText`), at most 10.
 */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { Language } from '../../platform/i18n/catalogue.ts';
import {
  foldSeparators, FUZZY_MIN_LENGTH, literalFirst, matchText, tidyQuery, withoutControlCharacters, withoutTitle,
} from '../search/index.ts';
import { practitionerDisplayName } from '../practitioners/index.ts';

export const REFERRING_PRACTITIONERS_LIMIT = 10;

export interface ReferringPractitioner {
  id: string;
  name: string;
  specialty: string;
  city: string | null;
}

interface Row { id: string; title: 'DR' | 'PR' | null; firstName: string; lastName: string; specialty: string; city: string | null }

/** Practitioners whose name matches `typed` (3 characters at least, like the search box), best match first. */
export async function findReferringPractitioners(db: Db, typed: string, lang: Language): Promise<ReferringPractitioner[]> {
  const name = foldSeparators(withoutTitle(foldSeparators(tidyQuery(withoutControlCharacters(typed)))));
  if (name.length < FUZZY_MIN_LENGTH) return [];
  const match = matchText(sql<string>`p.search_name`, name);
  const rows = await literalFirst(match, REFERRING_PRACTITIONERS_LIMIT, async (candidate) => (await sql<Row>`
    select p.id::text as id, p.title, p.first_name as "firstName", p.last_name as "lastName",
           ${sql.ref(`s.${lang === 'en' ? 'label_en' : 'label_fr'}`)} as specialty,
           (select c.name from places pl join communes c on c.code = pl.commune_code
             where pl.practitioner_id = p.id order by pl.id limit 1) as city
      from practitioners p join specialties s on s.code = p.specialty_code
     where ${candidate}
     order by ${match.rank}, ${match.similarity} desc, p.last_name, p.first_name, p.id
     limit ${REFERRING_PRACTITIONERS_LIMIT}`.execute(db)).rows);
  return rows.map(({ id, specialty, city, ...named }) => ({ id, name: practitionerDisplayName(named), specialty, city }));
}
