/**
 * Phone numbers as French patients type them (SPEC A1): national forms, overseas departments typed
 * nationally, foreign numbers in `+` form; never `00…`. Pure: no I/O.
 */
import { parsePhoneNumberFromString, type CountryCode, type NumberType, type PhoneNumber } from 'libphonenumber-js/max';

export type PhoneKind = 'mobile' | 'landline';

export type ParsedPhone =
  | { ok: true; e164: string; kind: PhoneKind; display: string; country: string }
  | { ok: false; reason: 'international_prefix_00' | 'invalid' | 'not_callable' };

/** Regions that share the French national numbering (0 + 9 digits) yet have their own country code. */
const OVERSEAS_REGIONS: readonly CountryCode[] = ['RE', 'YT', 'GP', 'MQ', 'GF', 'PM', 'BL', 'MF'];

/** Longer than any number written with spaces and a `(0)`: refuses pasted text early. */
const MAX_INPUT_LENGTH = 40;

/** Only what people put between digits; letters mean it is not a phone number (no extraction from prose). */
const ALLOWED_CHARACTERS = /^[+0-9\s.\-/()]*$/;

/** A phone number in E.164 with its kind (mobile gets SMS, landline a voice call), or why it is refused. */
export function parsePhone(input: string): ParsedPhone {
  const typed = input.trim();
  if (typed.length === 0 || typed.length > MAX_INPUT_LENGTH || !ALLOWED_CHARACTERS.test(typed)) {
    return { ok: false, reason: 'invalid' };
  }
  const compact = typed.replace(/[^+0-9]/g, '');
  if (compact.startsWith('00')) return { ok: false, reason: 'international_prefix_00' };
  if (compact.indexOf('+') > 0 || /^\+?$/.test(compact)) return { ok: false, reason: 'invalid' };

  const number = findValidNumber(typed, compact);
  if (!number) return { ok: false, reason: 'invalid' };
  const kind = kindOfNumber(number.getType());
  if (!kind) return { ok: false, reason: 'not_callable' };
  return { ok: true, e164: number.number, kind, display: displayOf(number), country: number.country ?? '' };
}

/** Tries metropolitan France, then overseas regions for national forms (`0692…`) or `+33 692…` slips. */
function findValidNumber(typed: string, compact: string): PhoneNumber | undefined {
  const asFrench = parsePhoneNumberFromString(typed, 'FR');
  if (asFrench?.isValid()) return asFrench;
  const national = nationalFormForOverseas(compact, asFrench);
  if (!national) return undefined;
  for (const region of OVERSEAS_REGIONS) {
    const candidate = parsePhoneNumberFromString(national, region);
    if (candidate?.isValid()) return candidate;
  }
  return undefined;
}

/** The `0…` national form to retry in overseas regions, or null when the number is foreign. */
function nationalFormForOverseas(compact: string, asFrench: PhoneNumber | undefined): string | null {
  if (compact.startsWith('0')) return compact;
  // « +33 692 12 34 56 » is a common slip for a Réunion mobile: +33 followed by an overseas national number.
  if (asFrench?.countryCallingCode === '33') return `0${asFrench.nationalNumber}`;
  return null;
}

/** Mobile numbers receive an SMS, landlines a voice call; anything else cannot receive a code. */
function kindOfNumber(type: NumberType): PhoneKind | null {
  switch (type) {
    case 'MOBILE':
    case 'FIXED_LINE_OR_MOBILE':
      return 'mobile';
    case 'FIXED_LINE':
      return 'landline';
    default:
      return null;
  }
}

/** French national format for +33 (what French users recognise), international for everything else. */
function displayOf(number: PhoneNumber): string {
  return number.countryCallingCode === '33' ? number.formatNational() : number.formatInternational();
}

/** The display form of an E.164 number (as parsePhone gives), or the input itself when it cannot be read. */
export function displayPhone(e164: string): string {
  const number = parsePhoneNumberFromString(e164);
  return number ? displayOf(number) : e164;
}

/** A number shown to confirm where a code went, without revealing it: « 06 •• •• •• 78 ». */
export function maskPhone(e164: string): string {
  const number = parsePhoneNumberFromString(e164);
  if (!number) return maskDigits(e164, 0, 2);
  const display = displayOf(number);
  const prefix = number.countryCallingCode === '33' ? '' : `+${number.countryCallingCode}`;
  return prefix + maskDigits(display.slice(prefix.length), 2, 2);
}

/** Replaces every digit by « • » except the first `keepStart` and the last `keepEnd` ones. */
function maskDigits(text: string, keepStart: number, keepEnd: number): string {
  const digitCount = text.replace(/\D/g, '').length;
  let seen = 0;
  return text.replace(/\d/g, (digit) => {
    seen += 1;
    return seen <= keepStart || seen > digitCount - keepEnd ? digit : '•';
  });
}

/** An email shown to confirm where a code went: « j•••@example.fr ». */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  const first = Array.from(email.slice(0, Math.max(at, 0)))[0];
  if (!first) return '•••';
  return `${first}•••${email.slice(at)}`;
}
