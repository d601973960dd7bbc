/** Checks done in the browser before sending (the server checks again): required fields, emails, codes, dates. */
import { allMessages, type Language } from '../../../../src/platform/i18n/web-catalogue.ts';

export interface FieldError {
  /** The id of the input the error is about (the summary links to it). */
  id: string;
  message: string;
}

/** Deliberately loose: one @, something on each side, a dot in the domain; the server decides. */
export function looksLikeEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
}

/** Typed with the 00 international prefix, which the server refuses (A1): advice is shown while typing. */
export function startsWithDoubleZero(phone: string): boolean {
  return phone.replace(/[\s.\-/()]/g, '').startsWith('00');
}

export function isSixDigitCode(code: string): boolean {
  return /^\d{6}$/.test(code.trim());
}

/** A code as typed, pasted with spaces or dashes included, reduced to its digits. */
export function codeDigits(code: string): string {
  return code.replace(/\D/g, '').slice(0, 6);
}

/** The errors that are present, in form order. */
export function collect(...errors: (FieldError | false | null | undefined)[]): FieldError[] {
  return errors.filter((error): error is FieldError => Boolean(error));
}

const keyPatterns = new Map<string, RegExp>();

/** Whether `message` is the catalogue sentence of a key starting with one of `prefixes` (placeholders match anything). */
export function isMessageOf(message: string, lang: Language, prefixes: readonly string[]): boolean {
  const messages = allMessages(lang);
  return Object.keys(messages).some((key) => prefixes.some((prefix) => key.startsWith(prefix)) && patternOf(lang, key, messages[key] ?? '').test(message));
}

function patternOf(lang: Language, key: string, template: string): RegExp {
  const cacheKey = `${lang}:${key}`;
  let pattern = keyPatterns.get(cacheKey);
  if (!pattern) {
    const escaped = template.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\{\w+\\\}/g, '.+');
    pattern = new RegExp(`^${escaped}$`);
    keyPatterns.set(cacheKey, pattern);
  }
  return pattern;
}

/** The server's sentences about each kind of field, by catalogue key prefix (so they can be shown under that field). */
export const serverMessagePrefixes = {
  password: ['password.problem.'],
  phone: ['accounts.error.phone', 'myaccount.error.phone'],
  email: ['accounts.error.email_invalid', 'accounts.error.email_taken', 'myaccount.error.email'],
  emailConfirmation: ['accounts.error.emails_differ', 'myaccount.error.emails_differ'],
  code: ['accounts.error.wrong_code', 'accounts.error.code_format'],
  birthDate: ['myaccount.error.birth_date'],
  postalCode: ['myaccount.error.postal_code'],
  currentPassword: ['myaccount.error.wrong_password'],
} as const;
