/**
 * « Mon compte » of the practitioner space (`/pro/compte`, docs/api-practice.md « Own account »): the staff login
 * changes its password (A3 checklist) and logs out of every device. Same sections and words as the patient's.
 */
import { useState, type FormEvent } from 'react';
import { changeStaffPassword, staffLogOutEverywhere } from '../../api-practice.ts';
import { ErrorSummary } from '../../components/account/ErrorSummary.tsx';
import { RequiredLegend } from '../../components/account/fields.tsx';
import { PasswordField } from '../../components/account/PasswordField.tsx';
import { missingRules } from '../../components/account/passwordRules.ts';
import { SectionStatus } from '../../components/account/SectionStatus.tsx';
import { useSubmission } from '../../components/account/useSubmission.ts';
import { collect, serverMessagePrefixes } from '../../components/account/validation.ts';
import { PracticePage } from '../../components/practice/PracticeFrame.tsx';
import { usePracticeSession } from '../../components/practice/PracticeSession.tsx';
import { isSessionEnd } from '../../components/practice/usePractice.ts';
import { useI18n } from '../../i18n.tsx';
import { navigate } from '../../router.tsx';

export function PracticeAccountPage() {
  const { t } = useI18n();
  return (
    <PracticePage title={t('web.practice.account.title')} own={(staff) => (
      <>
        <p className="muted">{staff.email}</p>
        <StaffPasswordSection />
        <StaffDevicesSection />
      </>
    )} />
  );
}

/** The current password and a new one; a 401 (session over meanwhile) goes back to the login page. */
function StaffPasswordSection() {
  const { t, lang } = useI18n();
  const { expire } = usePracticeSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [saved, setSaved] = useState(false);
  const submission = useSubmission({ fieldsOfServerErrors: {
    'pro-password-current': serverMessagePrefixes.currentPassword, 'pro-password-new': serverMessagePrefixes.password,
  } });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    void submission.submit(
      collect(
        !current && { id: 'pro-password-current', message: t('web.accounts.error.required', { field: t('web.accounts.security.password.current') }) },
        (!next && { id: 'pro-password-new', message: t('web.accounts.error.required', { field: t('web.accounts.security.password.new') }) })
          || (missingRules(next).length > 0 && { id: 'pro-password-new', message: t('web.accounts.error.password_rules') }),
      ),
      async () => {
        try {
          await changeStaffPassword(current, next, lang);
        } catch (error) {
          if (isSessionEnd(error)) {
            expire();
            return;
          }
          throw error;
        }
        setCurrent('');
        setNext('');
        setSaved(true);
      },
    );
  };

  return (
    <section className="account-section" aria-labelledby="pro-password-title">
      <h2 id="pro-password-title">{t('web.accounts.security.password.title')}</h2>
      <form noValidate onSubmit={onSubmit} className="account-form">
        <ErrorSummary submission={submission} />
        <RequiredLegend />
        <PasswordField id="pro-password-current" label={t('web.accounts.security.password.current')} value={current} onValue={setCurrent}
          autoComplete="current-password" error={submission.errorOf('pro-password-current')} />
        <PasswordField id="pro-password-new" label={t('web.accounts.security.password.new')} value={next} onValue={setNext}
          autoComplete="new-password" checklist error={submission.errorOf('pro-password-new')} />
        <button type="submit" className="button button-primary" disabled={submission.busy}>
          {submission.busy ? t('web.accounts.sending') : t('web.accounts.security.password.submit')}
        </button>
        <SectionStatus message={saved ? t('web.accounts.security.password.done') : null} />
      </form>
    </section>
  );
}

/** « Se déconnecter de tous les appareils »: then the login page, with a notice saying so. */
function StaffDevicesSection() {
  const { t, lang } = useI18n();
  const session = usePracticeSession();
  const submission = useSubmission();
  const logOutAll = () => void submission.submit([], async () => {
    try {
      await staffLogOutEverywhere(lang);
    } catch (error) {
      if (!isSessionEnd(error)) throw error;
    }
    session.announce({ key: 'web.practice.notice.logged_out_all', path: '/pro/connexion' });
    navigate('/pro/connexion');
    session.clear();
  });
  return (
    <section className="account-section" aria-labelledby="pro-devices-title">
      <h2 id="pro-devices-title">{t('web.accounts.security.devices.title')}</h2>
      <p>{t('web.accounts.security.devices.text')}</p>
      <ErrorSummary submission={submission} />
      <button type="button" className="button button-secondary" disabled={submission.busy} onClick={logOutAll}>
        {t('web.accounts.security.devices.submit')}
      </button>
    </section>
  );
}
