/**
 * SMS length as operators bill it (3GPP TS 23.038): a text entirely in the GSM 7-bit alphabet takes 160 characters
 * in one segment and 153 per segment when split; any other character switches the whole text to UCS-2, 70 and 67.
 * French keeps é è à ù in the GSM alphabet but not ç ê â î ô û ë ï œ, curly quotes, « » or non-breaking spaces:
 * `toGsmFriendly` writes those the way French SMS usually do (c, e, a, ", '…) so a reminder stays in GSM-7.
 */

export type SmsEncoding = 'gsm7' | 'ucs2';

export interface SmsLength {
  encoding: SmsEncoding;
  /** Septets (GSM-7, extension characters count 2) or UTF-16 code units (UCS-2). */
  units: number;
  segments: number;
}

/** The GSM 03.38 default alphabet (one septet each); Ç is the only c with a cedilla in it. */
const GSM_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);

/** Characters of the extension table: an escape septet plus one. */
const GSM_EXTENSION = new Set('\f^{}\\[~]|€');

const SINGLE = { gsm7: 160, ucs2: 70 } as const;
const PER_PART = { gsm7: 153, ucs2: 67 } as const;

/** Typographic characters of French texts and their nearest GSM-7 spelling. */
const GSM_SPELLINGS: Readonly<Record<string, string>> = {
  '’': "'", '‘': "'", '‚': "'", '′': "'", '“': '"', '”': '"', '„': '"', '«': '"', '»': '"',
  '–': '-', '—': '-', '‐': '-', '‑': '-', '…': '...', '\u00A0': ' ', '\u202F': ' ', '\u2009': ' ', '\t': ' ',
  'œ': 'oe', 'Œ': 'OE', 'ç': 'c',
};

/** Whether one character fits the GSM 7-bit alphabet (basic or extension table). */
export function isGsmCharacter(character: string): boolean {
  return GSM_BASIC.has(character) || GSM_EXTENSION.has(character);
}

/** How long a text is for an SMS operator: encoding, units and segments. */
export function smsLength(text: string): SmsLength {
  const characters = [...text];
  if (characters.every(isGsmCharacter)) {
    const units = characters.reduce((sum, character) => sum + (GSM_EXTENSION.has(character) ? 2 : 1), 0);
    return { encoding: 'gsm7', units, segments: segmentsOf(units, 'gsm7') };
  }
  return { encoding: 'ucs2', units: text.length, segments: segmentsOf(text.length, 'ucs2') };
}

function segmentsOf(units: number, encoding: SmsEncoding): number {
  if (units === 0) return 1;
  return units <= SINGLE[encoding] ? 1 : Math.ceil(units / PER_PART[encoding]);
}

/**
 * The text with French typography and accents outside GSM-7 written plainly (ê → e, ç → c, « » → ", ’ → '), keeping
 * é è à ù which GSM-7 has. Characters with no plain spelling (other scripts, emoji) are kept: the text then goes UCS-2.
 */
export function toGsmFriendly(text: string): string {
  let result = '';
  for (const character of text) {
    if (isGsmCharacter(character)) result += character;
    else result += GSM_SPELLINGS[character] ?? withoutAccent(character);
  }
  return result;
}

/** The letter without its diacritics when that is GSM-7 (ê → e, Ô → O), else the character itself. */
function withoutAccent(character: string): string {
  const base = character.normalize('NFD').replace(/\p{Mn}+/gu, '');
  return base && [...base].every(isGsmCharacter) ? base : character;
}
