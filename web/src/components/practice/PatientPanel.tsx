/**
 * An appointment's patient as the practice sees it: identity, contact, the account holder when the patient is a
 * relative, whether a Créneau account is linked, no-shows with this practitioner (since the last unblocking), whether
 * online booking is refused (blocked by the practice, or after three no-shows); and the J4/E4 switches — « Bloquer le
 * patient » / « Débloquer » (which lifts either block), notifications off / on — for staff allowed to manage patients.
 */
import { useState } from 'react';
import { changePatientSwitches, type PatientCard, type PatientSwitches } from '../../api-practice.ts';
import { formatPhone } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import { ErrorSummary } from '../account/ErrorSummary.tsx';
import { SectionStatus } from '../account/SectionStatus.tsx';
import { formatLongDate, parisDay } from './parisTime.ts';
import { usePracticeSubmission } from './usePractice.ts';

interface PatientPanelProps {
  practitionerId: string;
  patient: PatientCard;
  canManage: boolean;
  onChanged: (patient: PatientCard) => void;
}

export function PatientPanel({ practitionerId, patient, canManage, onChanged }: PatientPanelProps) {
  const { t, lang, locale } = useI18n();
  const submission = usePracticeSubmission();
  const [done, setDone] = useState<string | null>(null);
  const name = `${patient.firstName} ${patient.lastName}`;
  const holder = patient.relativeOf;
  const refused = patient.blocked || patient.blockedAfterNoShows;

  const change = (changes: PatientSwitches, message: string) => {
    setDone(null);
    void submission.submit([], async () => {
      const answer = await changePatientSwitches(practitionerId, patient, changes, lang);
      onChanged(answer.patient);
      setDone(message);
    });
  };

  return (
    <section className="practice-section" aria-labelledby="patient-title">
      <h2 id="patient-title">{t('web.practice.patient.title')}</h2>
      <dl className="contact-list">
        <div><dt>{t('web.practice.patient.name')}</dt><dd>{name}</dd></div>
        {patient.birthDate ? <div><dt>{t('web.practice.patient.birth_date')}</dt><dd>{formatLongDate(patient.birthDate, locale)}</dd></div> : null}
        <div><dt>{t('web.practice.patient.email')}</dt><dd>{patient.email ?? t('web.practice.patient.unknown')}</dd></div>
        <div>
          <dt>{t('web.practice.patient.phone')}</dt>
          <dd>{patient.phone ? <a href={`tel:${patient.phone}`}>{formatPhone(patient.phone)}</a> : t('web.practice.patient.unknown')}</dd>
        </div>
        <div><dt>{t('web.practice.patient.account')}</dt><dd>{t(patient.linkedAccount ? 'web.practice.patient.linked' : 'web.practice.patient.not_linked')}</dd></div>
        {holder ? (
          <div>
            <dt>{t('web.practice.patient.relative_of')}</dt>
            <dd>
              {[holder.firstName, holder.lastName].filter(Boolean).join(' ') || t('web.practice.patient.unknown')}
              {holder.email ? <> · {holder.email}</> : null}
              {holder.phone ? <> · <a href={`tel:${holder.phone}`}>{formatPhone(holder.phone)}</a></> : null}
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{patient.noShowsForgivenAt
            ? t('web.practice.patient.no_shows_since', { date: formatLongDate(parisDay(patient.noShowsForgivenAt), locale) })
            : t('web.practice.patient.no_shows')}</dt>
          <dd>{patient.noShows}</dd>
        </div>
        <div><dt>{t('web.practice.patient.online_booking')}</dt><dd>
          {t(patient.blocked ? 'web.practice.patient.blocked' : patient.blockedAfterNoShows ? 'web.practice.patient.blocked_no_shows' : 'web.practice.patient.allowed')}
        </dd></div>
        <div><dt>{t('web.practice.patient.notifications')}</dt><dd>{t(patient.notificationsOff ? 'web.practice.patient.notifications_off' : 'web.practice.patient.notifications_on')}</dd></div>
      </dl>
      {canManage ? (
        <>
          <ErrorSummary submission={submission} />
          <div className="button-row">
            {refused ? (
              <button type="button" className="button button-secondary" disabled={submission.busy}
                onClick={() => change({ blocked: false }, t('web.practice.patient.unblocked_done', { name }))}>
                {t('web.practice.patient.unblock')}
              </button>
            ) : (
              <button type="button" className="button button-danger-outline" disabled={submission.busy}
                onClick={() => change({ blocked: true }, t('web.practice.patient.blocked_done', { name }))}>
                {t('web.practice.patient.block')}
              </button>
            )}
            <button type="button" className="button button-secondary" disabled={submission.busy}
              onClick={() => change({ notificationsOff: !patient.notificationsOff },
                t(patient.notificationsOff ? 'web.practice.patient.notifications_on_done' : 'web.practice.patient.notifications_off_done', { name }))}>
              {t(patient.notificationsOff ? 'web.practice.patient.notifications_resume' : 'web.practice.patient.notifications_stop')}
            </button>
          </div>
          <SectionStatus message={done} />
        </>
      ) : null}
    </section>
  );
}
