/**
 * What patients type in the search boxes, tidied before it reaches SQL. Accents and case are folded by
 * `search_normalize()` in the database, so that indexes and queries fold text the same way.
 */

/** Minimum length (after tidying) for fuzzy matching: shorter text only matches as a prefix. */
export const FUZZY_MIN_LENGTH = 3;

/** Removes control characters (NUL cannot even be stored in PostgreSQL text); white space stays. */
export function withoutControlCharacters(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
}

/** Trims and collapses white space; keeps the text as typed otherwise. */
export function tidyQuery(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Drops a leading courtesy title (« Dr », « Docteur », « Pr »…) that is not part of a practitioner's name. */
export function withoutTitle(text: string): string {
  const stripped = text.replace(/^(dr|docteur|doctor|pr|professeur|professor)\.?(\s+|$)/i, '');
  return stripped.length > 0 ? stripped : text;
}

/** Word separators in place and practitioner names, matched as spaces (« saint etienne » = « Saint-Étienne »). */
export function foldSeparators(text: string): string {
  return text.replace(/[-'’\s]+/g, ' ').trim();
}

/** A postal-code prefix as typed in « Où ? »: 1 to 5 digits. */
export function isPostalCodePrefix(text: string): boolean {
  return /^\d{1,5}$/.test(text);
}

/** An INSEE commune code (5 digits, or 2A/2B and 3 digits in Corsica). */
export function isCommuneCode(text: string): boolean {
  return /^(\d{5}|2[AB]\d{3})$/i.test(text);
}

/** Splits a suggestion label « Nantes (44000) » typed back into its name and postal code. */
export function parsePlaceLabel(text: string): { name: string; postalCode: string | null } {
  const match = /^(.*\S)\s*\((\d{5})\)$/.exec(text);
  return match ? { name: match[1]!, postalCode: match[2]! } : { name: text, postalCode: null };
}
