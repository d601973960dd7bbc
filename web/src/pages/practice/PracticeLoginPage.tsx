/**
 * /pro/connexion: the practitioner space's login (email, password, « Se souvenir de moi sur cet appareil »), then on a
 * device the login does not know, the 6-digit code (SMS to a mobile, else email). Signed in → `?retour=` or the agenda.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { CodeSent } from '../../api.ts';
import { resendStaffCode, staffLogIn, verifyStaffCode, type StaffView } from '../../api-practice.ts';
import { CodeStep } from '../../components/account/CodeStep.tsx';
import { ErrorSummary } from '../../components/account/ErrorSummary.tsx';
import { CheckboxField, EmailField, RequiredLegend } from '../../components/account/fields.tsx';
import { PasswordField } from '../../components/account/PasswordField.tsx';
import { useSubmission } from '../../components/account/useSubmission.ts';
import { collect, looksLikeEmail } from '../../components/account/validation.ts';
import { PracticeNoticeRegion, usePracticeSession } from '../../components/practice/PracticeSession.tsx';
import { usePageTitle } from '../../hooks.ts';
import { useI18n } from '../../i18n.tsx';
import { navigate } from '../../router.tsx';

/** `?retour=` when it is a page of the practitioner space, else the agenda. */
export function practiceReturnPath(query: URLSearchParams): string {
  const value = query.get('retour') ?? '';
  if (!/^\/pro(\/|\?|$)/.test(value) || /[\u0000-\u001f\\]/.test(value)) return '/pro';
  const url = new URL(value, window.location.origin);
  if (url.origin !== window.location.origin || url.pathname === '/pro/connexion' || url.pathname === '/pro/invitation') return '/pro';
  return url.pathname + url.search;
}

export function PracticeLoginPage({ query }: { query: URLSearchParams }) {
  const { t, lang } = useI18n();
  const session = usePracticeSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [remember, setRemember] = useState(false);
  const [challenge, setChallenge] = useState<CodeSent | null>(null);
  const submission = useSubmission();
  const returnTo = practiceReturnPath(query);
  usePageTitle(challenge ? t('web.accounts.login.code.title') : t('web.practice.login.title'));

  useEffect(() => {
    if (session.status === 'ready' && session.staff && !challenge) navigate(returnTo, { replace: true });
  }, [session.status, session.staff, challenge, returnTo]);

  const signedIn = (staff: StaffView) => {
    session.announce({ key: 'web.practice.notice.signed_in', params: { name: `${staff.firstName} ${staff.lastName}` },
      path: new URL(returnTo, window.location.origin).pathname });
    session.setStaff(staff);
    navigate(returnTo);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submission.submit(
      collect(
        !email.trim() ? { id: 'pro-login-email', message: t('web.accounts.error.required', { field: t('web.accounts.login.email') }) }
          : !looksLikeEmail(email) && { id: 'pro-login-email', message: t('web.accounts.error.email') },
        !password && { id: 'pro-login-password', message: t('web.accounts.error.required', { field: t('web.accounts.login.password') }) },
      ),
      async () => {
        const result = await staffLogIn(email.trim(), password, remember, lang);
        if (result.status === 'signed_in') signedIn(result.staff);
        else setChallenge(result.challenge);
      },
    );
  };

  return (
    <div className="page-narrow account-page practice-login">
      <h1 tabIndex={-1}>{t('web.practice.login.title')}</h1>
      <PracticeNoticeRegion />
      {challenge ? (
        <CodeStep
          idPrefix="pro-login"
          title={t('web.accounts.login.code.title')}
          why={t('web.practice.login.code.why')}
          sent={challenge}
          onSent={setChallenge}
          verify={async (code) => signedIn((await verifyStaffCode(challenge.id, code, remember, lang)).staff)}
          actions={[
            { label: t('web.accounts.code.resend'), send: () => resendStaffCode(challenge.id, challenge.channel === 'sms' ? 'sms' : 'email', lang) },
            ...(challenge.channel === 'email' ? [] : [{
              label: t('web.practice.login.code.email'), send: () => resendStaffCode(challenge.id, 'email', lang), waits: false,
            }]),
          ]}
          footer={(
            <button type="button" className="link-button" onClick={() => { setChallenge(null); setPassword(''); }}>
              {t('web.accounts.login.code.back')}
            </button>
          )}
        />
      ) : (
        <>
          <p className="lead">{t('web.practice.login.lead')}</p>
          <form noValidate onSubmit={onSubmit} className="account-form">
            <ErrorSummary submission={submission} />
            <RequiredLegend />
            <EmailField id="pro-login-email" label={t('web.accounts.login.email')} value={email} onValue={setEmail}
              autoComplete="username" required
              error={submission.errorOf('pro-login-email')} />
            <PasswordField id="pro-login-password" label={t('web.accounts.login.password')} value={password} onValue={setPassword}
              autoComplete="current-password" error={submission.errorOf('pro-login-password')} />
            <CheckboxField id="pro-login-remember" label={t('web.accounts.login.remember')} hint={t('web.accounts.login.remember.hint')}
              checked={remember} onChecked={setRemember} />
            <button type="submit" className="button button-primary button-wide" disabled={submission.busy}>
              {submission.busy ? t('web.accounts.sending') : t('web.accounts.login.submit')}
            </button>
          </form>
          <p className="auth-switch">{t('web.practice.login.forgot')}</p>
        </>
      )}
    </div>
  );
}
