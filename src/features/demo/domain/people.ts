/** Who a demo practitioner is: civility, name, title, RPPS number and spoken languages. */
import { FEMALE_FIRST_NAMES, MALE_FIRST_NAMES } from '../names/first-names.ts';
import { DOUBLE_BARRELLED_SHARE, SURNAMES } from '../names/surnames.ts';
import { drawWeighted, weightedTable, type Random } from './random.ts';

export type Civility = 'M' | 'MME';

export interface Identity {
  civility: Civility;
  firstName: string;
  lastName: string;
}

const femaleNames = weightedTable(FEMALE_FIRST_NAMES, ([, weight]) => weight);
const maleNames = weightedTable(MALE_FIRST_NAMES, ([, weight]) => weight);
const surnames = weightedTable(SURNAMES, ([, weight]) => weight);

/** Share of women among practitioners in private practice, by profession (TRE_G15), with specialty exceptions. */
const FEMALE_SHARE_BY_PROFESSION: Record<string, number> = {
  '10': 0.5, '40': 0.5, '50': 0.97, '60': 0.86, '70': 0.5, '80': 0.7, '91': 0.96, '92': 0.88, '93': 0.88,
};
const FEMALE_SHARE_BY_SPECIALTY: Record<string, number> = {
  SM39: 0.72, SM19: 0.9, SM20: 0.6, SM15: 0.7, SM08: 0.12, SM12: 0.15, SM04: 0.3, SM43: 0.4, SM18: 0.65,
};

/** A surname, sometimes double-barrelled (« Martin-Dupont »). */
export function drawSurname(random: Random): string {
  const first = drawWeighted(random, surnames)[0];
  if (!random.chance(DOUBLE_BARRELLED_SHARE)) return first;
  const second = drawWeighted(random, surnames)[0];
  return second === first ? first : `${first}-${second}`;
}

/** A civility and matching first name, the surname from the weighted list. */
export function drawIdentity(random: Random, professionCode: string, specialtyCode: string): Identity {
  const femaleShare = FEMALE_SHARE_BY_SPECIALTY[specialtyCode] ?? FEMALE_SHARE_BY_PROFESSION[professionCode] ?? 0.5;
  const civility: Civility = random.chance(femaleShare) ? 'MME' : 'M';
  const firstName = drawWeighted(random, civility === 'MME' ? femaleNames : maleNames)[0];
  return { civility, firstName, lastName: drawSurname(random) };
}

/** « Dr » for doctors and dentists, now and then « Pr » for a specialist; none for other professions. */
export function titleFor(random: Random, professionKind: string, specialtyCode: string): 'DR' | 'PR' | null {
  if (professionKind === 'dentist') return 'DR';
  if (professionKind !== 'doctor') return null;
  return specialtyCode !== 'SM54' && random.chance(0.02) ? 'PR' : 'DR';
}

/** Luhn check digit of a string of digits (the key RPPS numbers carry). */
export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * An RPPS-like number: '10', eight digits, a Luhn key. The eight digits are an affine permutation of the
 * practitioner's index (multiplier prime to 10^8), so numbers are unique and look scattered.
 */
export function rppsFor(index: number, seed: number): string {
  const span = 100_000_000;
  const body = Number((BigInt(index) * 48_271n + BigInt(seed % span)) % BigInt(span));
  const digits = `10${String(body).padStart(8, '0')}`;
  return `${digits}${luhnCheckDigit(digits)}`;
}

/** Everyone speaks French; about one in five adds English, a few other languages. */
export function drawLanguages(random: Random): string[] {
  const languages = ['fr'];
  if (random.chance(0.2)) languages.push('en');
  const others: [string, number][] = [['es', 0.05], ['de', 0.025], ['it', 0.03], ['ar', 0.04], ['pt', 0.02],
    ['ru', 0.005], ['zh', 0.005], ['vi', 0.003], ['ro', 0.005], ['pl', 0.004], ['tr', 0.004], ['wo', 0.003]];
  for (const [code, share] of others) if (random.chance(share)) languages.push(code);
  return languages;
}

/** The replacement doctor's name (C1): any civility. */
export function drawReplacementName(random: Random): { firstName: string; lastName: string } {
  const female = random.chance(0.55);
  return {
    firstName: drawWeighted(random, female ? femaleNames : maleNames)[0],
    lastName: drawSurname(random),
  };
}

