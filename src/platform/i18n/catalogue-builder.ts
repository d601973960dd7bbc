/**
 * How a catalogue is made from per-feature message files (`messages/<feature>.ts`). The server's catalogue
 * (catalogue.ts: every text) and the web app's (web-catalogue.ts: only the texts it shows) are built alike from
 * the same files, so each text is written once.
 */

export const languages = ['fr', 'en'] as const;
export type Language = (typeof languages)[number];

/** A per-feature messages file: `{ fr: {...}, en: {...} } as const`. */
export interface MessageSource {
  fr: Readonly<Record<string, string>>;
  en: Readonly<Record<string, string>>;
}

/** The keys of a source, or of a union of sources. */
export type MessageKeysOf<T> = T extends { fr: infer F } ? Extract<keyof F, string> : never;

export interface Catalogue<K extends string> {
  /** The text for `key` in `lang` (French when missing), with `{name}` placeholders filled from `params`. */
  translate: (lang: Language, key: K, params?: Record<string, string | number>) => string;
  /** Whether `key` names a text of the catalogue (zod schemas carry keys as their messages). */
  isMessageKey: (key: string) => key is K;
  allMessages: (lang: Language) => Readonly<Record<string, string>>;
  /** Adds a source's texts (a lazily loaded part of the web app brings its own). */
  extend: (source: MessageSource) => void;
}

/** The catalogue of these sources; a later source's text wins over an earlier one's for the same key. */
export function buildCatalogue<K extends string>(sources: readonly MessageSource[]): Catalogue<K> {
  const catalogue: Record<Language, Record<string, string>> = { fr: {}, en: {} };
  const extend = (source: MessageSource) => {
    Object.assign(catalogue.fr, source.fr);
    Object.assign(catalogue.en, source.en);
  };
  sources.forEach(extend);
  return {
    extend,
    translate: (lang, key, params = {}) => {
      const template = catalogue[lang][key] ?? catalogue.fr[key] ?? key;
      return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
    },
    isMessageKey: (key): key is K => Object.hasOwn(catalogue.fr, key),
    allMessages: (lang) => catalogue[lang],
  };
}
