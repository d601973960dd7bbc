/**
 * One form's sending state: browser-side errors first, then the API call; errors go to a summary that takes the
 * focus (and is announced), and each field shows its own. A 401 on a signed-in page means the session is over.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api.ts';
import { useI18n } from '../../i18n.tsx';
import { useSession } from '../../session.tsx';
import { isMessageOf, type FieldError } from './validation.ts';

export interface Submission {
  errors: FieldError[];
  /** The error of the field `id`, if any. */
  errorOf: (id: string) => string | undefined;
  /** The server's sentence when it is about no particular field. */
  serverError: string | null;
  busy: boolean;
  summaryRef: React.RefObject<HTMLDivElement | null>;
  /** Checks, then runs `action`; an ApiError's message lands on the field whose catalogue keys it matches. */
  submit: (browserErrors: FieldError[], action: () => Promise<void>) => Promise<void>;
  reset: () => void;
}

export interface SubmissionOptions {
  /** Field id → catalogue key prefixes of the server sentences about that field. */
  fieldsOfServerErrors?: Record<string, readonly string[]>;
  /** The page needs a session: a 401 signs the user out (the page then sends them to /connexion). */
  signedIn?: boolean;
}

export function useSubmission(options: SubmissionOptions = {}): Submission {
  const { t, lang } = useI18n();
  const session = useSession();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [serverError, setServerError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const summaryRef = useRef<HTMLDivElement | null>(null);

  useEffect(() => {
    if (attempt > 0 && (errors.length > 0 || serverError)) summaryRef.current?.focus();
    // Only a new attempt moves the focus, not typing that clears an error.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [attempt]);

  const submit = useCallback(async (browserErrors: FieldError[], action: () => Promise<void>) => {
    if (browserErrors.length > 0) {
      setErrors(browserErrors);
      setServerError(null);
      setAttempt((n) => n + 1);
      return;
    }
    setErrors([]);
    setServerError(null);
    setBusy(true);
    try {
      await action();
    } catch (error) {
      if (error instanceof ApiError && error.status === 401 && options.signedIn) {
        session.announce({ key: 'web.accounts.error.session', path: '/connexion' });
        session.clear();
        return;
      }
      const message = error instanceof ApiError ? error.message : t('web.error.network');
      const field = Object.entries(options.fieldsOfServerErrors ?? {}).find(([, prefixes]) => isMessageOf(message, lang, prefixes))?.[0];
      if (field) setErrors([{ id: field, message }]);
      else setServerError(message);
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  }, [options.fieldsOfServerErrors, options.signedIn, session, t, lang]);

  const reset = useCallback(() => {
    setErrors([]);
    setServerError(null);
  }, []);

  const errorOf = useCallback((id: string) => errors.find((error) => error.id === id)?.message, [errors]);
  return { errors, errorOf, serverError, busy, summaryRef, submit, reset };
}
