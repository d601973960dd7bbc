/**
 * A date and a time for a desk booking or a move: the day's free times of the chosen place and reason are offered as
 * buttons that fill the time, and any other time may be typed (the practice may book outside the opening hours).
 */
import { getAgenda } from '../../api-practice.ts';
import { useI18n } from '../../i18n.tsx';
import { FieldError, RequiredMark, describedBy } from '../account/fields.tsx';
import { isDate, parisTime } from './parisTime.ts';
import { loadError, usePracticeLoad } from './usePractice.ts';

interface SlotPickerProps {
  idPrefix: string;
  practitionerId: string;
  placeId: string;
  reasonId: string;
  date: string;
  time: string;
  onDate: (date: string) => void;
  onTime: (time: string) => void;
  dateError?: string | undefined;
  timeError?: string | undefined;
}

export function SlotPicker({ idPrefix, practitionerId, placeId, reasonId, date, time, onDate, onTime, dateError, timeError }: SlotPickerProps) {
  const { t, lang } = useI18n();
  const ready = isDate(date) && Boolean(placeId) && Boolean(reasonId);
  const loaded = usePracticeLoad(`slots|${practitionerId}|${date}|${ready}|${lang}`, async (signal) =>
    ready ? getAgenda(practitionerId, date, 1, lang, signal) : null);
  const free = loaded.state === 'done' && loaded.data
    ? loaded.data.freeSlots.filter((slot) => slot.placeId === placeId && slot.reasonId === reasonId) : [];
  const dateId = `${idPrefix}-date`;
  const timeId = `${idPrefix}-time`;
  const freeId = `${idPrefix}-free`;
  return (
    <div className="slot-picker">
      <div className="field-pair">
        <div className={`form-field date-field${dateError ? ' has-error' : ''}`}>
          <label htmlFor={dateId} className="field-label">{t('web.practice.slot.date')}<RequiredMark /></label>
          <FieldError id={`${dateId}-error`} message={dateError} />
          <input id={dateId} type="date" value={date} onChange={(event) => onDate(event.target.value)} aria-required
            aria-invalid={dateError ? true : undefined} aria-describedby={describedBy(dateError && `${dateId}-error`)} />
        </div>
        <div className={`form-field time-field${timeError ? ' has-error' : ''}`}>
          <label htmlFor={timeId} className="field-label">{t('web.practice.slot.time')}<RequiredMark /></label>
          <p id={`${timeId}-hint`} className="field-hint">{t('web.practice.slot.time_hint')}</p>
          <FieldError id={`${timeId}-error`} message={timeError} />
          <input id={timeId} type="time" step={300} value={time} onChange={(event) => onTime(event.target.value)} aria-required
            aria-invalid={timeError ? true : undefined} aria-describedby={describedBy(`${timeId}-hint`, timeError && `${timeId}-error`)} />
        </div>
      </div>
      {ready ? (
        <div className="free-times" role="group" aria-labelledby={freeId}>
          <p id={freeId} className="field-label">{t('web.practice.slot.free_title')}</p>
          {loaded.state === 'loading' ? <p role="status" className="muted">{t('web.practice.slot.loading')}</p> : null}
          {loaded.state === 'error' ? <p role="alert" className="error-message">{loadError(loaded.error, t('web.error.network'))}</p> : null}
          {loaded.state === 'done' && !free.length ? <p className="muted">{t('web.practice.slot.none')}</p> : null}
          {free.length ? (
            <ul className="free-time-list">
              {free.map((slot) => {
                const at = parisTime(slot.start);
                return (
                  <li key={slot.start}>
                    <button type="button" className="slot" aria-pressed={time === at} onClick={() => onTime(at)}>
                      {at}
                      {slot.replacement ? <><span className="replacement-dot" aria-hidden="true" /><span className="sr-only"> ({t('web.practice.agenda.by_replacement')})</span></> : null}
                    </button>
                  </li>
                );
              })}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
