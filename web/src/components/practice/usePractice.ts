/**
 * Loading and sending in the practitioner space: like the patient pages' hooks, but a 401 (the staff session ended)
 * leads back to /pro/connexion with a way back here, instead of touching the patient's session.
 */
import { useCallback, useEffect } from 'react';
import { ApiError } from '../../api.ts';
import { useLoad, type Loaded } from '../../hooks.ts';
import { useSubmission, type Submission, type SubmissionOptions } from '../account/useSubmission.ts';
import { usePracticeSession } from './PracticeSession.tsx';

export function isSessionEnd(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}

/** useLoad, and a 401 ends the staff session. */
export function usePracticeLoad<T>(key: string, load: (signal: AbortSignal) => Promise<T>): Loaded<T> {
  const { expire } = usePracticeSession();
  const loaded = useLoad(key, load);
  const ended = loaded.state === 'error' && isSessionEnd(loaded.error);
  useEffect(() => {
    if (ended) expire();
  }, [ended, expire]);
  return loaded;
}

/** useSubmission whose actions end the staff session on a 401. */
export function usePracticeSubmission(options: Omit<SubmissionOptions, 'signedIn'> = {}): Submission {
  const { expire } = usePracticeSession();
  const submission = useSubmission(options);
  const { submit: baseSubmit } = submission;
  const submit = useCallback((browserErrors: Parameters<Submission['submit']>[0], action: () => Promise<void>) =>
    baseSubmit(browserErrors, async () => {
      try {
        await action();
      } catch (error) {
        if (isSessionEnd(error)) {
          expire();
          return;
        }
        throw error;
      }
    }), [baseSubmit, expire]);
  return { ...submission, submit };
}

/** The sentence of a failed load: the server's, else the network one. */
export function loadError(error: Error, fallback: string): string {
  return error instanceof ApiError ? error.message : fallback;
}
