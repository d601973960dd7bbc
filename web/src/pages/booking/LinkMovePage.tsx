/**
 * /rdv/deplacer#jeton=… (D4): move from the link of a confirmation or reminder message, without logging in: the
 * practitioner's calendar, a hold (anonymous or not), then the move with the link's token.
 */
import { useEffect, useRef, useState } from 'react';
import { moveByLink, type AppointmentView } from '../../api-booking.ts';
import { PhoneOnly } from '../../components/booking/AppointmentActions.tsx';
import { AppointmentFacts } from '../../components/booking/AppointmentFacts.tsx';
import { MoveFlow } from '../../components/booking/MoveFlow.tsx';
import { StatusBadge } from '../../components/booking/StatusBadge.tsx';
import { forgetLinkToken, useAppointmentLink } from '../../components/booking/useAppointmentLink.ts';
import { appointmentWhen, patientName } from '../../components/booking/when.ts';
import { usePageTitle } from '../../hooks.ts';
import { useI18n } from '../../i18n.tsx';
import { LinkProblem } from './LinkProblem.tsx';

export function LinkMovePage() {
  const { t, lang, locale } = useI18n();
  const { token, state } = useAppointmentLink('move');
  const [moved, setMoved] = useState<AppointmentView | null>(null);
  const [kept, setKept] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const title = moved ? t('web.link.move.done')
    : state.kind === 'ready' ? t('web.link.move.title')
      : state.kind === 'checking' ? t('web.link.checking')
        : state.kind === 'unreachable' ? t('web.error.title') : t('web.link.invalid.title');
  usePageTitle(title);

  useEffect(() => {
    if (moved || kept || state.kind !== 'checking') headingRef.current?.focus();
  }, [moved, kept, state.kind]);

  const onMoved = (appointment: AppointmentView) => {
    forgetLinkToken('move');
    setMoved(appointment);
  };
  const current = state.kind === 'ready' ? state.appointment : null;
  const movable = current?.status === 'booked' && current.cancellation === 'online';

  return (
    <div className="booking-page">
      <h1 ref={headingRef} tabIndex={-1}>{title}</h1>
      {moved ? (
        <section className="booking-section" aria-label={t('web.confirm.summary')}>
          <p role="status" className="success-message">{t('web.move.done', { slot: appointmentWhen(moved.start, t, locale) })}</p>
          <AppointmentFacts start={moved.start} practitioner={moved.practitioner} place={moved.place} reason={moved.reason}
            patient={patientName(moved.patient)} replacement={moved.replacement} />
        </section>
      ) : null}
      {!moved && current ? (
        <section className="booking-section" aria-labelledby="link-current-title">
          <h2 id="link-current-title" className="booking-section-title">{t('web.move.current')}</h2>
          <StatusBadge appointment={current} />
          <AppointmentFacts start={current.start} practitioner={current.practitioner} place={current.place}
            reason={current.reason} patient={patientName(current.patient)} replacement={current.replacement} />
          {kept ? <p role="status" className="success-message">{t('web.move.kept')}</p> : null}
          {movable && !kept ? <p className="field-hint">{t('web.move.lead')}</p> : null}
          {current.status === 'booked' && current.cancellation === 'phone_only' ? <PhoneOnly phone={current.practitioner.phone} /> : null}
          {!movable && current.cancellation !== 'phone_only' ? <p role="status">{t('web.move.not_possible')}</p> : null}
        </section>
      ) : null}
      {!moved && !kept && current && movable ? (
        <MoveFlow appointment={current} moving={false} signedIn={false} move={(holdId) => moveByLink(token, holdId, lang)}
          onMoved={onMoved} noneSuits={(
            <>
              <p>{t('web.link.move.cancel_elsewhere')}</p>
              <button type="button" className="button button-secondary" onClick={() => setKept(true)}>{t('web.move.keep')}</button>
            </>
          )} />
      ) : null}
      <LinkProblem state={state} />
    </div>
  );
}
