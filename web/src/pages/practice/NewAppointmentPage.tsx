/**
 * /pro/nouveau-rendez-vous?debut=<instant>&lieu=<placeId>: « Nouveau rendez-vous » for a patient who phoned or came
 * to the desk (J3): the patient (found or new), the place, the reason (any, online-bookable or not) and the time. The
 * server keeps the agenda's non-overlap rule (C8): a time taken meanwhile, online or here, is refused clearly.
 */
import { useState, type FormEvent } from 'react';
import { bookForPatient, getSettings, type ActingFor, type NewAppointmentPatient, type PatientCard, type Settings } from '../../api-practice.ts';
import { ErrorSummary } from '../../components/account/ErrorSummary.tsx';
import { RequiredLegend, RequiredMark } from '../../components/account/fields.tsx';
import { collect, looksLikeEmail, serverMessagePrefixes, type FieldError } from '../../components/account/validation.ts';
import { appointmentWhen } from '../../components/booking/when.ts';
import { PatientChooser, emptyDraft, type NewPatientDraft } from '../../components/practice/PatientChooser.tsx';
import { PracticePage } from '../../components/practice/PracticeFrame.tsx';
import { usePracticeSession } from '../../components/practice/PracticeSession.tsx';
import { isDate, isTime, parisDay, parisInstant, parisTime } from '../../components/practice/parisTime.ts';
import { SlotPicker } from '../../components/practice/SlotPicker.tsx';
import { loadError, usePracticeLoad, usePracticeSubmission } from '../../components/practice/usePractice.ts';
import { parisDate } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import { navigate } from '../../router.tsx';

export function NewAppointmentPage({ query }: { query: URLSearchParams }) {
  const { t } = useI18n();
  return (
    <PracticePage title={t('web.practice.booking.title')} right="book">
      {(acting) => <NewAppointment key={acting.id} acting={acting} query={query} />}
    </PracticePage>
  );
}

function NewAppointment({ acting, query }: { acting: ActingFor; query: URLSearchParams }) {
  const { t, lang } = useI18n();
  const settings = usePracticeLoad(`settings|${acting.id}|${lang}`, (signal) => getSettings(acting.id, lang, signal));
  if (settings.state === 'loading') return <p role="status">{t('web.practice.loading')}</p>;
  if (settings.state === 'error') return <p role="alert" className="error-message">{loadError(settings.error, t('web.error.network'))}</p>;
  return <BookingForm acting={acting} settings={settings.data} query={query} />;
}

const fieldsOfServerErrors = {
  'new-patient-phone': serverMessagePrefixes.phone,
  'new-patient-email': serverMessagePrefixes.email,
  'new-patient-birth-date': serverMessagePrefixes.birthDate,
};

function BookingForm({ acting, settings, query }: { acting: ActingFor; settings: Settings; query: URLSearchParams }) {
  const { t, lang, locale } = useI18n();
  const session = usePracticeSession();
  const start = query.get('debut');
  const startValid = Boolean(start && !Number.isNaN(new Date(start).getTime()));
  const [placeId, setPlaceId] = useState(() => settings.places.find((p) => p.id === query.get('lieu'))?.id ?? settings.places[0]?.id ?? '');
  const [reasonId, setReasonId] = useState(settings.reasons[0]?.id ?? '');
  const [date, setDate] = useState(startValid && start ? parisDay(start) : parisDate());
  const [time, setTime] = useState(startValid && start ? parisTime(start) : '');
  const [chosen, setChosen] = useState('');
  const [card, setCard] = useState<PatientCard | null>(null);
  const [draft, setDraft] = useState<NewPatientDraft>(emptyDraft);
  const submission = usePracticeSubmission({ fieldsOfServerErrors });

  const required = (id: string, label: string, value: string): FieldError | false =>
    !value.trim() && { id, message: t('web.accounts.error.required', { field: label }) };

  const patientErrors = (): FieldError[] => {
    if (!chosen) return [{ id: 'booking-patient', message: t('web.practice.booking.patient_required') }];
    if (chosen !== 'new') return [];
    return collect(
      required('new-patient-first-name', t('web.practice.patient.first_name'), draft.firstName),
      required('new-patient-last-name', t('web.practice.patient.last_name'), draft.lastName),
      Boolean(draft.email.trim()) && !looksLikeEmail(draft.email) && { id: 'new-patient-email', message: t('web.accounts.error.email') },
    );
  };

  const patientOf = (): NewAppointmentPatient => {
    if (chosen === 'new') {
      return { new: {
        civility: draft.civility || null, firstName: draft.firstName.trim(), lastName: draft.lastName.trim(),
        birthDate: draft.birthDate || null, email: draft.email.trim() || null, phone: draft.phone.trim() || null,
      } };
    }
    if (card?.fileId) return { fileId: card.fileId };
    return { patientId: card?.patientId ?? '' };
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submission.submit(
      [
        ...patientErrors(),
        ...collect(
          !placeId && { id: 'booking-place', message: t('web.practice.booking.place_required') },
          !reasonId && { id: 'booking-reason', message: t('web.practice.booking.reason_required') },
          !isDate(date) && { id: 'booking-date', message: t('web.practice.slot.date_required') },
          !isTime(time) && { id: 'booking-time', message: t('web.practice.slot.time_required') },
        ),
      ],
      async () => {
        const detail = await bookForPatient(acting.id, { placeId, reasonId, start: parisInstant(date, time), patient: patientOf() }, lang);
        const name = detail.patient ? `${detail.patient.firstName} ${detail.patient.lastName}` : '';
        session.announce({
          key: 'web.practice.booking.done', params: { name, when: appointmentWhen(detail.appointment.start, t, locale) },
          path: `/pro/rendez-vous/${detail.appointment.id}`,
        });
        navigate(`/pro/rendez-vous/${encodeURIComponent(detail.appointment.id)}`);
      },
    );
  };

  if (!settings.places.length || !settings.reasons.length) return <p>{t('web.practice.booking.setup_first')}</p>;
  return (
    <form noValidate onSubmit={onSubmit} className="account-form practice-form">
      <ErrorSummary submission={submission} />
      <RequiredLegend />
      <PatientChooser practitionerId={acting.id} chosen={chosen} onChoose={(key, patient) => { setChosen(key); setCard(patient); }}
        draft={draft} onDraft={setDraft} errorOf={submission.errorOf} />
      <fieldset className="practice-fieldset">
        <legend className="field-label">{t('web.practice.booking.when')}</legend>
        <div className="field-pair">
          <div className="form-field">
            <label htmlFor="booking-place" className="field-label">{t('web.practice.booking.place')}<RequiredMark /></label>
            <select id="booking-place" value={placeId} onChange={(event) => setPlaceId(event.target.value)} aria-required>
              {settings.places.map((place) => <option key={place.id} value={place.id}>{place.name ?? place.address}</option>)}
            </select>
          </div>
          <div className="form-field">
            <label htmlFor="booking-reason" className="field-label">{t('web.practice.booking.reason')}<RequiredMark /></label>
            <select id="booking-reason" value={reasonId} onChange={(event) => setReasonId(event.target.value)} aria-required>
              {settings.reasons.map((reason) => (
                <option key={reason.id} value={reason.id}>
                  {lang === 'en' ? reason.labelEn : reason.labelFr} ({t('web.practice.reasons.minutes', { count: reason.durationMinutes })})
                </option>
              ))}
            </select>
          </div>
        </div>
        <SlotPicker idPrefix="booking" practitionerId={acting.id} placeId={placeId} reasonId={reasonId} date={date} time={time}
          onDate={setDate} onTime={setTime} dateError={submission.errorOf('booking-date')} timeError={submission.errorOf('booking-time')} />
      </fieldset>
      <button type="submit" className="button button-primary" disabled={submission.busy}>
        {submission.busy ? t('web.accounts.sending') : t('web.practice.booking.submit')}
      </button>
    </form>
  );
}
