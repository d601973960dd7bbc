/**
 * « Mon compte » of the practitioner space (`/pro/compte`, docs/api-practice.md « Own account »): the staff login
 * changes its password (A3 checklist) and logs out of every device. Same sections and words as the patient's.
 */
import { changeStaffPassword, staffLogOutEverywhere } from '../../api-practice.ts';
import { ErrorSummary } from '../../components/account/ErrorSummary.tsx';
import { PasswordSection } from '../../components/account/SecuritySections.tsx';
import { useSubmission } from '../../components/account/useSubmission.ts';
import { PracticePage } from '../../components/practice/PracticeFrame.tsx';
import { usePracticeSession } from '../../components/practice/PracticeSession.tsx';
import { isSessionEnd } from '../../components/practice/usePractice.ts';
import { useI18n } from '../../i18n.tsx';
import type { Language } from '../../../../src/platform/i18n/web-catalogue.ts';
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

/** The patient's password section on the staff API; a 401 (session over meanwhile) goes back to the login page. */
function StaffPasswordSection() {
  const { expire } = usePracticeSession();
  const change = async (current: string, next: string, lang: Language) => {
    try {
      await changeStaffPassword(current, next, lang);
      return true;
    } catch (error) {
      if (!isSessionEnd(error)) throw error;
      expire();
      return false;
    }
  };
  return <PasswordSection idPrefix="pro-password" signedIn={false} change={change} />;
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
