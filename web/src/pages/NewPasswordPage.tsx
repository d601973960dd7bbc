/**
 * /mot-de-passe/nouveau#jeton=… (A5): the token travels in the fragment (never sent to servers or logs); it is
 * checked, then the new password is typed twice with the A3 checklist. An expired or used link says so and offers
 * to ask again.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError, checkPasswordReset, confirmPasswordReset } from '../api.ts';
import { ErrorSummary } from '../components/account/ErrorSummary.tsx';
import { RequiredLegend } from '../components/account/fields.tsx';
import { PasswordField } from '../components/account/PasswordField.tsx';
import { missingRules } from '../components/account/passwordRules.ts';
import { useSubmission } from '../components/account/useSubmission.ts';
import { collect, serverMessagePrefixes } from '../components/account/validation.ts';
import { usePageTitle } from '../hooks.ts';
import { useI18n } from '../i18n.tsx';
import { Link } from '../router.tsx';
import { useSession } from '../session.tsx';

type LinkState = 'checking' | 'valid' | 'missing' | 'invalid' | 'done' | 'unreachable';

/** The token of `#jeton=…`. */
function tokenFromFragment(): string {
  return new URLSearchParams(window.location.hash.slice(1)).get('jeton') ?? '';
}

const fieldsOfServerErrors = { 'reset-password': serverMessagePrefixes.password };

export function NewPasswordPage() {
  const { t, lang } = useI18n();
  const session = useSession();
  const [token] = useState(tokenFromFragment);
  const [state, setState] = useState<LinkState>(token ? 'checking' : 'missing');
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const submission = useSubmission({ fieldsOfServerErrors });
  const headingRef = useRef<HTMLHeadingElement>(null);
  const titles: Record<LinkState, string> = {
    checking: t('web.accounts.reset.checking'),
    valid: t('web.accounts.reset.title'),
    missing: t('web.accounts.reset.missing.title'),
    invalid: t('web.accounts.reset.invalid.title'),
    done: t('web.accounts.reset.done.title'),
    unreachable: t('web.error.title'),
  };
  usePageTitle(titles[state]);

  // Once read, the token leaves the address bar and the history (a shared screen, a synced history).
  useEffect(() => {
    if (window.location.hash) window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  }, []);

  useEffect(() => {
    if (!token) return;
    checkPasswordReset(token, lang)
      .then(() => setState('valid'))
      .catch((error: unknown) => setState(error instanceof ApiError && error.status < 500 ? 'invalid' : 'unreachable'));
    // The token is checked once; a language switch changes nothing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [token]);

  // Each new state replaces the page's content: its heading takes the focus (after the first one).
  const firstState = useRef(true);
  useEffect(() => {
    if (firstState.current) firstState.current = false;
    else headingRef.current?.focus();
  }, [state]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submission.submit(
      collect(
        (!password && { id: 'reset-password', message: t('web.accounts.error.required', { field: t('web.accounts.reset.password') }) })
          || (missingRules(password).length > 0 && { id: 'reset-password', message: t('web.accounts.error.password_rules') }),
        confirmation !== password && { id: 'reset-confirmation', message: t('web.accounts.error.password_mismatch') },
      ),
      async () => {
        try {
          await confirmPasswordReset(token, password, lang);
        } catch (error) {
          if (error instanceof ApiError && error.status === 410) {
            setState('invalid');
            return;
          }
          throw error;
        }
        // Every session of the account is revoked, this browser's included.
        session.clear();
        setState('done');
      },
    );
  };

  return (
    <div className="page-narrow account-page">
      <h1 ref={headingRef} tabIndex={-1}>{titles[state]}</h1>
      {state === 'valid' ? (
        <form noValidate onSubmit={onSubmit} className="account-form">
          <ErrorSummary submission={submission} />
          <RequiredLegend />
          <PasswordField id="reset-password" label={t('web.accounts.reset.password')} value={password} onValue={setPassword}
            autoComplete="new-password" checklist error={submission.errorOf('reset-password')} />
          <PasswordField id="reset-confirmation" label={t('web.accounts.reset.confirmation')} value={confirmation}
            onValue={setConfirmation} autoComplete="new-password" error={submission.errorOf('reset-confirmation')} />
          <button type="submit" className="button button-primary button-wide" disabled={submission.busy}>
            {submission.busy ? t('web.accounts.sending') : t('web.accounts.reset.submit')}
          </button>
        </form>
      ) : null}
      {state === 'done' ? (
        <div className="confirmation-panel">
          <p>{t('web.accounts.reset.done.text')}</p>
          <Link to="/connexion" className="button button-primary">{t('web.accounts.login.submit')}</Link>
        </div>
      ) : null}
      {state === 'invalid' || state === 'missing' ? (
        <div className="confirmation-panel">
          <p role="alert">{state === 'invalid' ? t('web.accounts.reset.invalid.text') : t('web.accounts.reset.missing.text')}</p>
          <Link to="/mot-de-passe-oublie" className="button button-primary">{t('web.accounts.reset.ask_again')}</Link>
        </div>
      ) : null}
      {state === 'unreachable' ? <p role="alert">{t('web.error.network')}</p> : null}
    </div>
  );
}
