/**
 * A page opened from a link whose token travels in the fragment (`#jeton=…`, never sent to servers or logs): the token
 * is read once, leaves the address bar and the history (a shared screen, a synced history), and is checked once. Each
 * new state replaces the page's content, so its heading takes the focus (after the first one).
 */
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api.ts';
import type { Language } from '../../../../src/platform/i18n/web-catalogue.ts';
import { useI18n } from '../../i18n.tsx';

export type LinkState = 'checking' | 'valid' | 'missing' | 'invalid' | 'done' | 'unreachable';

/** The token of `#jeton=…`. */
function tokenFromFragment(): string {
  return new URLSearchParams(window.location.hash.slice(1)).get('jeton') ?? '';
}

/** The link's token and state; `check` answers for a valid token (then given to `onValid`) and fails with a 4xx otherwise. */
export function useTokenLink<T>(check: (token: string, lang: Language) => Promise<T>, onValid?: (answer: T) => void) {
  const { lang } = useI18n();
  const [token] = useState(tokenFromFragment);
  const [state, setState] = useState<LinkState>(token ? 'checking' : 'missing');
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (window.location.hash) window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  }, []);

  useEffect(() => {
    if (!token) return;
    check(token, lang)
      .then((answer) => {
        onValid?.(answer);
        setState('valid');
      })
      .catch((error: unknown) => setState(error instanceof ApiError && error.status < 500 ? 'invalid' : 'unreachable'));
    // The token is checked once; a language switch changes nothing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [token]);

  const firstState = useRef(true);
  useEffect(() => {
    if (firstState.current) firstState.current = false;
    else headingRef.current?.focus();
  }, [state]);

  return { token, state, setState, headingRef };
}
