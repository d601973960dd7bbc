/**
 * « Mon compte » of the practitioner space (`/pro/compte`, docs/api-practice.md « Own account »): the staff login
 * changes its password (A3 checklist) and logs out of every device. Same sections and words as the patient's.
 */
import { changeStaffPassword, staffLogOutEverywhere } from '../../api-practice.ts';
import { LogOutEverywhereSection, PasswordSection } from '../../components/account/SecuritySections.tsx';
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

/** The patient's « Se déconnecter de tous les appareils » on the staff API: then the login page, with a notice saying so. */
function StaffDevicesSection() {
  const session = usePracticeSession();
  const logOutAll = async (lang: Language) => {
    try {
      await staffLogOutEverywhere(lang);
    } catch (error) {
      if (!isSessionEnd(error)) throw error;
    }
    session.announce({ key: 'web.practice.notice.logged_out_all', path: '/pro/connexion' });
    navigate('/pro/connexion');
    session.clear();
  };
  return <LogOutEverywhereSection idPrefix="pro-devices" signedIn={false} logOutAll={logOutAll} />;
}
