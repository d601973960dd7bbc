/**
 * Reading identity and contact fields as users type them (« Mon compte », « Mes proches »): each returns the
 * stored form or throws a 400 naming what to fix. Pure: today's Paris date is an argument.
 */
import { InvalidAccountField } from './account-errors.ts';
import { normaliseEmail, normaliseName, validateBirthDate, NAME_MAX_LENGTH } from './domain/people.ts';
import { parsePhone, type PhoneKind } from './domain/phone.ts';

/** Letters (any script, with accents), spaces, hyphens, apostrophes and dots: « Jean-Pierre », « d’Artagnan », « St. ». */
const NAME_CHARACTERS = /^[\p{L}\p{M}][\p{L}\p{M} '’.-]*$/u;

/** Longer than any real address (RFC 5321 allows 254). */
const EMAIL_MAX_LENGTH = 254;

/** One @, no spaces, a dot in the domain: what a mail server accepts in practice (the code sent proves the rest). */
const EMAIL_SHAPE = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/** A first or last name in its stored form. */
export function readName(input: string, which: 'first' | 'last'): string {
  if (Array.from(input.trim()).length > NAME_MAX_LENGTH) throw new InvalidAccountField('myaccount.error.name_too_long');
  const name = normaliseName(input);
  if (name.length === 0) {
    throw new InvalidAccountField(which === 'first' ? 'myaccount.error.first_name_required' : 'myaccount.error.last_name_required');
  }
  if (!NAME_CHARACTERS.test(name)) throw new InvalidAccountField('myaccount.error.name_invalid');
  return name;
}

/** A birth date that is a real day, not in the future and at most 120 years ago (judged on today's Paris date). */
export function readBirthDate(input: string, today: string): string {
  const problem = validateBirthDate(input, today);
  if (problem === 'invalid') throw new InvalidAccountField('myaccount.error.birth_date_invalid');
  if (problem === 'future') throw new InvalidAccountField('myaccount.error.birth_date_future');
  if (problem === 'too_old') throw new InvalidAccountField('myaccount.error.birth_date_too_old');
  return input;
}

/** An email address in its stored form (trimmed, lower case). */
export function readEmail(input: string): string {
  const email = normaliseEmail(input);
  if (email.length > EMAIL_MAX_LENGTH || !EMAIL_SHAPE.test(email)) throw new InvalidAccountField('myaccount.error.email_invalid');
  return email;
}

/** An optional email: empty or absent means none. */
export function readOptionalEmail(input: string | null | undefined): string | null {
  return input === undefined || input === null || input.trim() === '' ? null : readEmail(input);
}

/** A phone number in E.164 with its kind (mobile: SMS, landline: voice call). */
export function readPhone(input: string): { e164: string; kind: PhoneKind } {
  const parsed = parsePhone(input);
  if (parsed.ok) return { e164: parsed.e164, kind: parsed.kind };
  if (parsed.reason === 'international_prefix_00') throw new InvalidAccountField('myaccount.error.phone_prefix_00');
  if (parsed.reason === 'not_callable') throw new InvalidAccountField('myaccount.error.phone_not_callable');
  throw new InvalidAccountField('myaccount.error.phone_invalid');
}

/** An optional phone: empty or absent means none. */
export function readOptionalPhone(input: string | null | undefined): { e164: string; kind: PhoneKind } | null {
  return input === undefined || input === null || input.trim() === '' ? null : readPhone(input);
}
