/**
 * /mes-rendez-vous (D1–D3, D6): upcoming appointments of the holder and relatives, soonest first, then past ones,
 * most recent first. Cancelled ones stay, marked; nothing can be deleted. Cancelling happens in place.
 */
import { useEffect, useState } from 'react';
import type { AccountView } from '../../api.ts';
import { listAppointments, type AppointmentView } from '../../api-booking.ts';
import { RequireAccount } from '../../components/account/RequireAccount.tsx';
import { AppointmentCard } from '../../components/booking/AppointmentCard.tsx';
import { AppointmentsSubnav } from '../../components/booking/BookingNav.tsx';
import { appointmentWhen } from '../../components/booking/when.ts';
import { useLoad, usePageTitle } from '../../hooks.ts';
import { useI18n } from '../../i18n.tsx';
import { Link } from '../../router.tsx';
import { useSession } from '../../session.tsx';

export function MyAppointmentsPage() {
  const { t } = useI18n();
  usePageTitle(t('web.appointments.title'));
  return <RequireAccount>{(account) => <Appointments account={account} />}</RequireAccount>;
}

function Appointments({ account }: { account: AccountView }) {
  const { t, lang, locale } = useI18n();
  const session = useSession();
  const loaded = useLoad(`appointments|${account.id}|${lang}`, (signal) => listAppointments(lang, signal));
  /** Appointments cancelled on this page, shown as the server now returns them. */
  const [changed, setChanged] = useState<ReadonlyMap<string, AppointmentView>>(new Map());
  const [focusId, setFocusId] = useState<string | null>(null);
  const data = loaded.state === 'done' ? loaded.data : loaded.state === 'loading' ? loaded.previous : undefined;
  const current = (appointment: AppointmentView) => changed.get(appointment.id) ?? appointment;

  useEffect(() => {
    if (focusId) document.getElementById(`appointment-${focusId}-title`)?.focus();
  }, [focusId, changed]);

  const onCancelled = (appointment: AppointmentView) => {
    setChanged((map) => new Map(map).set(appointment.id, appointment));
    session.announce({ key: 'web.cancel.done', params: { slot: appointmentWhen(appointment.start, t, locale) }, path: '/mes-rendez-vous' });
    setFocusId(appointment.id);
  };

  return (
    <div className="booking-page appointments-page">
      <h1 tabIndex={-1}>{t('web.appointments.title')}</h1>
      <AppointmentsSubnav />
      <p className="lead">{t('web.appointments.lead')}</p>
      {loaded.state === 'error' ? <p role="alert" className="error-message">{t('web.error.network')}</p> : null}
      {!data && loaded.state === 'loading' ? <p role="status">{t('web.accounts.loading')}</p> : null}
      {data ? (
        <>
          <section className="appointments-section" aria-labelledby="upcoming-title">
            <h2 id="upcoming-title">{t('web.appointments.upcoming')}</h2>
            {data.upcoming.length ? (
              <ul className="appointment-list">
                {data.upcoming.map((appointment) => (
                  <li key={appointment.id}><AppointmentCard appointment={current(appointment)} onCancelled={onCancelled} /></li>
                ))}
              </ul>
            ) : (
              <>
                <p>{t('web.appointments.none_upcoming')}</p>
                <p><Link to="/" className="button button-primary">{t('web.appointments.book')}</Link></p>
              </>
            )}
          </section>
          <section className="appointments-section" aria-labelledby="past-title">
            <h2 id="past-title">{t('web.appointments.past')}</h2>
            <p className="field-hint">{t('web.appointments.past_note')}</p>
            {data.past.length ? (
              <ul className="appointment-list">
                {data.past.map((appointment) => (
                  <li key={appointment.id}><AppointmentCard appointment={current(appointment)} onCancelled={onCancelled} /></li>
                ))}
              </ul>
            ) : <p>{t('web.appointments.none_past')}</p>}
          </section>
        </>
      ) : null}
    </div>
  );
}
