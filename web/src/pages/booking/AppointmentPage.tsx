/** /mes-rendez-vous/:id (D1–D3): one appointment's details with « Déplacer le RDV » and « Annuler le RDV ». */
import { useEffect, useRef, useState } from 'react';
import { ApiError, type AccountView } from '../../api.ts';
import { getAppointment, type AppointmentView } from '../../api-booking.ts';
import { RequireAccount } from '../../components/account/RequireAccount.tsx';
import { AppointmentActions } from '../../components/booking/AppointmentActions.tsx';
import { AppointmentFacts } from '../../components/booking/AppointmentFacts.tsx';
import { StatusBadge } from '../../components/booking/StatusBadge.tsx';
import { appointmentWhen, patientName } from '../../components/booking/when.ts';
import { useLoad, usePageTitle } from '../../hooks.ts';
import { useI18n } from '../../i18n.tsx';
import { Link } from '../../router.tsx';
import { useSession } from '../../session.tsx';

export function AppointmentPage({ id }: { id: string }) {
  return <RequireAccount>{(account) => <AppointmentDetails id={id} account={account} />}</RequireAccount>;
}

function AppointmentDetails({ id, account }: { id: string; account: AccountView }) {
  const { t, lang, locale } = useI18n();
  const session = useSession();
  const loaded = useLoad(`appointment|${id}|${account.id}|${lang}`, (signal) => getAppointment(id, lang, signal));
  const [cancelled, setCancelled] = useState<AppointmentView | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const appointment = cancelled ?? (loaded.state === 'done' ? loaded.data : loaded.state === 'loading' ? loaded.previous ?? null : null);
  const notFound = loaded.state === 'error' && loaded.error instanceof ApiError && loaded.error.status === 404;
  const title = appointment ? t('web.appointment.title', { name: appointment.practitioner.name })
    : notFound ? t('web.appointment.not_found') : loaded.state === 'error' ? t('web.error.title') : t('web.accounts.loading');
  usePageTitle(title);

  useEffect(() => {
    if (cancelled) headingRef.current?.focus();
  }, [cancelled]);

  const onCancelled = (next: AppointmentView) => {
    session.announce({ key: 'web.cancel.done', params: { slot: appointmentWhen(next.start, t, locale) }, path: `/mes-rendez-vous/${id}` });
    setCancelled(next);
  };

  return (
    <div className="booking-page">
      <h1 ref={headingRef} tabIndex={-1}>{title}</h1>
      {appointment ? (
        <section className="booking-section" aria-labelledby="appointment-when">
          <h2 id="appointment-when" className="booking-section-title">{appointmentWhen(appointment.start, t, locale)}</h2>
          <StatusBadge appointment={appointment} />
          <AppointmentFacts hideWhen start={appointment.start} practitioner={appointment.practitioner} place={appointment.place}
            reason={appointment.reason} patient={patientName(appointment.patient)} status={appointment.status}
            replacement={appointment.replacement} />
          <AppointmentActions appointment={appointment} onCancelled={onCancelled} />
        </section>
      ) : null}
      {notFound ? <p role="alert">{t('web.appointment.not_found.text')}</p> : null}
      {loaded.state === 'error' && !notFound ? <p role="alert" className="error-message">{t('web.error.network')}</p> : null}
      <p><Link to="/mes-rendez-vous">{t('web.appointment.back')}</Link></p>
    </div>
  );
}
