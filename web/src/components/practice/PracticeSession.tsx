/**
 * Who is signed in to the practitioner space (GET /api/practice/session), which practitioner they act for (a secretary
 * may act for several: the choice is remembered for this browser tab), and a one-time notice for the next page. Kept
 * apart from the patient session: both may be open side by side in one browser.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { getPracticeSession, type ActingFor, type Right, type StaffView } from '../../api-practice.ts';
import { useI18n } from '../../i18n.tsx';
import { navigate } from '../../router.tsx';
import { NoticeRegion, type Notice } from '../NoticeRegion.tsx';

const actingKey = 'creneau.pro.acting';

export type PracticeNotice = Notice;

export interface PracticeSession {
  status: 'loading' | 'ready';
  staff: StaffView | null;
  /** The practitioner whose agenda and settings are shown. */
  acting: ActingFor | null;
  setStaff: (staff: StaffView) => void;
  chooseActing: (practitionerId: string) => void;
  /** After logout or a 401: nobody is signed in any more. */
  clear: () => void;
  /** A 401 on a signed-in page: back to the login page, coming back here afterwards. */
  expire: () => void;
  notice: PracticeNotice | null;
  announce: (notice: PracticeNotice | null) => void;
  can: (right: Right) => boolean;
}

const Context = createContext<PracticeSession | null>(null);

function rememberedActing(): string | null {
  try {
    return window.sessionStorage.getItem(actingKey);
  } catch {
    return null;
  }
}

export function PracticeSessionProvider({ children }: { children: ReactNode }) {
  const { lang } = useI18n();
  const [status, setStatus] = useState<'loading' | 'ready'>('loading');
  const [staff, setStaffState] = useState<StaffView | null>(null);
  const [actingId, setActingId] = useState<string | null>(rememberedActing);
  const [notice, setNotice] = useState<PracticeNotice | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    getPracticeSession(lang, controller.signal)
      .then((session) => setStaffState(session.staff))
      .catch(() => setStaffState(null))
      .finally(() => {
        if (!controller.signal.aborted) setStatus('ready');
      });
    return () => controller.abort();
    // Read once when the practitioner space opens; the pages keep it current afterwards.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const setStaff = useCallback((next: StaffView) => {
    setStaffState(next);
    setStatus('ready');
  }, []);

  const chooseActing = useCallback((practitionerId: string) => {
    setActingId(practitionerId);
    try {
      window.sessionStorage.setItem(actingKey, practitionerId);
    } catch {
      // Storage refused: the choice lasts until the page is reloaded.
    }
  }, []);

  const clear = useCallback(() => setStaffState(null), []);

  const expire = useCallback(() => {
    const here = window.location.pathname + window.location.search;
    setNotice({ key: 'web.practice.notice.expired', path: '/pro/connexion' });
    setStaffState(null);
    navigate(`/pro/connexion?retour=${encodeURIComponent(here)}`, { replace: true });
  }, []);

  const acting = staff ? staff.practitioners.find((p) => p.id === actingId) ?? staff.practitioners[0] ?? null : null;
  const can = useCallback((right: Right) => Boolean(acting?.rights.includes(right)), [acting]);

  const value = useMemo<PracticeSession>(() => ({
    status, staff, acting, setStaff, chooseActing, clear, expire, notice, announce: setNotice, can,
  }), [status, staff, acting, setStaff, chooseActing, clear, expire, notice, can]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function usePracticeSession(): PracticeSession {
  const value = useContext(Context);
  if (!value) throw new Error('usePracticeSession outside PracticeSessionProvider');
  return value;
}

/** The notice of the last action (see NoticeRegion). */
export function PracticeNoticeRegion() {
  const { notice, announce } = usePracticeSession();
  return <NoticeRegion notice={notice} announce={announce} />;
}
