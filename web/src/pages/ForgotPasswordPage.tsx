/**
 * /mot-de-passe-oublie (A5): email and phone of the account → always the same neutral answer (whether an account
 * matches is never revealed); the link arrives by email.
 */
import { useRef, useEffect, useState, type FormEvent } from 'react';
import { requestPasswordReset } from '../api.ts';
import { ErrorSummary } from '../components/account/ErrorSummary.tsx';
import { EmailField, RequiredLegend } from '../components/account/fields.tsx';
import { PhoneField } from '../components/account/PhoneField.tsx';
import { useSubmission } from '../components/account/useSubmission.ts';
import { collect, looksLikeEmail, startsWithDoubleZero } from '../components/account/validation.ts';
import { usePageTitle } from '../hooks.ts';
import { useI18n } from '../i18n.tsx';
import { Link } from '../router.tsx';

export function ForgotPasswordPage() {
  const { t, lang } = useI18n();
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [answer, setAnswer] = useState<string | null>(null);
  const submission = useSubmission();
  const answerRef = useRef<HTMLHeadingElement>(null);
  usePageTitle(t('web.accounts.forgot.title'));

  useEffect(() => {
    if (answer) answerRef.current?.focus();
  }, [answer]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submission.submit(
      collect(
        !email.trim() ? { id: 'forgot-email', message: t('web.accounts.error.required', { field: t('web.accounts.login.email') }) }
          : !looksLikeEmail(email) && { id: 'forgot-email', message: t('web.accounts.error.email') },
        !phone.trim() ? { id: 'forgot-phone', message: t('web.accounts.error.required', { field: t('web.accounts.forgot.phone') }) }
          : startsWithDoubleZero(phone) && { id: 'forgot-phone', message: t('accounts.error.phone_00') },
      ),
      async () => setAnswer((await requestPasswordReset(email.trim(), phone.trim(), lang)).message),
    );
  };

  const askAgain = () => {
    setAnswer(null);
    submission.reset();
  };

  return (
    <div className="page-narrow account-page">
      <h1 tabIndex={-1}>{t('web.accounts.forgot.heading')}</h1>
      {answer ? (
        <section className="confirmation-panel" aria-labelledby="forgot-sent-title">
          <h2 id="forgot-sent-title" ref={answerRef} tabIndex={-1}>{t('web.accounts.forgot.sent.title')}</h2>
          <p>{answer}</p>
          <p className="muted">{t('web.accounts.forgot.sent.help')}</p>
          <div className="button-row">
            <Link to="/connexion" className="button button-primary">{t('web.accounts.back_to_login')}</Link>
            <button type="button" className="button button-secondary" onClick={askAgain}>{t('web.accounts.forgot.again')}</button>
          </div>
        </section>
      ) : (
        <>
          <p className="lead">{t('web.accounts.forgot.lead')}</p>
          <form noValidate onSubmit={onSubmit} className="account-form">
            <ErrorSummary submission={submission} />
            <RequiredLegend />
            <EmailField id="forgot-email" label={t('web.accounts.login.email')} value={email} onValue={setEmail}
              autoComplete="email" required
              error={submission.errorOf('forgot-email')} />
            <PhoneField id="forgot-phone" label={t('web.accounts.forgot.phone')} hint={t('web.accounts.signup.phone.hint')}
              value={phone} onValue={setPhone} required error={submission.errorOf('forgot-phone')} />
            <button type="submit" className="button button-primary button-wide" disabled={submission.busy}>
              {submission.busy ? t('web.accounts.sending') : t('web.accounts.forgot.submit')}
            </button>
          </form>
          <p className="auth-switch"><Link to="/connexion">{t('web.accounts.back_to_login')}</Link></p>
        </>
      )}
    </div>
  );
}
