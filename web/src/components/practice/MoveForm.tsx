/** « Déplacer le rendez-vous » from the practice: a new date and time (same reason, same or another place). */
import { useState, type FormEvent } from 'react';
import { moveAppointment, type AppointmentDetail, type Place } from '../../api-practice.ts';
import { parisDate } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import { ErrorSummary } from '../account/ErrorSummary.tsx';
import { SubmitCancelButtons } from '../account/fields.tsx';
import { collect } from '../account/validation.ts';
import { isDate, isTime, parisInstant } from './parisTime.ts';
import { SlotPicker } from './SlotPicker.tsx';
import { usePracticeSubmission } from './usePractice.ts';

interface MoveFormProps {
  practitionerId: string;
  detail: AppointmentDetail;
  places: readonly Place[];
  onMoved: (detail: AppointmentDetail) => void;
  onClose: () => void;
}

export function MoveForm({ practitionerId, detail, places, onMoved, onClose }: MoveFormProps) {
  const { t, lang } = useI18n();
  const { appointment } = detail;
  const [placeId, setPlaceId] = useState(appointment.place.id);
  const [date, setDate] = useState(parisDate(new Date(appointment.start)));
  const [time, setTime] = useState('');
  const submission = usePracticeSubmission();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submission.submit(
      collect(
        !isDate(date) && { id: 'move-date', message: t('web.practice.slot.date_required') },
        !isTime(time) && { id: 'move-time', message: t('web.practice.slot.time_required') },
      ),
      async () => onMoved(await moveAppointment(practitionerId, appointment.id, {
        start: parisInstant(date, time), placeId: placeId === appointment.place.id ? undefined : placeId,
      }, lang)),
    );
  };

  return (
    <form noValidate onSubmit={onSubmit} className="account-form move-form" aria-labelledby="move-title">
      <h3 id="move-title">{t('web.practice.appointment.move_title')}</h3>
      <ErrorSummary submission={submission} />
      {places.length > 1 ? (
        <div className="form-field">
          <label htmlFor="move-place" className="field-label">{t('web.practice.booking.place')}</label>
          <select id="move-place" value={placeId} onChange={(event) => setPlaceId(event.target.value)}>
            {places.map((place) => <option key={place.id} value={place.id}>{place.name ?? place.address}</option>)}
          </select>
        </div>
      ) : null}
      <SlotPicker idPrefix="move" practitionerId={practitionerId} placeId={placeId} reasonId={appointment.reason.id}
        date={date} time={time} onDate={setDate} onTime={setTime}
        dateError={submission.errorOf('move-date')} timeError={submission.errorOf('move-time')} />
      <SubmitCancelButtons busy={submission.busy} submitLabel={t('web.practice.appointment.move_submit')} onCancel={onClose} />
    </form>
  );
}
