/** One appointment in « Mes rendez-vous » (D1): when (the heading), who, where, its state, the details and actions. */
import type { AppointmentView } from '../../api-booking.ts';
import { useI18n } from '../../i18n.tsx';
import { Link } from '../../router.tsx';
import { AppointmentActions } from './AppointmentActions.tsx';
import { AppointmentFacts } from './AppointmentFacts.tsx';
import { StatusBadge } from './StatusBadge.tsx';
import { appointmentWhen, patientName } from './when.ts';

interface AppointmentCardProps {
  appointment: AppointmentView;
  onCancelled: (appointment: AppointmentView) => void;
}

export function AppointmentCard({ appointment, onCancelled }: AppointmentCardProps) {
  const { t, locale } = useI18n();
  const when = appointmentWhen(appointment.start, t, locale);
  const titleId = `appointment-${appointment.id}-title`;
  return (
    <article className={`appointment-card is-${appointment.status}`} aria-labelledby={titleId}>
      <h3 id={titleId} tabIndex={-1}>{when}</h3>
      <StatusBadge appointment={appointment} />
      <AppointmentFacts hideWhen start={appointment.start} practitioner={appointment.practitioner} place={appointment.place}
        reason={appointment.reason} patient={patientName(appointment.patient)} replacement={appointment.replacement} />
      <p>
        <Link to={`/mes-rendez-vous/${encodeURIComponent(appointment.id)}`}>
          {t('web.appointment.details')}<span className="sr-only"> – {when}</span>
        </Link>
      </p>
      <AppointmentActions appointment={appointment} onCancelled={onCancelled} />
    </article>
  );
}
