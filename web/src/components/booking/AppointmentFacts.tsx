/** The facts of a held slot or an appointment, as a description list: when, who, where, why, how much. */
import type { ReactNode } from 'react';
import type { AppointmentStatus, BookingPlace } from '../../api-booking.ts';
import { formatMoney } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import { appointmentWhen, placeText } from './when.ts';

interface AppointmentFactsProps {
  start: string;
  practitioner: { name: string; specialty: string };
  place: BookingPlace;
  reason: { label: string; video: boolean; priceCents: number };
  /** The patient's name, when known (an appointment, not a hold). */
  patient?: string | null;
  status?: AppointmentStatus;
  replacement?: boolean;
  /** The time is the heading elsewhere (a card): not repeated. */
  hideWhen?: boolean;
}

export function AppointmentFacts({ start, practitioner, place, reason, patient, status, replacement, hideWhen }: AppointmentFactsProps) {
  const { t, locale } = useI18n();
  return (
    <dl className="appointment-facts">
      {hideWhen ? null : <Fact term={t('web.appointment.when')}>{appointmentWhen(start, t, locale)}</Fact>}
      <Fact term={t('web.appointment.practitioner')}>
        {practitioner.name}, {practitioner.specialty}
        {replacement ? <><br /><span className="replacement-dot" aria-hidden="true" />{t('web.appointment.replacement')}</> : null}
      </Fact>
      {patient ? <Fact term={t('web.appointment.patient')}>{patient}</Fact> : null}
      <Fact term={t('web.appointment.place')}>{reason.video ? t('web.appointment.video') : placeText(place)}</Fact>
      <Fact term={t('web.appointment.reason')}>{reason.label}</Fact>
      <Fact term={t('web.appointment.price')}>{formatMoney(reason.priceCents, locale)}</Fact>
      {status ? <Fact term={t('web.appointment.status')}>{t(`web.appointment.status.${status}`)}</Fact> : null}
    </dl>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}
