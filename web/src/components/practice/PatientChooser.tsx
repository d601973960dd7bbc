/**
 * « Pour quel patient ? » of a desk or phone booking (J3): search the practice's patients (name, email or phone) and
 * pick one, or enter a new patient; a new file is linked by the server to a Créneau account whose email or phone and
 * name match, so the appointment then shows in that person's « Mes rendez-vous ».
 */
import { useEffect, useState } from 'react';
import { ApiError } from '../../api.ts';
import { searchPatients, type PatientCard } from '../../api-practice.ts';
import { formatPhone } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import { CivilityField, EmailField, TextField, type Civility } from '../account/fields.tsx';
import { PhoneField } from '../account/PhoneField.tsx';
import { formatLongDate } from './parisTime.ts';
import { isSessionEnd } from './usePractice.ts';
import { usePracticeSession } from './PracticeSession.tsx';

export interface NewPatientDraft { civility: Civility; firstName: string; lastName: string; birthDate: string; email: string; phone: string }
export const emptyDraft: NewPatientDraft = { civility: '', firstName: '', lastName: '', birthDate: '', email: '', phone: '' };

interface PatientChooserProps {
  practitionerId: string;
  /** The chosen card's key (fileId or patientId), 'new', or ''. */
  chosen: string;
  onChoose: (key: string, patient: PatientCard | null) => void;
  draft: NewPatientDraft;
  onDraft: (draft: NewPatientDraft) => void;
  errorOf: (id: string) => string | undefined;
}

const searchDelayMs = 300;

export function cardKey(patient: PatientCard): string {
  return patient.fileId ? `file:${patient.fileId}` : `patient:${patient.patientId ?? ''}`;
}

export function PatientChooser({ practitionerId, chosen, onChoose, draft, onDraft, errorOf }: PatientChooserProps) {
  const { t, lang, locale } = useI18n();
  const { expire } = usePracticeSession();
  const [q, setQ] = useState('');
  const [found, setFound] = useState<PatientCard[] | null>(null);
  const [searchError, setSearchError] = useState<string | null>(null);

  useEffect(() => {
    const text = q.trim();
    if (text.length < 2) {
      setFound(null);
      return;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      searchPatients(practitionerId, text, lang, controller.signal)
        .then((answer) => {
          setFound(answer.patients);
          setSearchError(null);
        })
        .catch((error: unknown) => {
          if (controller.signal.aborted) return;
          if (isSessionEnd(error)) expire();
          else setSearchError(error instanceof ApiError ? error.message : t('web.error.network'));
        });
    }, searchDelayMs);
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [q, practitionerId, lang, expire, t]);

  const set = (field: keyof NewPatientDraft) => (value: string) => onDraft({ ...draft, [field]: value });
  const chosenError = errorOf('booking-patient');

  return (
    <fieldset className={`form-field patient-chooser${chosenError ? ' has-error' : ''}`} aria-describedby={chosenError ? 'booking-patient-error' : undefined}>
      <legend className="field-label">{t('web.practice.booking.patient')}</legend>
      {chosenError ? <p id="booking-patient-error" className="field-error">{chosenError}</p> : null}
      <TextField id="booking-patient-search" label={t('web.practice.booking.search')} hint={t('web.practice.booking.search_hint')}
        type="search" value={q} onValue={setQ} autoComplete="off" spellCheck={false} maxLength={100} />
      <div role="status" className="patient-results-status">
        {found ? <p className="muted">{t('web.practice.booking.found', { count: found.length })}</p> : null}
        {searchError ? <p className="error-message">{searchError}</p> : null}
      </div>
      <div className="patient-options">
        {(found ?? []).map((patient) => {
          const key = cardKey(patient);
          const id = `booking-patient-${key.replace(/[^a-zA-Z0-9-]/g, '-')}`;
          return (
            <div key={key} className="radio patient-option">
              <input type="radio" id={id} name="booking-patient" value={key} checked={chosen === key} onChange={() => onChoose(key, patient)}
                aria-describedby={`${id}-details`} />
              <label htmlFor={id}>
                <span className="patient-option-name">{patient.firstName} {patient.lastName}</span>
                <span id={`${id}-details`} className="patient-option-details">
                  {[
                    patient.birthDate ? formatLongDate(patient.birthDate, locale) : null,
                    patient.email, patient.phone ? formatPhone(patient.phone) : null,
                    patient.linkedAccount ? t('web.practice.patient.linked') : null,
                    patient.blocked ? t('web.practice.patient.blocked') : null,
                  ].filter(Boolean).join(' · ')}
                </span>
              </label>
            </div>
          );
        })}
        <div className="radio patient-option">
          <input type="radio" id="booking-patient-new" name="booking-patient" value="new" checked={chosen === 'new'} onChange={() => onChoose('new', null)} />
          <label htmlFor="booking-patient-new">{t('web.practice.booking.new_patient')}</label>
        </div>
      </div>
      {chosen === 'new' ? (
        <div className="relative-form new-patient-form">
          <p className="field-hint">{t('web.practice.booking.new_patient_hint')}</p>
          <CivilityField name="new-patient-civility" value={draft.civility} onValue={set('civility')} />
          <div className="field-pair">
            <TextField id="new-patient-first-name" label={t('web.practice.patient.first_name')} value={draft.firstName} onValue={set('firstName')}
              autoComplete="off" required maxLength={100} error={errorOf('new-patient-first-name')} />
            <TextField id="new-patient-last-name" label={t('web.practice.patient.last_name')} value={draft.lastName} onValue={set('lastName')}
              autoComplete="off" required maxLength={100} error={errorOf('new-patient-last-name')} />
          </div>
          <TextField id="new-patient-birth-date" label={t('web.practice.patient.birth_date')} type="date" value={draft.birthDate}
            onValue={set('birthDate')} className="date-field" error={errorOf('new-patient-birth-date')} />
          <EmailField id="new-patient-email" label={t('web.practice.patient.email')} value={draft.email} onValue={set('email')}
            autoComplete="off" error={errorOf('new-patient-email')} />
          <PhoneField id="new-patient-phone" label={t('web.practice.patient.phone')} value={draft.phone} onValue={set('phone')} autoComplete="off"
            error={errorOf('new-patient-phone')} />
        </div>
      ) : null}
    </fieldset>
  );
}
