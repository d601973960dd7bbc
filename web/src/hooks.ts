/** Small hooks shared by the pages: data loading with cancellation, page titles, media queries. */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { ApiError } from './api.ts';
import { useI18n } from './i18n.tsx';

export type Loaded<T> =
  /** `previous`: the last answer, still worth showing while the next one loads (e.g. after a language switch). */
  | { state: 'loading'; previous?: T }
  | { state: 'done'; data: T }
  | { state: 'error'; error: ApiError | Error };

/** Runs `load` whenever `key` changes, cancelling the previous run; the last answer wins. */
export function useLoad<T>(key: string, load: (signal: AbortSignal) => Promise<T>): Loaded<T> {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    setLoaded((current) => ({ state: 'loading', previous: current.state === 'done' ? current.data : current.state === 'loading' ? current.previous : undefined }));
    load(controller.signal)
      .then((data) => {
        if (!controller.signal.aborted) setLoaded({ state: 'done', data });
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setLoaded({ state: 'error', error: error instanceof Error ? error : new Error(String(error)) });
      });
    return () => controller.abort();
    // `key` stands for everything `load` depends on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return loaded;
}

/** Sets the browser tab's title for the page: « <page> – Créneau ». */
export function usePageTitle(title: string): void {
  const { t } = useI18n();
  useEffect(() => {
    document.title = title ? `${title} – ${t('app.name')}` : t('app.name');
  }, [title, t]);
}

/** True while the media query matches (e.g. a wide screen). */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    () => window.matchMedia(query).matches,
  );
}
