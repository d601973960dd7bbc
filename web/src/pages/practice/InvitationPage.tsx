/**
 * /pro/invitation#jeton=…: a new practitioner or secretary login sets its password (A3 rules). The token travels in
 * the fragment (never sent to servers), is checked, then removed from the address bar. Then the person logs in.
 */
import { useState } from 'react';
import { acceptInvitation, checkInvitation } from '../../api-practice.ts';
import { NewPasswordForm } from '../../components/account/NewPasswordForm.tsx';
import { useTokenLink, type LinkState } from '../../components/account/useTokenLink.ts';
import { usePageTitle } from '../../hooks.ts';
import { useI18n } from '../../i18n.tsx';
import { Link } from '../../router.tsx';

interface Invited { email: string; firstName: string; lastName: string; role: 'practitioner' | 'secretary' }

export function InvitationPage() {
  const { t, lang } = useI18n();
  const [invited, setInvited] = useState<Invited | null>(null);
  const { token, state, setState, headingRef } = useTokenLink(checkInvitation, setInvited);
  const titles: Record<LinkState, string> = {
    checking: t('web.practice.invitation.checking'),
    valid: t('web.practice.invitation.title'),
    missing: t('web.practice.invitation.missing.title'),
    invalid: t('web.practice.invitation.invalid.title'),
    done: t('web.practice.invitation.done.title'),
    unreachable: t('web.error.title'),
  };
  usePageTitle(titles[state]);

  return (
    <div className="page-narrow account-page">
      <h1 ref={headingRef} tabIndex={-1}>{titles[state]}</h1>
      {state === 'valid' && invited ? (
        <>
          <p className="lead">
            {t(`web.practice.invitation.lead.${invited.role}`, { name: `${invited.firstName} ${invited.lastName}`, email: invited.email })}
          </p>
          <NewPasswordForm idPrefix="invitation" submitLabel={t('web.practice.invitation.submit')}
            save={(password) => acceptInvitation(token, password, lang)} onSaved={() => setState('done')} onInvalid={() => setState('invalid')} />
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
