/**
 * /pro/rendez-vous/:id: one appointment for the practice — when, where, why, how it was booked, the patient (and the
 * account holder of a relative), the history with this practitioner; move, cancel, « Déclarer une absence du
 * patient » (D5), block / unblock and notifications (J4, E4).
 */
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api.ts';
import {
  cancelAppointment, declareNoShow, getAppointmentDetail, getSettings, type ActingFor, type AppointmentDetail, type PatientCard,
} from '../../api-practice.ts';
import { ConfirmDialog } from '../../components/account/ConfirmDialog.tsx';
import { appointmentWhen, placeText } from '../../components/booking/when.ts';
import { statusText } from '../../components/practice/AgendaGrid.tsx';
import { MoveForm } from '../../components/practice/MoveForm.tsx';
import { PatientPanel } from '../../components/practice/PatientPanel.tsx';
import { PracticePage } from '../../components/practice/PracticeFrame.tsx';
import { usePracticeSession } from '../../components/practice/PracticeSession.tsx';
import { parisDay, parisTime } from '../../components/practice/parisTime.ts';
import { loadError, usePracticeLoad, usePracticeSubmission } from '../../components/practice/usePractice.ts';
import { formatMoney } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import { Link, navigate, pathWithQuery } from '../../router.tsx';

export function PracticeAppointmentPage({ id }: { id: string }) {
  const { t } = useI18n();
  return (
    <PracticePage title={t('web.practice.appointment.title')}>
      {(acting) => <AppointmentDetails key={`${acting.id}|${id}`} acting={acting} id={id} />}
    </PracticePage>
  );
}

function AppointmentDetails({ acting, id }: { acting: ActingFor; id: string }) {
  const { t, lang, locale } = useI18n();
  const session = usePracticeSession();
  const loaded = usePracticeLoad(`appointment|${acting.id}|${id}|${lang}`, (signal) => getAppointmentDetail(acting.id, id, lang, signal));
  const settings = usePracticeLoad(`settings|${acting.id}|${lang}`, (signal) => getSettings(acting.id, lang, signal));
  const [changed, setChanged] = useState<AppointmentDetail | null>(null);
  const [moving, setMoving] = useState(false);
  const [dialog, setDialog] = useState<'cancel' | 'no_show' | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const dialogSubmission = usePracticeSubmission();
  const statusRef = useRef<HTMLHeadingElement>(null);
  const detail = changed ?? (loaded.state === 'done' ? loaded.data : null);
  const notFound = loaded.state === 'error' && loaded.error instanceof ApiError && loaded.error.status === 404;

  useEffect(() => {
    if (!done) return;
    // The notice that led here (« Rendez-vous déplacé… ») is superseded by what was just done.
    session.announce(null);
    statusRef.current?.focus();
    // Only a new result moves the focus.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [done]);

  if (!detail) {
    if (loaded.state === 'loading') return <p role="status">{t('web.practice.loading')}</p>;
    return <p role="alert">{notFound ? t('web.practice.appointment.not_found') : loaded.state === 'error' ? loadError(loaded.error, t('web.error.network')) : ''}</p>;
  }
  const { appointment, patient, history } = detail;
  const canBook = acting.rights.includes('book');
  const started = new Date(appointment.start).getTime() <= Date.now();
  const places = settings.state === 'done' ? settings.data.places : [];
  const when = appointmentWhen(appointment.start, t, locale);

  const setPatient = (next: PatientCard) => setChanged({ ...detail, patient: next });

  const confirmCancel = () => void dialogSubmission.submit([], async () => {
    setChanged(await cancelAppointment(acting.id, appointment.id, lang));
    setDialog(null);
    setDone(t('web.practice.appointment.cancelled_done', { when }));
  });

  const confirmNoShow = () => void dialogSubmission.submit([], async () => {
    const answer = await declareNoShow(acting.id, appointment.id, lang);
    const fresh = await getAppointmentDetail(acting.id, appointment.id, lang);
    setChanged(fresh);
    setDialog(null);
    setDone(answer.noShowsWithPatient >= 3
      ? t('web.practice.appointment.no_show_blocked', { count: answer.noShowsWithPatient })
      : t('web.practice.appointment.no_show_done', { count: answer.noShowsWithPatient }));
  });

  const onMoved = (next: AppointmentDetail) => {
    session.announce({ key: 'web.practice.appointment.moved_done', params: { when: appointmentWhen(next.appointment.start, t, locale) },
      path: `/pro/rendez-vous/${next.appointment.id}` });
    navigate(`/pro/rendez-vous/${encodeURIComponent(next.appointment.id)}`);
  };

  return (
    <div className="practice-appointment">
      <section className="practice-section" aria-labelledby="appointment-when">
        <h2 id="appointment-when" ref={statusRef} tabIndex={-1}>{when}</h2>
        <div role="status" className="section-status">{done ? <p className="success-message">{done}</p> : null}</div>
        <p className={`status-badge is-${appointment.status}`}>{statusText(appointment, t)}</p>
        <dl className="contact-list">
          <div><dt>{t('web.practice.appointment.time')}</dt><dd>{parisTime(appointment.start)}–{parisTime(appointment.end)}</dd></div>
          <div><dt>{t('web.practice.appointment.reason')}</dt><dd>{appointment.reason.label} ({t('web.practice.reasons.minutes', { count: appointment.reason.durationMinutes })}, {formatMoney(appointment.reason.priceCents, locale)}{appointment.reason.video ? `, ${t('web.practice.reasons.video')}` : ''})</dd></div>
          <div><dt>{t('web.practice.appointment.place')}</dt><dd>{placeText(appointment.place)}</dd></div>
          <div><dt>{t('web.practice.appointment.source')}</dt><dd>{t(appointment.source === 'practice' ? 'web.practice.source.practice' : 'web.practice.source.online')}{appointment.bookedAt ? ` – ${appointmentWhen(appointment.bookedAt, t, locale)}` : ''}</dd></div>
          {appointment.replacement ? <div><dt>{t('web.practice.appointment.replacement')}</dt><dd>{t('web.practice.agenda.by_replacement')}</dd></div> : null}
          {appointment.cancelledAt ? <div><dt>{t('web.practice.appointment.cancelled_at')}</dt><dd>{appointmentWhen(appointment.cancelledAt, t, locale)}</dd></div> : null}
          {appointment.noShowDeclaredAt ? <div><dt>{t('web.practice.appointment.no_show_at')}</dt><dd>{appointmentWhen(appointment.noShowDeclaredAt, t, locale)}</dd></div> : null}
        </dl>
        {appointment.movedTo ? (
          <p><Link to={`/pro/rendez-vous/${encodeURIComponent(appointment.movedTo)}`}>{t('web.practice.appointment.moved_to')}</Link></p>
        ) : null}
        {canBook && appointment.status === 'booked' ? (
          <div className="button-row">
            {!started ? (
              <button type="button" className="button button-secondary" aria-expanded={moving} onClick={() => setMoving((open) => !open)}>
                {t('web.practice.appointment.move')}
              </button>
            ) : null}
            {!started ? (
              <button type="button" className="button button-danger-outline" onClick={() => { dialogSubmission.reset(); setDialog('cancel'); }}>
                {t('web.practice.appointment.cancel')}
              </button>
            ) : null}
            {started && patient ? (
              <button type="button" className="button button-danger-outline" onClick={() => { dialogSubmission.reset(); setDialog('no_show'); }}>
                {t('web.practice.appointment.no_show')}
              </button>
            ) : null}
          </div>
        ) : null}
        {canBook && appointment.status === 'booked' && !started ? <p className="field-hint">{t('web.practice.appointment.no_show_later')}</p> : null}
        {moving && appointment.status === 'booked' ? (
          <MoveForm practitionerId={acting.id} detail={detail} places={places} onMoved={onMoved} onClose={() => setMoving(false)} />
        ) : null}
        <p>
          <Link to={pathWithQuery('/pro', { vue: 'jour', date: parisDay(appointment.start) })}>{t('web.practice.appointment.back')}</Link>
        </p>
      </section>
      {patient ? (
        <PatientPanel practitionerId={acting.id} patient={patient} canManage={acting.rights.includes('manage_patients')} onChanged={setPatient} />
      ) : null}
      <section className="practice-section" aria-labelledby="history-title">
        <h2 id="history-title">{t('web.practice.history.title')}</h2>
        {history.length ? (
          <ul className="history-list">
            {history.map((past) => (
              <li key={past.id}>
                <Link to={`/pro/rendez-vous/${encodeURIComponent(past.id)}`}>{appointmentWhen(past.start, t, locale)}</Link>
                {' – '}{past.reason.label}{' – '}{statusText({ status: past.status, cancelledBy: null }, t)}
              </li>
            ))}
          </ul>
        ) : <p className="muted">{t('web.practice.history.none')}</p>}
      </section>
      <ConfirmDialog open={dialog === 'cancel'} title={t('web.practice.appointment.cancel_title')}
        text={t('web.practice.appointment.cancel_text', { when })} confirmLabel={t('web.practice.appointment.cancel_confirm')}
        dismissLabel={t('web.practice.appointment.keep')} onConfirm={confirmCancel} onClose={() => setDialog(null)} submission={dialogSubmission} />
      <ConfirmDialog open={dialog === 'no_show'} title={t('web.practice.appointment.no_show_title')}
        text={t('web.practice.appointment.no_show_text', { count: (patient?.noShows ?? 0) + 1 })}
        confirmLabel={t('web.practice.appointment.no_show_confirm')} onConfirm={confirmNoShow} onClose={() => setDialog(null)}
        submission={dialogSubmission} />
    </div>
  );
}
