/**
 * /connexion (A4): email and password, « Se souvenir de moi sur cet appareil »; then, from a device the account
 * does not know, the 6-digit code sent by email (or SMS). Signed in → `?retour=` or « Mon compte ».
 */
import { useEffect, useState, type FormEvent } from 'react';
import { logIn, resendLoginCode, verifyLogin, type AccountView, type CodeSent } from '../api.ts';
import { CodeStep } from '../components/account/CodeStep.tsx';
import { ErrorSummary } from '../components/account/ErrorSummary.tsx';
import { CheckboxField, EmailField, RequiredLegend } from '../components/account/fields.tsx';
import { PasswordField } from '../components/account/PasswordField.tsx';
import { authLink, returnPathOf, safeReturnPath } from '../components/account/returnPath.ts';
import { useSubmission } from '../components/account/useSubmission.ts';
import { collect, looksLikeEmail } from '../components/account/validation.ts';
import { usePageTitle } from '../hooks.ts';
import { useI18n } from '../i18n.tsx';
import { Link, navigate } from '../router.tsx';
import { useSession } from '../session.tsx';

export function LoginPage({ query }: { query: URLSearchParams }) {
  const { t, lang } = useI18n();
  const session = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [remember, setRemember] = useState(false);
  const [challenge, setChallenge] = useState<CodeSent | null>(null);
  const submission = useSubmission();
  const returnTo = returnPathOf(query);
  usePageTitle(challenge ? t('web.accounts.login.code.title') : t('web.accounts.login.title'));

  // Already signed in (e.g. Back after logging in): nothing to do here.
  useEffect(() => {
    if (session.status === 'ready' && session.account && !challenge) navigate(returnTo, { replace: true });
  }, [session.status, session.account, challenge, returnTo]);

  const signedIn = (account: AccountView) => {
    session.setAccount(account);
    session.announce({ key: 'web.accounts.notice.signed_in', path: new URL(returnTo, window.location.origin).pathname });
    navigate(returnTo);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submission.submit(
      collect(
        !email.trim() ? { id: 'login-email', message: t('web.accounts.error.required', { field: t('web.accounts.login.email') }) }
          : !looksLikeEmail(email) && { id: 'login-email', message: t('web.accounts.error.email') },
        !password && { id: 'login-password', message: t('web.accounts.error.required', { field: t('web.accounts.login.password') }) },
      ),
      async () => {
        const result = await logIn(email.trim(), password, remember, lang);
        if (result.status === 'signed_in') signedIn(result.account);
        else setChallenge(result.challenge);
      },
    );
  };

  const backToPassword = () => {
    setChallenge(null);
    setPassword('');
  };

  return (
    <div className="page-narrow account-page">
      <h1 tabIndex={-1}>{t('web.accounts.login.title')}</h1>
      {challenge ? (
        <CodeStep
          idPrefix="login"
          title={t('web.accounts.login.code.title')}
          why={t('web.accounts.login.code.why')}
          sent={challenge}
          onSent={setChallenge}
          verify={async (code) => signedIn((await verifyLogin(challenge.id, code, remember, lang)).account)}
          actions={[
            { label: t('web.accounts.code.resend'), send: () => resendLoginCode(challenge.id, challenge.channel === 'sms' ? 'sms' : 'email', lang) },
            ...(challenge.channel === 'sms' ? [] : [{
              label: t('web.accounts.login.code.sms'), send: () => resendLoginCode(challenge.id, 'sms', lang), waits: false,
            }]),
          ]}
          footer={<button type="button" className="link-button" onClick={backToPassword}>{t('web.accounts.login.code.back')}</button>}
        />
      ) : (
        <>
          <p className="lead">{t('web.accounts.login.lead')}</p>
          <form noValidate onSubmit={onSubmit} className="account-form">
            <ErrorSummary submission={submission} />
            <RequiredLegend />
            <EmailField id="login-email" label={t('web.accounts.login.email')} value={email} onValue={setEmail}
              autoComplete="email" required
              error={submission.errorOf('login-email')} />
            <PasswordField id="login-password" label={t('web.accounts.login.password')} value={password} onValue={setPassword}
              autoComplete="current-password" error={submission.errorOf('login-password')} />
            <p><Link to="/mot-de-passe-oublie">{t('web.accounts.login.forgot')}</Link></p>
            <CheckboxField id="login-remember" label={t('web.accounts.login.remember')} hint={t('web.accounts.login.remember.hint')}
              checked={remember} onChecked={setRemember} />
            <button type="submit" className="button button-primary button-wide" disabled={submission.busy}>
              {submission.busy ? t('web.accounts.sending') : t('web.accounts.login.submit')}
            </button>
          </form>
          <p className="auth-switch">
            {t('web.accounts.login.new')}{' '}
            <Link to={authLink('/inscription', safeReturnPath(query.get('retour')))}>{t('web.accounts.login.signup')}</Link>
          </p>
        </>
      )}
    </div>
  );
}
