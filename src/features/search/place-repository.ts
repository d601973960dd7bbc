/**
 * Communes for « Où ? » (SPEC B2): suggestions while typing a name or a postal code, and the one commune a
 * typed place stands for. The best match first; among equally good matches, the most populated.
 */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { foldSeparators, isCommuneCode, isPostalCodePrefix, parsePlaceLabel, tidyQuery } from './domain/query-text.ts';
import { literalFirst, matchText } from './text-match.ts';

export interface CommuneMatch {
  code: string;
  name: string;
  postalCode: string;
  departement: string;
  latitude: number;
  longitude: number;
}

/** Suggestions show at most this many communes. */
export const PLACE_SUGGESTIONS = 8;

/** Abbreviations patients type in place names. */
function expandAbbreviations(text: string): string {
  return text.replace(/\bste\b/gi, 'sainte').replace(/\bst\b/gi, 'saint');
}

/** Communes one of whose postal codes starts with `prefix`: one entry per postal code, most populated first. */
async function communesByPostalCode(db: Db, prefix: string, limit: number): Promise<CommuneMatch[]> {
  const { rows } = await sql<CommuneMatch>`
    select c.code, c.name, cp.postal_code as "postalCode", c.departement, c.latitude, c.longitude
      from commune_postal_codes cp join communes c on c.code = cp.commune_code
     where cp.postal_code like ${prefix} || '%'
     order by c.population desc, cp.postal_code, c.code
     limit ${limit}`.execute(db);
  return rows;
}

/**
 * Communes whose name matches typed text: names starting with it, then names with a word starting with it (each
 * group by population: « nant » → Nantes before Nant), then typos by similarity rounded to one decimal, so that
 * population decides between near-equal spellings.
 * `postalCode`, when given, keeps only communes having it (« Nantes (44000) » typed back).
 */
async function communesByName(db: Db, text: string, limit: number, postalCode: string | null = null): Promise<CommuneMatch[]> {
  const match = matchText(sql<string>`c.search_name`, text);
  return literalFirst(match, limit, async (candidate) => (await sql<CommuneMatch>`
    select c.code, c.name, coalesce(${postalCode}, c.postal_codes[1], '') as "postalCode", c.departement, c.latitude, c.longitude
      from communes c
     where ${candidate}
       and (${postalCode}::text is null or c.postal_codes @> array[${postalCode}::text])
     order by ${match.rank}, (case when ${match.rank} = 2 then round(${match.similarity}::numeric, 1) end) desc nulls last,
              c.population desc, c.name, c.code
     limit ${limit}`.execute(db)).rows);
}

/** Suggestions for the « Où ? » box: postal-code prefixes (« 440 ») or names (« nant », « st etienne »). */
export async function suggestCommunes(db: Db, typed: string): Promise<CommuneMatch[]> {
  const text = tidyQuery(typed);
  if (isPostalCodePrefix(text)) return communesByPostalCode(db, text, PLACE_SUGGESTIONS);
  const name = foldSeparators(expandAbbreviations(text));
  return name ? communesByName(db, name, PLACE_SUGGESTIONS) : [];
}

/** The commune of an INSEE code (`place`, from a picked suggestion). */
export async function communeByCode(db: Db, code: string): Promise<CommuneMatch | null> {
  const { rows } = await sql<CommuneMatch>`
    select code, name, coalesce(postal_codes[1], '') as "postalCode", departement, latitude, longitude
      from communes where code = ${code.toUpperCase()}`.execute(db);
  return rows[0] ?? null;
}

/**
 * The commune typed text (`where`) stands for: a full postal code (an INSEE code only when no commune has that
 * postal code — 3,003 INSEE codes are another commune's postal code, « 13001 » is Marseille 1er, not Aix), a label
 * « Nantes (44000) », or free text resolved to its best suggestion; null when nothing matches.
 */
export async function resolveCommune(db: Db, where: string): Promise<CommuneMatch | null> {
  const text = tidyQuery(where);
  if (!text) return null;
  if (isPostalCodePrefix(text)) {
    if (text.length !== 5) return null;
    return (await communesByPostalCode(db, text, 1))[0] ?? communeByCode(db, text);
  }
  if (isCommuneCode(text)) return communeByCode(db, text);
  const label = parsePlaceLabel(text);
  const name = foldSeparators(expandAbbreviations(label.name));
  if (!name) return null;
  return (await communesByName(db, name, 1, label.postalCode))[0] ?? null;
}
