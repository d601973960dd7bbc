/**
 * /mot-de-passe/nouveau#jeton=… (A5): the token travels in the fragment (never sent to servers or logs); it is
 * checked, then the new password is typed twice with the A3 checklist. An expired or used link says so and offers
 * to ask again.
 */
import { checkPasswordReset, confirmPasswordReset } from '../api.ts';
import { NewPasswordForm } from '../components/account/NewPasswordForm.tsx';
import { useTokenLink, type LinkState } from '../components/account/useTokenLink.ts';
import { usePageTitle } from '../hooks.ts';
import { useI18n } from '../i18n.tsx';
import { Link } from '../router.tsx';
import { useSession } from '../session.tsx';

export function NewPasswordPage() {
  const { t, lang } = useI18n();
  const session = useSession();
  const { token, state, setState, headingRef } = useTokenLink(checkPasswordReset);
  const titles: Record<LinkState, string> = {
    checking: t('web.accounts.reset.checking'),
    valid: t('web.accounts.reset.title'),
    missing: t('web.accounts.reset.missing.title'),
    invalid: t('web.accounts.reset.invalid.title'),
    done: t('web.accounts.reset.done.title'),
    unreachable: t('web.error.title'),
  };
  usePageTitle(titles[state]);

  const onSaved = () => {
    // Every session of the account is revoked, this browser's included.
    session.clear();
    setState('done');
  };

  return (
    <div className="page-narrow account-page">
      <h1 ref={headingRef} tabIndex={-1}>{titles[state]}</h1>
      {state === 'valid' ? (
        <NewPasswordForm idPrefix="reset" submitLabel={t('web.accounts.reset.submit')}
          save={(password) => confirmPasswordReset(token, password, lang)} onSaved={onSaved} onInvalid={() => setState('invalid')} />
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
