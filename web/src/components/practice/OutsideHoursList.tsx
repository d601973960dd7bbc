/**
 * « Rendez-vous hors horaires »: upcoming appointments a change of hours, reasons or absences left outside the opening
 * hours. Nothing is cancelled on its own: each links to the appointment, to move or cancel it.
 */
import type { OutsideHours, Place } from '../../api-practice.ts';
import { useI18n } from '../../i18n.tsx';
import { Link } from '../../router.tsx';
import { appointmentWhen } from '../booking/when.ts';

export function OutsideHoursList({ appointments, places }: { appointments: readonly OutsideHours[]; places: readonly Place[] }) {
  const { t, locale } = useI18n();
  if (!appointments.length) return <p>{t('web.practice.outside.none')}</p>;
  const placeName = (id: string) => {
    const place = places.find((p) => p.id === id);
    return place ? place.name ?? place.address : '';
  };
  return (
    <>
      <p>{t('web.practice.outside.lead')}</p>
      <ul className="outside-list">
        {appointments.map((appointment) => (
          <li key={appointment.id}>
            <Link to={`/pro/rendez-vous/${encodeURIComponent(appointment.id)}`}>
              {appointmentWhen(appointment.start, t, locale)} – {appointment.patient?.name ?? t('web.practice.agenda.no_patient')} – {appointment.reason.label}
            </Link>
            <span className="muted">
              {' '}({t(`web.practice.outside.why.${appointment.why}`)}{places.length > 1 ? ` · ${placeName(appointment.placeId)}` : ''})
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}

/** The list shown after a change, in a section announced politely. */
export function OutsideHoursAfterChange({ appointments, places }: { appointments: readonly OutsideHours[] | null; places: readonly Place[] }) {
  const { t } = useI18n();
  return (
    <div role="status" className="section-status">
      {appointments ? (
        <div className={appointments.length ? 'outside-after is-warning' : 'outside-after'}>
          <p className="outside-after-title">
            {appointments.length ? t('web.practice.outside.title', { count: appointments.length }) : t('web.practice.outside.none')}
          </p>
          {appointments.length ? <OutsideHoursList appointments={appointments} places={places} /> : null}
        </div>
      ) : null}
    </div>
  );
}
