/**
 * SQL fragments matching typed text against a `search_*` column (already `search_normalize`d), with the
 * trigram indexes of migrations/0001: prefix matching (« ophtal » → « Ophtalmologue ») and typo tolerance
 * through `word_similarity` (« helene dupond » → « Hélène Dupont »). Every typed value travels as a parameter.
 */
import { sql, type RawBuilder } from 'kysely';
import { FUZZY_MIN_LENGTH } from './domain/query-text.ts';

/** How well a text matches: 0 the whole label starts with it, 1 a word starts with it, 2 similar (typos). */
export type MatchRank = 0 | 1 | 2;

export interface TextMatch {
  /** True for rows worth ranking; uses the column's trigram index. */
  candidate: RawBuilder<boolean>;
  /** The cheap part of `candidate`: the text appears as such (ranks 0 and 1 are among these rows). */
  literalCandidate: RawBuilder<boolean>;
  rank: RawBuilder<MatchRank>;
  /** `word_similarity` of the typed text to the closest part of the column, 0–1. */
  similarity: RawBuilder<number>;
  /** Whether typos are tolerated (text of 3 characters or more): `candidate` then differs from `literalCandidate`. */
  fuzzy: boolean;
}

/**
 * The LIKE pattern of typed text: normalised first, THEN its wildcards escaped (unaccent turns fullwidth « ％ »,
 * « ＿ », « ＼ » into `%`, `_`, `\`), spaces matching any one separator.
 */
function likePattern(text: string): RawBuilder<string> {
  const escaped = sql<string>`replace(replace(replace(search_normalize(${text}), ${'\\'}, ${'\\\\'}), ${'%'}, ${'\\%'}), ${'_'}, ${'\\_'})`;
  return sql<string>`replace(${escaped}, ' ', '_')`;
}

/**
 * Matches `text` (tidied, separators folded to spaces) against `column`. Typed spaces match any word separator
 * (« saint etienne » finds « Saint-Étienne »). Text shorter than 3 characters only matches as a prefix.
 * Similarity above pg_trgm's `word_similarity_threshold` (0.6 by default, see docs/decisions.md) counts as a match.
 * `smallTable`: short text may also match the start of any word (no index needed on a few hundred rows).
 */
export function matchText(column: RawBuilder<string>, text: string, options: { smallTable?: boolean } = {}): TextMatch {
  const normalized = sql<string>`search_normalize(${text})`;
  const pattern = likePattern(text);
  const wordStarts = sql<string>`' ' || translate(${column}, '-''’', '   ')`;
  const fuzzy = text.length >= FUZZY_MIN_LENGTH;
  const shortCandidate = options.smallTable
    ? sql<boolean>`(${wordStarts} like '% ' || ${pattern} || '%')`
    : sql<boolean>`(${column} like ${pattern} || '%')`;
  const contains = sql<boolean>`(${column} like '%' || ${pattern} || '%')`;
  return {
    candidate: fuzzy ? sql<boolean>`(${contains} or ${normalized} <% ${column})` : shortCandidate,
    literalCandidate: fuzzy ? contains : shortCandidate,
    rank: sql<MatchRank>`(case when ${column} like ${pattern} || '%' then 0
                                when ${wordStarts} like '% ' || ${pattern} || '%' then 1 else 2 end)`,
    similarity: sql<number>`word_similarity(${normalized}, ${column})`,
    fuzzy,
  };
}

/**
 * Runs a ranked query first on literal matches only, and again with typo tolerance only when they do not fill
 * `limit` rows: similarity is costly on thousands of rows (« saint-é »), and typos rank after literal matches anyway.
 */
export async function literalFirst<Row>(
  match: TextMatch, limit: number, run: (candidate: RawBuilder<boolean>) => Promise<Row[]>,
): Promise<Row[]> {
  const literal = await run(match.literalCandidate);
  return literal.length >= limit || !match.fuzzy ? literal : run(match.candidate);
}
