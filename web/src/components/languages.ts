/** Spoken languages offered in the filter, and their names in the UI language. */
import { useI18n } from '../i18n.tsx';

/** ISO 639-1 codes most spoken by practitioners in France, French first. */
export const spokenLanguages = ['fr', 'en', 'es', 'de', 'it', 'pt', 'ar', 'zh', 'ru', 'tr', 'ro', 'pl', 'nl', 'vi', 'he', 'fa'] as const;

/** « anglais » for `en`: the catalogue's name, else the browser's, else the code. */
export function useLanguageName(): (code: string) => string {
  const { tFirst, locale } = useI18n();
  return (code) => {
    const name = tFirst([`web.language.name.${code}`, '']);
    if (name) return name;
    try {
      return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
    } catch {
      return code;
    }
  };
}
