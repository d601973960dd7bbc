/** « Annulé le … », « Non honoré »: the state of an appointment that is not simply booked. */
import type { AppointmentView } from '../../api-booking.ts';
import { useI18n } from '../../i18n.tsx';
import { formatFullDay } from './when.ts';

export function StatusBadge({ appointment }: { appointment: AppointmentView }) {
  const { t, locale } = useI18n();
  if (appointment.status === 'booked' || appointment.status === 'done') return null;
  const text = appointment.status === 'cancelled' && appointment.cancelledAt
    ? t('web.appointment.cancelled_on', { day: formatFullDay(appointment.cancelledAt, locale) })
    : t(`web.appointment.status.${appointment.status}`);
  return <p className={`status-badge is-${appointment.status}`}>{text}</p>;
}
