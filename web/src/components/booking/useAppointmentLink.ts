/**
 * The token of a « Déplacer » / « Annuler » link from a message (D4): read from `#jeton=…` (never sent to servers or
 * logs), removed from the address bar, kept in this tab so a reload still works, then checked with the server.
 */
import { useEffect, useState } from 'react';
import { ApiError } from '../../api.ts';
import { readAppointmentLink, type AppointmentView, type LinkPurpose } from '../../api-booking.ts';
import { useI18n } from '../../i18n.tsx';

export type LinkState =
  | { kind: 'checking' }
  | { kind: 'missing' }
  | { kind: 'invalid'; message: string }
  | { kind: 'unreachable' }
  | { kind: 'ready'; appointment: AppointmentView };

const storageKey = (purpose: LinkPurpose) => `creneau.link.${purpose}`;

function tokenOnArrival(purpose: LinkPurpose): string {
  const fromFragment = new URLSearchParams(window.location.hash.slice(1)).get('jeton');
  try {
    if (fromFragment) window.sessionStorage.setItem(storageKey(purpose), fromFragment);
    return fromFragment ?? window.sessionStorage.getItem(storageKey(purpose)) ?? '';
  } catch {
    return fromFragment ?? '';
  }
}

/** Once used (moved, cancelled), the token is dead: it leaves the tab. */
export function forgetLinkToken(purpose: LinkPurpose): void {
  try {
    window.sessionStorage.removeItem(storageKey(purpose));
  } catch {
    // Nothing was stored.
  }
}

export function useAppointmentLink(purpose: LinkPurpose): { token: string; state: LinkState } {
  const { t, lang } = useI18n();
  const [token] = useState(() => tokenOnArrival(purpose));
  const [state, setState] = useState<LinkState>(token ? { kind: 'checking' } : { kind: 'missing' });

  useEffect(() => {
    if (window.location.hash) window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  }, []);

  useEffect(() => {
    if (!token) return;
    const controller = new AbortController();
    readAppointmentLink(token, lang)
      .then((answer) => {
        if (controller.signal.aborted) return;
        setState(answer.purpose === purpose
          ? { kind: 'ready', appointment: answer.appointment }
          : { kind: 'invalid', message: t('booking.link.wrong_purpose') });
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setState(error instanceof ApiError && error.status < 500 ? { kind: 'invalid', message: error.message } : { kind: 'unreachable' });
      });
    return () => controller.abort();
  }, [token, lang, purpose, t]);

  return { token, state };
}
