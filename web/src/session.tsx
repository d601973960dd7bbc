/**
 * Who is signed in, for the whole app: read once from GET /api/session (which also sets the CSRF cookie), then kept
 * up to date by the pages (login, sign-up, changes, logout). Also carries a one-time notice shown on the next page
 * (« Vous êtes déconnecté(e). »), since those actions move the user elsewhere.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { getSession, updateAccount, type AccountView } from './api.ts';
import { useI18n } from './i18n.tsx';
import { NoticeRegion, type Notice } from './components/NoticeRegion.tsx';

export type { Notice };

export interface Session {
  /** 'loading' until the first answer of /api/session. */
  status: 'loading' | 'ready';
  account: AccountView | null;
  /** After a login, a sign-up or a change: the account as the server now returns it. */
  setAccount: (account: AccountView) => void;
  /** After logout, deletion, or a 401: nobody is signed in any more. */
  clear: () => void;
  notice: Notice | null;
  announce: (notice: Notice | null) => void;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const { lang } = useI18n();
  const [status, setStatus] = useState<'loading' | 'ready'>('loading');
  const [account, setAccountState] = useState<AccountView | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    getSession(lang, controller.signal)
      .then((session) => setAccountState(session.account))
      // Server unreachable: the app still works signed out; account pages will ask to log in.
      .catch(() => setAccountState(null))
      .finally(() => {
        if (!controller.signal.aborted) setStatus('ready');
      });
    return () => controller.abort();
    // Read once per page load; the pages keep it current afterwards.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Switching the language while signed in makes it the language of the account's emails, SMS and calls too
  // (best effort: if that fails, only the screen changes language).
  const previousLang = useRef(lang);
  useEffect(() => {
    if (previousLang.current === lang) return;
    previousLang.current = lang;
    if (account && account.language !== lang) {
      updateAccount({ language: lang }, lang).then((answer) => setAccountState(answer.account)).catch(() => undefined);
    }
  }, [lang, account]);

  const setAccount = useCallback((next: AccountView) => {
    setAccountState(next);
    setStatus('ready');
  }, []);
  const clear = useCallback(() => setAccountState(null), []);

  const value = useMemo<Session>(() => ({ status, account, setAccount, clear, notice, announce: setNotice }),
    [status, account, setAccount, clear, notice]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The notice of the last account action (see NoticeRegion). */
export function SessionNotice() {
  const { notice, announce } = useSession();
  return <NoticeRegion notice={notice} announce={announce} />;
}
