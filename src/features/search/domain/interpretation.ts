/**
 * What a free-text `what` of a search means (SPEC B1, B2): a specialty, a visit-reason kind, or practitioner and
 * establishment names. Labels typed from their start win; a mere lookalike label loses to a name that matches better
 * (« cardin » is Dr Cardin, not « Cardiologue »).
 */

/** 0: the whole text starts with the query; 1: a word starts with it; 2: similar spelling only. */
export type Rank = 0 | 1 | 2;

export interface LabelMatch {
  kind: 'specialty' | 'reason';
  code: string;
  rank: Rank;
  similarity: number;
}

export interface NameMatch {
  rank: Rank;
  similarity: number;
}

export type Interpretation =
  | { kind: 'specialty'; code: string }
  | { kind: 'reason'; code: string }
  | { kind: 'name' }
  | { kind: 'unresolved' };

/** Chooses between the best label and the best name that matched the text (either may be missing). */
export function interpretWhat(label: LabelMatch | null, name: NameMatch | null): Interpretation {
  const labelWins = label !== null && (label.rank < 2 || name === null || (name.rank === 2 && label.similarity > name.similarity));
  if (labelWins) return { kind: label.kind, code: label.code };
  if (name !== null) return { kind: 'name' };
  return { kind: 'unresolved' };
}
