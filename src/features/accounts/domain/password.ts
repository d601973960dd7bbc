/**
 * The password policy (SPEC A3): 8 to 128 characters with lower case, upper case, a digit and a special
 * character; not a common password, even dressed with digits or leetspeak; nothing from the person's own
 * email, names or birth date. Pure: hashing is the service's job.
 */
import { dictionary } from '@zxcvbn-ts/language-common';
import type { MessageKey } from '../../../platform/i18n/catalogue.ts';
import { frenchCommonPasswords } from './french-common-passwords.ts';

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

/** In the order a person should fix them: the first one is the most useful to show alone. */
export const passwordProblems = [
  'too_short', 'too_long', 'no_lowercase', 'no_uppercase', 'no_digit', 'no_special', 'common', 'contains_personal',
] as const;
export type PasswordProblem = (typeof passwordProblems)[number];

/** The catalogue sentence explaining each problem. */
export const passwordProblemKeys = {
  too_short: 'password.problem.too_short',
  too_long: 'password.problem.too_long',
  no_lowercase: 'password.problem.no_lowercase',
  no_uppercase: 'password.problem.no_uppercase',
  no_digit: 'password.problem.no_digit',
  no_special: 'password.problem.no_special',
  common: 'password.problem.common',
  contains_personal: 'password.problem.contains_personal',
} as const satisfies Record<PasswordProblem, MessageKey>;

/** What we know about the person choosing the password; any of it may be missing. */
export type PasswordContext = {
  email?: string;
  firstName?: string | null;
  lastName?: string | null;
  birthDate?: string | null;
};

/** Stripped cores shorter than this (« ab » of « Ab!12345678 ») are too short to call a password common. */
const MIN_CORE_LENGTH = 4;

/** Every problem of `password` (empty when it is accepted), in the order of `passwordProblems`. */
export function checkPassword(password: string, context: PasswordContext): PasswordProblem[] {
  const length = Array.from(password).length;
  // Nothing else is worth computing on an oversized input.
  if (length > PASSWORD_MAX_LENGTH) return ['too_long'];
  const problems: PasswordProblem[] = [];
  if (length < PASSWORD_MIN_LENGTH) problems.push('too_short');
  if (!/\p{Ll}/u.test(password)) problems.push('no_lowercase');
  if (!/\p{Lu}/u.test(password)) problems.push('no_uppercase');
  if (!/\p{Nd}/u.test(password)) problems.push('no_digit');
  if (!/[^\p{L}\p{N}]/u.test(password)) problems.push('no_special');
  if (isCommonPassword(password)) problems.push('common');
  if (containsPersonalData(password, context)) problems.push('contains_personal');
  return problems;
}

/** The same password typed on two systems (composed or decomposed « é ») must hash the same. */
export function normalisePassword(password: string): string {
  return password.normalize('NFC');
}

let commonPasswords: Set<string> | undefined;

/** The common list (≈ 49,000 entries plus French ones), folded, built on first use only. */
function commonPasswordSet(): Set<string> {
  commonPasswords ??= new Set([...dictionary['passwords-common'], ...frenchCommonPasswords].map((entry) => fold(String(entry))));
  return commonPasswords;
}

/** Whether the password, or its core without surrounding digits/specials, or that core un-leeted, is common. */
export function isCommonPassword(password: string): boolean {
  const common = commonPasswordSet();
  const folded = fold(password);
  if (common.has(folded)) return true;
  return guessableCores(folded).some((core) => core.length >= MIN_CORE_LENGTH && common.has(core));
}

/** The readings an attacker tries first: trailing or surrounding digits/specials removed, leetspeak undone. */
function guessableCores(folded: string): string[] {
  const bases = [folded, stripTrailing(folded), stripBoth(folded)];
  const cores = new Set<string>();
  for (const base of bases) {
    cores.add(base);
    cores.add(stripBoth(base));
    for (const plain of undoLeetspeak(base)) {
      cores.add(plain);
      cores.add(stripBoth(plain));
    }
  }
  cores.delete(folded);
  return [...cores];
}

/** « soleil2024! » → « soleil »: the usual way of meeting a digit-and-special rule. */
function stripTrailing(text: string): string {
  return text.replace(/[^\p{L}]+$/u, '');
}

/** « 2024soleil! » → « soleil ». */
function stripBoth(text: string): string {
  return stripTrailing(text).replace(/^[^\p{L}]+/u, '');
}

const LEET: Record<string, string> = { '@': 'a', '4': 'a', '0': 'o', '3': 'e', '€': 'e', $: 's', '5': 's', '7': 't' };

/** Both readings of leetspeak, since « 1 » stands for « i » as often as for « l ». */
function undoLeetspeak(text: string): string[] {
  const plain = Array.from(text, (char) => LEET[char] ?? char).join('');
  return [plain.replaceAll('1', 'i'), plain.replaceAll('1', 'l')];
}

/** Lower case without accents: « Hélène » and « HELENE » are the same word to a guesser. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Whether the password contains the person's email local part, names (≥ 3 letters) or birth date. */
export function containsPersonalData(password: string, context: PasswordContext): boolean {
  const folded = fold(password);
  const readings = [folded, ...undoLeetspeak(folded)];
  const personal = [...emailWords(context.email), ...nameWords(context.firstName), ...nameWords(context.lastName)];
  const dates = birthDateForms(context.birthDate);
  return readings.some(
    (reading) => personal.some((word) => reading.includes(word)) || dates.some((date) => folded.includes(date)),
  );
}

/** Words of 3+ letters a person reuses from their email: the local part, and its pieces (« jean.dupont »). */
function emailWords(email: string | undefined): string[] {
  if (!email) return [];
  const local = fold(email.trim()).split('@')[0] ?? '';
  return wordsOf(local);
}

/** A name and its parts (« Jean-Pierre » → jean-pierre, jeanpierre, jean, pierre), 3+ characters each. */
function nameWords(name: string | null | undefined): string[] {
  if (!name) return [];
  return wordsOf(fold(name.trim()));
}

/** The text, the text without separators, and its alphanumeric pieces, keeping those of 3+ characters. */
function wordsOf(text: string): string[] {
  const pieces = text.split(/[^\p{L}\p{N}]+/u);
  const words = [text, pieces.join(''), ...pieces, ...(text.match(/\p{L}+/gu) ?? [])];
  return [...new Set(words)].filter((word) => Array.from(word).length >= 3);
}

/** How people write their birth date in a password: 1985, 19850314, 14031985, 140385, 14/03/1985… */
function birthDateForms(birthDate: string | null | undefined): string[] {
  const match = birthDate ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate) : null;
  if (!match) return [];
  const [, yyyy = '', mm = '', dd = ''] = match;
  const yy = yyyy.slice(2);
  const d = String(Number(dd));
  const m = String(Number(mm));
  return [
    yyyy, `${yyyy}${mm}${dd}`, `${dd}${mm}${yyyy}`, `${mm}${dd}${yyyy}`, `${dd}${mm}${yy}`, `${yy}${mm}${dd}`,
    ...['/', '-', '.'].flatMap((sep) => [`${dd}${sep}${mm}${sep}${yy}`, `${d}${sep}${m}${sep}${yy}`, `${yyyy}${sep}${mm}${sep}${dd}`]),
  ];
}
