/**
 * Facts about people the accounts feature needs: today's date in Paris, ages, plausible birth dates, and
 * the normal form of emails and names. Pure: the current instant is always an argument.
 */
import { localDateAt } from '../../availability/domain/zoned-time.ts';

export const ADULT_AGE = 18;
export const MAX_AGE = 120;
export const NAME_MAX_LENGTH = 100;

/** The calendar date (YYYY-MM-DD) in Paris at instant `now`: ages and minority are judged on it. */
export function parisToday(now: Date): string {
  return localDateAt(now.getTime());
}

/** Whether `text` is a real YYYY-MM-DD calendar date (no 30 February). */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Completed years between two YYYY-MM-DD dates. Comparing month-day strings means someone born on
 * 29 February gains a year on 1 March in common years.
 */
export function ageOn(birthDate: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** Under 18 on `today` (a Paris date): a minor relative has no contact details of its own (SPEC A7). */
export function isMinor(birthDate: string, today: string): boolean {
  return ageOn(birthDate, today) < ADULT_AGE;
}

/** Why a birth date cannot be right, or null: not a date, in the future, or more than 120 years ago. */
export function validateBirthDate(birthDate: string, today: string): 'invalid' | 'future' | 'too_old' | null {
  if (!isCalendarDate(birthDate)) return 'invalid';
  if (birthDate > today) return 'future';
  if (ageOn(birthDate, today) > MAX_AGE) return 'too_old';
  return null;
}

/** The form emails are stored and compared in: one account per address whatever its case. */
export function normaliseEmail(input: string): string {
  return input.trim().toLowerCase();
}

/** A name as typed, tidied: composed accents, single spaces, at most 100 characters. */
export function normaliseName(input: string): string {
  const tidy = input.normalize('NFC').replace(/\s+/g, ' ').trim();
  return Array.from(tidy).slice(0, NAME_MAX_LENGTH).join('').trim();
}
