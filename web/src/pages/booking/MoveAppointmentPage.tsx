/**
 * /mes-rendez-vous/:id/deplacer (D2): the current appointment, the practitioner's calendar, the new slot held with
 * `moving` and confirmed → back to « Mes rendez-vous ». « Aucune disponibilité ne vous convient ? » → keep or cancel.
 */
import { ApiError, type AccountView } from '../../api.ts';
import { getAppointment, moveAppointment, type AppointmentView } from '../../api-booking.ts';
import { RequireAccount } from '../../components/account/RequireAccount.tsx';
import { AppointmentActions, PhoneOnly } from '../../components/booking/AppointmentActions.tsx';
import { AppointmentFacts } from '../../components/booking/AppointmentFacts.tsx';
import { MoveFlow } from '../../components/booking/MoveFlow.tsx';
import { appointmentWhen, patientName } from '../../components/booking/when.ts';
import { useLoad, usePageTitle } from '../../hooks.ts';
import { useI18n } from '../../i18n.tsx';
import { Link, navigate } from '../../router.tsx';
import { useSession } from '../../session.tsx';

export function MoveAppointmentPage({ id }: { id: string }) {
  const { t } = useI18n();
  usePageTitle(t('web.move.title'));
  return <RequireAccount>{(account) => <Move id={id} account={account} />}</RequireAccount>;
}

function Move({ id, account }: { id: string; account: AccountView }) {
  const { t, lang, locale } = useI18n();
  const session = useSession();
  const loaded = useLoad(`appointment|${id}|${account.id}|${lang}`, (signal) => getAppointment(id, lang, signal));
  const appointment = loaded.state === 'done' ? loaded.data : loaded.state === 'loading' ? loaded.previous ?? null : null;
  const notFound = loaded.state === 'error' && loaded.error instanceof ApiError && loaded.error.status === 404;
  const movable = appointment?.status === 'booked' && appointment.cancellation === 'online';

  const onMoved = (moved: AppointmentView) => {
    session.announce({ key: 'web.move.done', params: { slot: appointmentWhen(moved.start, t, locale) }, path: '/mes-rendez-vous' });
    navigate('/mes-rendez-vous');
  };
  const keep = () => {
    session.announce({ key: 'web.move.kept', path: `/mes-rendez-vous/${id}` });
    navigate(`/mes-rendez-vous/${encodeURIComponent(id)}`);
  };
  const onCancelled = (cancelled: AppointmentView) => {
    session.announce({ key: 'web.cancel.done', params: { slot: appointmentWhen(cancelled.start, t, locale) }, path: '/mes-rendez-vous' });
    navigate('/mes-rendez-vous');
  };

  return (
    <div className="booking-page">
      <h1 tabIndex={-1}>{notFound ? t('web.appointment.not_found') : t('web.move.title')}</h1>
      {appointment ? (
        <section className="booking-section" aria-labelledby="move-current-title">
          <h2 id="move-current-title" className="booking-section-title">{t('web.move.current')}</h2>
          <AppointmentFacts start={appointment.start} practitioner={appointment.practitioner} place={appointment.place}
            reason={appointment.reason} patient={patientName(appointment.patient)} replacement={appointment.replacement} />
          {movable ? <p className="field-hint">{t('web.move.lead')}</p> : null}
        </section>
      ) : null}
      {appointment && movable ? (
        <MoveFlow appointment={appointment} moving signedIn move={(holdId) => moveAppointment(appointment.id, holdId, lang)}
          onMoved={onMoved} noneSuits={(
            <div className="button-row">
              <button type="button" className="button button-secondary" onClick={keep}>{t('web.move.keep')}</button>
              <AppointmentActions appointment={appointment} movable={false} onCancelled={onCancelled} />
            </div>
          )} />
      ) : null}
      {appointment && !movable ? (
        appointment.status === 'booked' && appointment.cancellation === 'phone_only'
          ? <PhoneOnly phone={appointment.practitioner.phone} />
          : <p role="status">{t('web.move.not_possible')}</p>
      ) : null}
      {notFound ? <p role="alert">{t('web.appointment.not_found.text')}</p> : null}
      {loaded.state === 'error' && !notFound ? <p role="alert" className="error-message">{t('web.error.network')}</p> : null}
      <p><Link to="/mes-rendez-vous">{t('web.appointment.back')}</Link></p>
    </div>
  );
}
