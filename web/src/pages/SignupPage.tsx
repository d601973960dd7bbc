/**
 * /inscription (A1–A3): phone, email twice, password with the live A3 checklist, the two consents; then the code
 * sent to the phone (SMS or voice call), with « Renvoyer le code » and « Recevoir un appel » after 2 minutes and
 * « Changer de numéro ». The account exists once the code is entered → `?retour=` or « Mon compte ».
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { changeSignupPhone, resendSignupCode, signUp, verifySignup, type CodeSent } from '../api.ts';
import { CodeStep } from '../components/account/CodeStep.tsx';
import { ErrorSummary } from '../components/account/ErrorSummary.tsx';
import { CheckboxField, EmailField, RequiredLegend } from '../components/account/fields.tsx';
import { PasswordField } from '../components/account/PasswordField.tsx';
import { missingRules } from '../components/account/passwordRules.ts';
import { PhoneField } from '../components/account/PhoneField.tsx';
import { authLink, returnPathOf, safeReturnPath } from '../components/account/returnPath.ts';
import { useSubmission } from '../components/account/useSubmission.ts';
import { collect, looksLikeEmail, serverMessagePrefixes, startsWithDoubleZero } from '../components/account/validation.ts';
import { usePageTitle } from '../hooks.ts';
import { useI18n } from '../i18n.tsx';
import { Link, navigate } from '../router.tsx';
import { useSession } from '../session.tsx';

const fieldsOfServerErrors = {
  'signup-phone': serverMessagePrefixes.phone,
  'signup-email': serverMessagePrefixes.email,
  'signup-email-confirmation': serverMessagePrefixes.emailConfirmation,
  'signup-password': serverMessagePrefixes.password,
};

export function SignupPage({ query }: { query: URLSearchParams }) {
  const { t, lang } = useI18n();
  const session = useSession();
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [emailConfirmation, setEmailConfirmation] = useState('');
  const [password, setPassword] = useState('');
  const [acceptTerms, setAcceptTerms] = useState(false);
  const [acceptPrivacy, setAcceptPrivacy] = useState(false);
  const [sent, setSent] = useState<CodeSent | null>(null);
  const submission = useSubmission({ fieldsOfServerErrors });
  const returnTo = returnPathOf(query);
  usePageTitle(sent ? t('web.accounts.signup.code.title') : t('web.accounts.signup.title'));

  useEffect(() => {
    if (session.status === 'ready' && session.account && !sent) navigate(returnTo, { replace: true });
  }, [session.status, session.account, sent, returnTo]);

  const required = (id: string, value: string, label: string) =>
    !value.trim() && { id, message: t('web.accounts.error.required', { field: label }) };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submission.submit(
      collect(
        required('signup-phone', phone, t('web.accounts.signup.phone'))
          || (startsWithDoubleZero(phone) && { id: 'signup-phone', message: t('accounts.error.phone_00') }),
        required('signup-email', email, t('web.accounts.signup.email'))
          || (!looksLikeEmail(email) && { id: 'signup-email', message: t('web.accounts.error.email') }),
        required('signup-email-confirmation', emailConfirmation, t('web.accounts.signup.email_confirmation'))
          || (emailConfirmation.trim().toLowerCase() !== email.trim().toLowerCase()
            && { id: 'signup-email-confirmation', message: t('web.accounts.error.email_mismatch') }),
        required('signup-password', password, t('web.accounts.signup.password'))
          || (missingRules(password).length > 0 && { id: 'signup-password', message: t('web.accounts.error.password_rules') }),
        !acceptTerms && { id: 'signup-terms', message: t('web.accounts.error.terms') },
        !acceptPrivacy && { id: 'signup-privacy', message: t('web.accounts.error.privacy') },
      ),
      async () => {
        setSent(await signUp({ phone: phone.trim(), email: email.trim(), emailConfirmation: emailConfirmation.trim(), password,
          acceptTerms: true, acceptPrivacy: true }, lang));
      },
    );
  };

  if (sent) {
    return (
      <div className="page-narrow account-page">
        <h1 tabIndex={-1}>{t('web.accounts.signup.title')}</h1>
        <CodeStep
          key={sent.id + sent.destination}
          idPrefix="signup"
          title={t('web.accounts.signup.code.title')}
          why={t('web.accounts.signup.code.why')}
          sent={sent}
          onSent={setSent}
          verify={async (code) => {
            const { account } = await verifySignup(sent.id, code, false, lang);
            session.setAccount(account);
            session.announce({ key: 'web.accounts.notice.welcome', path: new URL(returnTo, window.location.origin).pathname });
            navigate(returnTo);
          }}
          actionsIntro={t('web.accounts.signup.code.delay')}
          actions={[
            { label: t('web.accounts.code.resend'), send: () => resendSignupCode(sent.id, undefined, lang) },
            { label: t('web.accounts.signup.code.call'), send: () => resendSignupCode(sent.id, 'voice', lang) },
          ]}
          footer={(
            <>
              <ChangePhone signupId={sent.id} onSent={setSent} />
              <p>
                <button type="button" className="link-button" onClick={() => setSent(null)}>{t('web.accounts.signup.code.restart')}</button>
              </p>
            </>
          )}
        />
      </div>
    );
  }

  return (
    <div className="page-narrow account-page">
      <h1 tabIndex={-1}>{t('web.accounts.signup.title')}</h1>
      <p className="lead">{t('web.accounts.signup.lead')}</p>
      <form noValidate onSubmit={onSubmit} className="account-form">
        <ErrorSummary submission={submission} />
        <RequiredLegend />
        <PhoneField id="signup-phone" label={t('web.accounts.signup.phone')} hint={t('web.accounts.signup.phone.hint')}
          value={phone} onValue={setPhone} required error={submission.errorOf('signup-phone')} />
        <EmailField id="signup-email" label={t('web.accounts.signup.email')} value={email} onValue={setEmail}
          autoComplete="email" required
          error={submission.errorOf('signup-email')} />
        <EmailField id="signup-email-confirmation" label={t('web.accounts.signup.email_confirmation')}
          hint={t('web.accounts.signup.email_confirmation.hint')} value={emailConfirmation}
          onValue={setEmailConfirmation} autoComplete="email"
          required error={submission.errorOf('signup-email-confirmation')} />
        <PasswordField id="signup-password" label={t('web.accounts.signup.password')} value={password} onValue={setPassword}
          autoComplete="new-password" checklist error={submission.errorOf('signup-password')} />
        <CheckboxField id="signup-terms" label={t('web.accounts.signup.terms')} checked={acceptTerms} onChecked={setAcceptTerms}
          required error={submission.errorOf('signup-terms')}
          hint={<LegalLink to="/conditions-generales" text={t('web.accounts.signup.terms.link')} />} />
        <CheckboxField id="signup-privacy" label={t('web.accounts.signup.privacy')} checked={acceptPrivacy}
          onChecked={setAcceptPrivacy} required error={submission.errorOf('signup-privacy')}
          hint={<LegalLink to="/protection-des-donnees" text={t('web.accounts.signup.privacy.link')} />} />
        <button type="submit" className="button button-primary button-wide" disabled={submission.busy}>
          {submission.busy ? t('web.accounts.sending') : t('web.accounts.signup.submit')}
        </button>
      </form>
      <p className="auth-switch">
        {t('web.accounts.signup.already')}{' '}
        <Link to={authLink('/connexion', safeReturnPath(query.get('retour')))}>{t('web.accounts.login.submit')}</Link>
      </p>
    </div>
  );
}

/** Opens the text in a new tab so that the half-filled form stays as it is. */
function LegalLink({ to, text }: { to: string; text: string }) {
  const { t } = useI18n();
  return (
    <a href={to} target="_blank" rel="noopener">
      {text} <span className="sr-only">{t('web.accounts.new_tab')}</span>
    </a>
  );
}

/** « Changer de numéro »: a small form in place that sends the code to another number. */
function ChangePhone({ signupId, onSent }: { signupId: string; onSent: (sent: CodeSent) => void }) {
  const { t, lang } = useI18n();
  const [open, setOpen] = useState(false);
  const [phone, setPhone] = useState('');
  const submission = useSubmission({ fieldsOfServerErrors: { 'signup-new-phone': serverMessagePrefixes.phone } });
  const openerRef = useRef<HTMLButtonElement>(null);
  const [closed, setClosed] = useState(false);
  // « Annuler » gives the focus back to « Changer de numéro ».
  useEffect(() => {
    if (closed) openerRef.current?.focus();
  }, [closed]);
  if (!open) {
    return (
      <p>
        <button ref={openerRef} type="button" className="link-button" onClick={() => { setOpen(true); setClosed(false); }}>
          {t('web.accounts.signup.code.change')}
        </button>
      </p>
    );
  }
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submission.submit(
      collect(
        !phone.trim() ? { id: 'signup-new-phone', message: t('web.accounts.error.required', { field: t('web.accounts.signup.code.new_phone') }) }
          : startsWithDoubleZero(phone) && { id: 'signup-new-phone', message: t('accounts.error.phone_00') },
      ),
      async () => onSent(await changeSignupPhone(signupId, phone.trim(), lang)),
    );
  };
  return (
    <form noValidate onSubmit={onSubmit} className="account-form inline-form">
      <ErrorSummary submission={submission} />
      <PhoneField id="signup-new-phone" label={t('web.accounts.signup.code.new_phone')} hint={t('web.accounts.signup.phone.hint')}
        value={phone} onValue={setPhone} required autoFocus error={submission.errorOf('signup-new-phone')} />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={submission.busy}>{t('web.accounts.signup.code.send_new')}</button>
        <button type="button" className="button button-secondary" onClick={() => { setOpen(false); setClosed(true); }}>{t('web.accounts.cancel')}</button>
      </div>
    </form>
  );
}
