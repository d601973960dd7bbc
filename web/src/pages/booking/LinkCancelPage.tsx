/**
 * /rdv/annuler#jeton=… (D4): cancel from the link of a confirmation or reminder message, without logging in;
 * the 4-hour rule applies (the practice's phone instead).
 */
import { useEffect, useRef, useState } from 'react';
import { cancelByLink, type AppointmentView } from '../../api-booking.ts';
import { AppointmentActions } from '../../components/booking/AppointmentActions.tsx';
import { AppointmentFacts } from '../../components/booking/AppointmentFacts.tsx';
import { StatusBadge } from '../../components/booking/StatusBadge.tsx';
import { forgetLinkToken, useAppointmentLink } from '../../components/booking/useAppointmentLink.ts';
import { appointmentWhen, patientName } from '../../components/booking/when.ts';
import { usePageTitle } from '../../hooks.ts';
import { useI18n } from '../../i18n.tsx';
import { LinkProblem } from './LinkProblem.tsx';

export function LinkCancelPage() {
  const { t, lang, locale } = useI18n();
  const { token, state } = useAppointmentLink('cancel');
  const [cancelled, setCancelled] = useState<AppointmentView | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const title = cancelled ? t('web.link.cancel.done')
    : state.kind === 'ready' ? t('web.link.cancel.title')
      : state.kind === 'checking' ? t('web.link.checking')
        : state.kind === 'unreachable' ? t('web.error.title') : t('web.link.invalid.title');
  usePageTitle(title);

  useEffect(() => {
    if (cancelled || state.kind !== 'checking') headingRef.current?.focus();
  }, [cancelled, state.kind]);

  const onCancelled = (appointment: AppointmentView) => {
    forgetLinkToken('cancel');
    setCancelled(appointment);
  };
  const appointment = cancelled ?? (state.kind === 'ready' ? state.appointment : null);

  return (
    <div className="booking-page">
      <h1 ref={headingRef} tabIndex={-1}>{title}</h1>
      {cancelled ? <p role="status" className="success-message">{t('web.cancel.done', { slot: appointmentWhen(cancelled.start, t, locale) })}</p> : null}
      {appointment ? (
        <section className="booking-section" aria-label={t('web.confirm.summary')}>
          <StatusBadge appointment={appointment} />
          <AppointmentFacts start={appointment.start} practitioner={appointment.practitioner} place={appointment.place}
            reason={appointment.reason} patient={patientName(appointment.patient)} replacement={appointment.replacement} />
          {!cancelled && appointment.status === 'booked' && appointment.cancellation === 'online'
            ? <p>{t('web.link.cancel.text')}</p> : null}
          {!cancelled ? (
            <AppointmentActions appointment={appointment} movable={false} onCancelled={onCancelled}
              cancel={() => cancelByLink(token, lang)} />
          ) : null}
        </section>
      ) : null}
      <LinkProblem state={state} />
    </div>
  );
}
