/** /rendez-vous/:id/confirme (C4): the booked appointment, and where to find it again. */
import { ApiError, type AccountView } from '../../api.ts';
import { getAppointment } from '../../api-booking.ts';
import { RequireAccount } from '../../components/account/RequireAccount.tsx';
import { AppointmentFacts } from '../../components/booking/AppointmentFacts.tsx';
import { patientName } from '../../components/booking/when.ts';
import { useLoad, usePageTitle } from '../../hooks.ts';
import { useI18n } from '../../i18n.tsx';
import { Link } from '../../router.tsx';

export function BookingConfirmedPage({ id }: { id: string }) {
  return <RequireAccount>{(account) => <Confirmed id={id} account={account} />}</RequireAccount>;
}

function Confirmed({ id, account }: { id: string; account: AccountView }) {
  const { t, lang } = useI18n();
  const loaded = useLoad(`appointment|${id}|${account.id}|${lang}`, (signal) => getAppointment(id, lang, signal));
  const appointment = loaded.state === 'done' ? loaded.data : loaded.state === 'loading' ? loaded.previous ?? null : null;
  const notFound = loaded.state === 'error' && loaded.error instanceof ApiError && loaded.error.status === 404;
  const title = appointment ? t('web.confirmed.title')
    : notFound ? t('web.appointment.not_found') : loaded.state === 'error' ? t('web.error.title') : t('web.accounts.loading');
  usePageTitle(title);

  return (
    <div className="booking-page">
      <h1 tabIndex={-1}>{title}</h1>
      {appointment ? (
        <section className="booking-section confirmed" aria-label={t('web.confirm.summary')}>
          <AppointmentFacts start={appointment.start} practitioner={appointment.practitioner} place={appointment.place}
            reason={appointment.reason} patient={patientName(appointment.patient)} replacement={appointment.replacement} />
        </section>
      ) : null}
      {notFound ? <p role="alert">{t('web.appointment.not_found.text')}</p> : null}
      {loaded.state === 'error' && !notFound ? <p role="alert" className="error-message">{t('web.error.network')}</p> : null}
      <p>{t('web.confirmed.find')}</p>
      <div className="button-row">
        <Link to="/mes-rendez-vous" className="button button-primary">{t('web.appointments.title')}</Link>
        <Link to="/" className="button button-secondary">{t('web.confirmed.another')}</Link>
      </div>
    </div>
  );
}
