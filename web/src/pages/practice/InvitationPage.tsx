/**
 * /pro/invitation#jeton=…: a new practitioner or secretary login sets its password (A3 rules). The token travels in
 * the fragment (never sent to servers), is checked, then removed from the address bar. Then the person logs in.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../../api.ts';
import { acceptInvitation, checkInvitation } from '../../api-practice.ts';
import { ErrorSummary } from '../../components/account/ErrorSummary.tsx';
import { RequiredLegend } from '../../components/account/fields.tsx';
import { PasswordField } from '../../components/account/PasswordField.tsx';
import { missingRules } from '../../components/account/passwordRules.ts';
import { useSubmission } from '../../components/account/useSubmission.ts';
import { collect, serverMessagePrefixes } from '../../components/account/validation.ts';
import { usePageTitle } from '../../hooks.ts';
import { useI18n } from '../../i18n.tsx';
import { Link } from '../../router.tsx';

type LinkState = 'checking' | 'valid' | 'missing' | 'invalid' | 'done' | 'unreachable';
interface Invited { email: string; firstName: string; lastName: string; role: 'practitioner' | 'secretary' }

function tokenFromFragment(): string {
  return new URLSearchParams(window.location.hash.slice(1)).get('jeton') ?? '';
}

const fieldsOfServerErrors = { 'invitation-password': serverMessagePrefixes.password };

export function InvitationPage() {
  const { t, lang } = useI18n();
  const [token] = useState(tokenFromFragment);
  const [state, setState] = useState<LinkState>(token ? 'checking' : 'missing');
  const [invited, setInvited] = useState<Invited | null>(null);
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const submission = useSubmission({ fieldsOfServerErrors });
  const headingRef = useRef<HTMLHeadingElement>(null);
  const titles: Record<LinkState, string> = {
    checking: t('web.practice.invitation.checking'),
    valid: t('web.practice.invitation.title'),
    missing: t('web.practice.invitation.missing.title'),
    invalid: t('web.practice.invitation.invalid.title'),
    done: t('web.practice.invitation.done.title'),
    unreachable: t('web.error.title'),
  };
  usePageTitle(titles[state]);

  // Once read, the token leaves the address bar and the history.
  useEffect(() => {
    if (window.location.hash) window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  }, []);

  useEffect(() => {
    if (!token) return;
    checkInvitation(token, lang)
      .then((answer) => {
        setInvited(answer);
        setState('valid');
      })
      .catch((error: unknown) => setState(error instanceof ApiError && error.status < 500 ? 'invalid' : 'unreachable'));
    // Checked once; a language switch changes nothing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [token]);

  const firstState = useRef(true);
  useEffect(() => {
    if (firstState.current) firstState.current = false;
    else headingRef.current?.focus();
  }, [state]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submission.submit(
      collect(
        (!password && { id: 'invitation-password', message: t('web.accounts.error.required', { field: t('web.accounts.reset.password') }) })
          || (missingRules(password).length > 0 && { id: 'invitation-password', message: t('web.accounts.error.password_rules') }),
        confirmation !== password && { id: 'invitation-confirmation', message: t('web.accounts.error.password_mismatch') },
      ),
      async () => {
        try {
          await acceptInvitation(token, password, lang);
        } catch (error) {
          if (error instanceof ApiError && error.status === 410) {
            setState('invalid');
            return;
          }
          throw error;
        }
        setState('done');
      },
    );
  };

  return (
    <div className="page-narrow account-page">
      <h1 ref={headingRef} tabIndex={-1}>{titles[state]}</h1>
      {state === 'valid' && invited ? (
        <>
          <p className="lead">
            {t(`web.practice.invitation.lead.${invited.role}`, { name: `${invited.firstName} ${invited.lastName}`, email: invited.email })}
          </p>
          <form noValidate onSubmit={onSubmit} className="account-form">
            <ErrorSummary submission={submission} />
            <RequiredLegend />
            <PasswordField id="invitation-password" label={t('web.accounts.reset.password')} value={password} onValue={setPassword}
              autoComplete="new-password" checklist error={submission.errorOf('invitation-password')} />
            <PasswordField id="invitation-confirmation" label={t('web.accounts.reset.confirmation')} value={confirmation}
              onValue={setConfirmation} autoComplete="new-password" error={submission.errorOf('invitation-confirmation')} />
            <button type="submit" className="button button-primary button-wide" disabled={submission.busy}>
              {submission.busy ? t('web.accounts.sending') : t('web.practice.invitation.submit')}
            </button>
          </form>
        </>
      ) : null}
      {state === 'done' ? (
        <div className="confirmation-panel">
          <p>{t('web.practice.invitation.done.text')}</p>
          <Link to="/pro/connexion" className="button button-primary">{t('web.accounts.login.submit')}</Link>
        </div>
      ) : null}
      {state === 'invalid' || state === 'missing' ? (
        <div className="confirmation-panel">
          <p role="alert">{state === 'invalid' ? t('web.practice.invitation.invalid.text') : t('web.practice.invitation.missing.text')}</p>
        </div>
      ) : null}
      {state === 'unreachable' ? <p role="alert">{t('web.error.network')}</p> : null}
    </div>
  );
}
