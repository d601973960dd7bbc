/**
 * /pro/secretariat (the practitioner only): the secretaries acting for it — invite one (an email with a link to set a
 * password), set its rights (agenda always; booking, managing patients, settings as chosen), revoke its access.
 */
import { useState, type FormEvent } from 'react';
import {
  changeSecretaryRights, grantableRights, inviteSecretary, listSecretaries, revokeSecretary, type ActingFor, type Right, type Secretary,
} from '../../api-practice.ts';
import { ConfirmDialog } from '../../components/account/ConfirmDialog.tsx';
import { ErrorSummary } from '../../components/account/ErrorSummary.tsx';
import { EmailField, RequiredLegend, TextField } from '../../components/account/fields.tsx';
import { PhoneField } from '../../components/account/PhoneField.tsx';
import { SectionStatus } from '../../components/account/SectionStatus.tsx';
import { collect, looksLikeEmail, serverMessagePrefixes } from '../../components/account/validation.ts';
import { PracticePage } from '../../components/practice/PracticeFrame.tsx';
import { formatLongDate, parisDay } from '../../components/practice/parisTime.ts';
import { loadError, usePracticeLoad, usePracticeSubmission } from '../../components/practice/usePractice.ts';
import { useI18n } from '../../i18n.tsx';

export function SecretariesPage() {
  const { t } = useI18n();
  return (
    <PracticePage title={t('web.practice.secretaries.title')} practitionerOnly>
      {(acting) => <Secretaries key={acting.id} acting={acting} />}
    </PracticePage>
  );
}

function Secretaries({ acting }: { acting: ActingFor }) {
  const { t, lang } = useI18n();
  const loaded = usePracticeLoad(`secretaries|${acting.id}|${lang}`, (signal) => listSecretaries(acting.id, lang, signal));
  const [changed, setChanged] = useState<Secretary[] | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<Secretary | null>(null);
  const revocation = usePracticeSubmission();
  const secretaries = changed ?? (loaded.state === 'done' ? loaded.data.secretaries : null);

  const replace = (secretary: Secretary) => setChanged((secretaries ?? []).map((s) => (s.id === secretary.id ? secretary : s)));
  const confirmRevoke = () => void revocation.submit([], async () => {
    if (!revoking || !secretaries) return;
    await revokeSecretary(acting.id, revoking.id, lang);
    setChanged(secretaries.filter((s) => s.id !== revoking.id));
    setDone(t('web.practice.secretaries.revoked', { name: `${revoking.firstName} ${revoking.lastName}` }));
    setRevoking(null);
  });

  return (
    <div className="settings-list">
      <p className="lead">{t('web.practice.secretaries.lead')}</p>
      <SectionStatus message={done} />
      {loaded.state === 'error' ? <p role="alert" className="error-message">{loadError(loaded.error, t('web.error.network'))}</p> : null}
      {secretaries === null && loaded.state === 'loading' ? <p role="status">{t('web.practice.loading')}</p> : null}
      {secretaries ? (
        secretaries.length ? (
          <ul className="settings-cards">
            {secretaries.map((secretary) => (
              <li key={secretary.id}>
                <SecretaryCard acting={acting} secretary={secretary} onSaved={(next) => { replace(next); setDone(t('web.practice.saved')); }}
                  onRevoke={() => { revocation.reset(); setRevoking(secretary); }} />
              </li>
            ))}
          </ul>
        ) : <p className="muted">{t('web.practice.secretaries.none')}</p>
      ) : null}
      <InviteForm acting={acting} onInvited={(secretary) => {
        setChanged([...(secretaries ?? []), secretary].sort((a, b) => a.lastName.localeCompare(b.lastName)));
        setDone(t('web.practice.secretaries.invited', { email: secretary.email }));
      }} />
      <ConfirmDialog open={revoking !== null} title={t('web.practice.secretaries.revoke_title')}
        text={t('web.practice.secretaries.revoke_text', { name: revoking ? `${revoking.firstName} ${revoking.lastName}` : '' })}
        confirmLabel={t('web.practice.secretaries.revoke')} onConfirm={confirmRevoke} onClose={() => setRevoking(null)} submission={revocation} />
    </div>
  );
}

function RightsFields({ idPrefix, rights, onRights }: { idPrefix: string; rights: Right[]; onRights: (rights: Right[]) => void }) {
  const { t } = useI18n();
  return (
    <fieldset className="practice-fieldset">
      <legend className="field-label">{t('web.practice.secretaries.rights')}</legend>
      <p className="field-hint">{t('web.practice.secretaries.rights_hint')}</p>
      {grantableRights.map((right) => (
        <div key={right} className="checkbox">
          <input type="checkbox" id={`${idPrefix}-${right}`} checked={rights.includes(right)}
            onChange={(event) => onRights(event.target.checked ? [...rights, right] : rights.filter((r) => r !== right))} />
          <label htmlFor={`${idPrefix}-${right}`}>{t(`web.practice.right.${right}`)}</label>
        </div>
      ))}
    </fieldset>
  );
}

function SecretaryCard({ acting, secretary, onSaved, onRevoke }: {
  acting: ActingFor; secretary: Secretary; onSaved: (secretary: Secretary) => void; onRevoke: () => void;
}) {
  const { t, lang, locale } = useI18n();
  const [rights, setRights] = useState<Right[]>(secretary.rights.filter((r) => r !== 'view'));
  const submission = usePracticeSubmission();
  const name = `${secretary.firstName} ${secretary.lastName}`;
  const idPrefix = `secretary-${secretary.id}`;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submission.submit([], async () => onSaved((await changeSecretaryRights(acting.id, secretary.id, rights, lang)).secretary));
  };
  return (
    <article className="practice-card" aria-labelledby={`${idPrefix}-name`}>
      <h2 id={`${idPrefix}-name`}>{name}</h2>
      <p>{secretary.email}</p>
      <p className="muted">
        {secretary.activated ? t('web.practice.secretaries.active', { day: formatLongDate(parisDay(secretary.grantedAt), locale) })
          : t('web.practice.secretaries.pending')}
      </p>
      <form noValidate onSubmit={onSubmit} className="account-form" aria-label={t('web.practice.secretaries.rights_of', { name })}>
        <ErrorSummary submission={submission} />
        <RightsFields idPrefix={idPrefix} rights={rights} onRights={setRights} />
        <div className="button-row">
          <button type="submit" className="button button-secondary" disabled={submission.busy}>
            {t('web.practice.secretaries.save_rights')}<span className="sr-only"> – {name}</span>
          </button>
          <button type="button" className="button button-danger-outline" onClick={onRevoke}>
            {t('web.practice.secretaries.revoke')}<span className="sr-only"> – {name}</span>
          </button>
        </div>
      </form>
    </article>
  );
}

function InviteForm({ acting, onInvited }: { acting: ActingFor; onInvited: (secretary: Secretary) => void }) {
  const { t, lang } = useI18n();
  const [email, setEmail] = useState('');
  const [firstName, setFirstName] = useState('');
  const [lastName, setLastName] = useState('');
  const [phone, setPhone] = useState('');
  const [rights, setRights] = useState<Right[]>(['book']);
  const submission = usePracticeSubmission({ fieldsOfServerErrors: { 'invite-phone': serverMessagePrefixes.phone } });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submission.submit(
      collect(
        !looksLikeEmail(email) && { id: 'invite-email', message: t('web.accounts.error.email') },
        !firstName.trim() && { id: 'invite-first-name', message: t('web.accounts.error.required', { field: t('web.practice.patient.first_name') }) },
        !lastName.trim() && { id: 'invite-last-name', message: t('web.accounts.error.required', { field: t('web.practice.patient.last_name') }) },
      ),
      async () => {
        const { secretary } = await inviteSecretary(acting.id, {
          email: email.trim(), firstName: firstName.trim(), lastName: lastName.trim(), ...(phone.trim() ? { phone: phone.trim() } : {}), rights,
        }, lang);
        setEmail('');
        setFirstName('');
        setLastName('');
        setPhone('');
        onInvited(secretary);
      },
    );
  };
  return (
    <form noValidate onSubmit={onSubmit} className="account-form practice-form" aria-labelledby="invite-title">
      <h2 id="invite-title">{t('web.practice.secretaries.invite')}</h2>
      <ErrorSummary submission={submission} />
      <RequiredLegend />
      <EmailField id="invite-email" label={t('web.practice.patient.email')} value={email} onValue={setEmail} required
        autoComplete="off" error={submission.errorOf('invite-email')} />
      <div className="field-pair">
        <TextField id="invite-first-name" label={t('web.practice.patient.first_name')} value={firstName} onValue={setFirstName} required
          autoComplete="off" maxLength={100} error={submission.errorOf('invite-first-name')} />
        <TextField id="invite-last-name" label={t('web.practice.patient.last_name')} value={lastName} onValue={setLastName} required
          autoComplete="off" maxLength={100} error={submission.errorOf('invite-last-name')} />
      </div>
      <PhoneField id="invite-phone" label={t('web.practice.secretaries.phone')} hint={t('web.practice.secretaries.phone_hint')} value={phone}
        onValue={setPhone} autoComplete="off" error={submission.errorOf('invite-phone')} />
      <RightsFields idPrefix="invite" rights={rights} onRights={setRights} />
      <button type="submit" className="button button-primary" disabled={submission.busy}>
        {submission.busy ? t('web.accounts.sending') : t('web.practice.secretaries.invite_submit')}
      </button>
    </form>
  );
}
