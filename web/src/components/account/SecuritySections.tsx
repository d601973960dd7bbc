/**
 * « Mon compte » (A6, A4): change the password, « Se déconnecter de tous les appareils », « Supprimer mon compte »
 * (a confirmation dialog asking for the password).
 */
import { useState, type FormEvent } from 'react';
import { ApiError, changePassword, deleteAccount, logOutEverywhere } from '../../api.ts';
import { useI18n } from '../../i18n.tsx';
import type { Language } from '../../../../src/platform/i18n/web-catalogue.ts';
import { navigate } from '../../router.tsx';
import { useSession } from '../../session.tsx';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { ErrorSummary } from './ErrorSummary.tsx';
import { RequiredLegend } from './fields.tsx';
import { PasswordField } from './PasswordField.tsx';
import { missingRules } from './passwordRules.ts';
import { SectionStatus } from './SectionStatus.tsx';
import { useSubmission } from './useSubmission.ts';
import { collect, serverMessagePrefixes } from './validation.ts';

export interface PasswordSectionProps {
  /** Prefix of the ids of the section and its inputs. */
  idPrefix?: string;
  /** Sends the change; false when the session ended meanwhile and the caller has already left the page. */
  change?: (current: string, next: string, lang: Language) => Promise<boolean>;
  /** A 401 means the patient's session ended: useSubmission sends the patient to the login page. */
  signedIn?: boolean;
}

const changePatientPassword = async (current: string, next: string, lang: Language) => {
  await changePassword(current, next, lang);
  return true;
};

/** The current password and a new one with the A3 checklist: the patient's « Mon compte », and the staff's (`/pro/compte`). */
export function PasswordSection({ idPrefix = 'password', change = changePatientPassword, signedIn = true }: PasswordSectionProps) {
  const { t, lang } = useI18n();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [saved, setSaved] = useState(false);
  const currentId = `${idPrefix}-current`;
  const newId = `${idPrefix}-new`;
  const submission = useSubmission({ signedIn, fieldsOfServerErrors: {
    [currentId]: serverMessagePrefixes.currentPassword, [newId]: serverMessagePrefixes.password,
  } });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    void submission.submit(
      collect(
        !current && { id: currentId, message: t('web.accounts.error.required', { field: t('web.accounts.security.password.current') }) },
        (!next && { id: newId, message: t('web.accounts.error.required', { field: t('web.accounts.security.password.new') }) })
          || (missingRules(next).length > 0 && { id: newId, message: t('web.accounts.error.password_rules') }),
      ),
      async () => {
        if (!(await change(current, next, lang))) return;
        setCurrent('');
        setNext('');
        setSaved(true);
      },
    );
  };

  return (
    <section className="account-section" aria-labelledby={`${idPrefix}-title`}>
      <h2 id={`${idPrefix}-title`}>{t('web.accounts.security.password.title')}</h2>
      <form noValidate onSubmit={onSubmit} className="account-form">
        <ErrorSummary submission={submission} />
        <RequiredLegend />
        <PasswordField id={currentId} label={t('web.accounts.security.password.current')} value={current} onValue={setCurrent}
          autoComplete="current-password" error={submission.errorOf(currentId)} />
        <PasswordField id={newId} label={t('web.accounts.security.password.new')} value={next} onValue={setNext}
          autoComplete="new-password" checklist error={submission.errorOf(newId)} />
        <button type="submit" className="button button-primary" disabled={submission.busy}>
          {submission.busy ? t('web.accounts.sending') : t('web.accounts.security.password.submit')}
        </button>
        <SectionStatus message={saved ? t('web.accounts.security.password.done') : null} />
      </form>
    </section>
  );
}

export interface LogOutEverywhereSectionProps {
  /** Prefix of the ids of the section. */
  idPrefix?: string;
  /** Ends every session of the login, then leaves the page for the login page with a notice saying so. */
  logOutAll: (lang: Language) => Promise<void>;
  /** A 401 means the patient's session ended: useSubmission sends the patient to the login page. */
  signedIn?: boolean;
}

/** « Se déconnecter de tous les appareils »: the patient's « Mon compte », and the staff's (`/pro/compte`). */
export function LogOutEverywhereSection({ idPrefix = 'devices', logOutAll, signedIn = true }: LogOutEverywhereSectionProps) {
  const { t, lang } = useI18n();
  const submission = useSubmission({ signedIn });
  const onClick = () => void submission.submit([], () => logOutAll(lang));
  return (
    <section className="account-section" aria-labelledby={`${idPrefix}-title`}>
      <h2 id={`${idPrefix}-title`}>{t('web.accounts.security.devices.title')}</h2>
      <p>{t('web.accounts.security.devices.text')}</p>
      <ErrorSummary submission={submission} />
      <button type="button" className="button button-secondary" disabled={submission.busy} onClick={onClick}>
        {t('web.accounts.security.devices.submit')}
      </button>
    </section>
  );
}

/** The patient's: a 401 (already logged out) counts as done. */
export function DevicesSection() {
  const session = useSession();
  const logOutAll = async (lang: Language) => {
    try {
      await logOutEverywhere(lang);
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 401)) throw error;
    }
    // Leave the page first: a signed-out « Mon compte » would send the user to the login page with a way back here.
    session.announce({ key: 'web.accounts.notice.logged_out_all', path: '/connexion' });
    navigate('/connexion');
    session.clear();
  };
  return <LogOutEverywhereSection logOutAll={logOutAll} />;
}

export function DeleteSection() {
  const { t, lang } = useI18n();
  const session = useSession();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const submission = useSubmission({ signedIn: true, fieldsOfServerErrors: { 'delete-password': serverMessagePrefixes.currentPassword } });

  const confirm = () => void submission.submit(
    collect(!password && { id: 'delete-password', message: t('web.accounts.error.required', { field: t('web.accounts.delete.dialog.password') }) }),
    async () => {
      await deleteAccount(password, lang);
      session.announce({ key: 'web.accounts.notice.deleted', path: '/' });
      navigate('/');
      session.clear();
    },
  );

  const close = () => {
    setOpen(false);
    setPassword('');
    submission.reset();
  };

  return (
    <section className="account-section danger-zone" aria-labelledby="delete-title">
      <h2 id="delete-title">{t('web.accounts.delete.title')}</h2>
      <p>{t('web.accounts.delete.text')}</p>
      <button type="button" className="button button-danger" onClick={() => setOpen(true)}>{t('web.accounts.delete.open')}</button>
      <ConfirmDialog open={open} title={t('web.accounts.delete.dialog.title')} text={t('web.accounts.delete.dialog.text')}
        confirmLabel={t('web.accounts.delete.dialog.confirm')} onConfirm={confirm} onClose={close} submission={submission}>
        <PasswordField id="delete-password" label={t('web.accounts.delete.dialog.password')} value={password} onValue={setPassword}
          autoComplete="current-password" error={submission.errorOf('delete-password')} />
      </ConfirmDialog>
    </section>
  );
}
