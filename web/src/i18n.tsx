/** The UI language (French by default, English on request): remembered, sent to the API, set on <html lang>. */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { allMessages, languages, translate, type Language, type MessageKey } from '../../src/platform/i18n/web-catalogue.ts';

const storageKey = 'creneau.language';

export type Params = Record<string, string | number>;

export interface I18n {
  lang: Language;
  /** BCP 47 locale for Intl formatting: fr-FR or en-GB. */
  locale: string;
  t: (key: MessageKey, params?: Params) => string;
  /** The first of `keys` the catalogue knows (for keys built from data, e.g. `sector.2-optam.label`). */
  tFirst: (keys: readonly string[], params?: Params) => string;
  /** The text for a key built from data, or null when the catalogue does not know it. */
  maybe: (key: string, params?: Params) => string | null;
  setLang: (lang: Language) => void;
}

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** The remembered choice, else French: the product speaks French first whatever the browser says. */
function rememberedLanguage(): Language {
  try {
    const saved = window.localStorage.getItem(storageKey);
    return isLanguage(saved) ? saved : 'fr';
  } catch {
    return 'fr';
  }
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Language>(rememberedLanguage);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const setLang = useCallback((next: Language) => {
    setLangState(next);
    try {
      window.localStorage.setItem(storageKey, next);
    } catch {
      // Private browsing may refuse storage; the choice then lasts for this page only.
    }
  }, []);

  const value = useMemo<I18n>(() => {
    const messages = allMessages(lang);
    return {
      lang,
      locale: lang === 'fr' ? 'fr-FR' : 'en-GB',
      t: (key, params) => translate(lang, key, params),
      tFirst: (keys, params) => {
        const known = keys.find((key) => key in messages) ?? keys[keys.length - 1] ?? '';
        return translate(lang, known as MessageKey, params);
      },
      maybe: (key, params) => (key in messages ? translate(lang, key as MessageKey, params) : null),
      setLang,
    };
  }, [lang, setLang]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
