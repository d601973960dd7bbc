/** The A3 rules the server applies, repeated in the browser for the live checklist (the server still decides). */
export const passwordRules = ['length', 'upper', 'lower', 'digit', 'special'] as const;
export type PasswordRule = (typeof passwordRules)[number];

const tests: Record<PasswordRule, (password: string) => boolean> = {
  length: (password) => Array.from(password).length >= 8,
  upper: (password) => /\p{Lu}/u.test(password),
  lower: (password) => /\p{Ll}/u.test(password),
  digit: (password) => /\p{Nd}/u.test(password),
  special: (password) => /[^\p{L}\p{N}]/u.test(password),
};

/** The rules `password` does not follow yet, in checklist order. */
export function missingRules(password: string): PasswordRule[] {
  return passwordRules.filter((rule) => !tests[rule](password));
}
