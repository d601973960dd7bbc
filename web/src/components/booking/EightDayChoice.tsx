/**
 * The 8-day rule (C6): the appointments too close to the one being booked, and the patient's choice between
 * « Conserver le rendez-vous initial » (the held slot is released) and « Remplacer par celui en cours » (booked and the
 * other cancelled in one transaction). The focus comes here when it appears.
 */
import { useEffect, useRef } from 'react';
import type { AppointmentView } from '../../api-booking.ts';
import { useI18n } from '../../i18n.tsx';
import { appointmentWhen, patientName } from './when.ts';

interface EightDayChoiceProps {
  message: string;
  conflicts: AppointmentView[];
  busy: boolean;
  onKeep: () => void;
  onReplace: () => void;
}

export function EightDayChoice({ message, conflicts, busy, onKeep, onReplace }: EightDayChoiceProps) {
  const { t, locale } = useI18n();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section className="booking-section eight-day" aria-labelledby="eight-day-title">
      <h2 id="eight-day-title" ref={headingRef} tabIndex={-1} className="booking-section-title">{t('web.confirm.eight_day.title')}</h2>
      <p>{message}</p>
      {conflicts.length ? (
        <>
          <p>{t('web.confirm.eight_day.list')}</p>
          <ul className="eight-day-list">
            {conflicts.map((conflict) => (
              <li key={conflict.id}>
                {appointmentWhen(conflict.start, t, locale)} — {conflict.practitioner.name}, {conflict.practitioner.specialty}
                {patientName(conflict.patient) ? ` (${patientName(conflict.patient)})` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <div className="button-row">
        <button type="button" className="button button-secondary" disabled={busy} onClick={onKeep}>{t('booking.eight_day.keep')}</button>
        <button type="button" className="button button-primary" disabled={busy} onClick={onReplace}>{t('booking.eight_day.replace')}</button>
      </div>
    </section>
  );
}
