/**
 * The availability calendar (C1): free slots per day for a few days at a time, arrows to page through days,
 * « Voir plus d'horaires » per day, replacement slots marked, « Prochain RDV le … » when the window is empty.
 */
import { useState, type ReactNode } from 'react';
import { ApiError, getAvailability, type CalendarDay, type Slot } from '../api.ts';
import { addDays, formatDay, formatDayMonth, formatWeekday, parisDate } from '../format.ts';
import { useLoad, useMediaQuery } from '../hooks.ts';
import { useI18n } from '../i18n.tsx';
import { ReplacementLegend, SlotButton } from './SlotButton.tsx';

interface CalendarProps {
  practitionerId: string;
  placeId: string;
  reasonId: string;
  initialFrom: string | undefined;
  /** A slot was chosen: the caller holds it (C2). */
  onChoose: (slot: Slot) => void;
  /** What became of the chosen slot (being held, refused), shown under the days. */
  notice: ReactNode;
  /** Changes when the free slots must be read again (a slot was taken meanwhile). */
  refreshKey?: number;
}

/** Slots shown per day before « Voir plus d'horaires ». */
const firstSlots = 4;
/** Furthest first day the API accepts. */
const maxDaysAhead = 365;

export function Calendar({ practitionerId, placeId, reasonId, initialFrom, onChoose, notice, refreshKey = 0 }: CalendarProps) {
  const { t, lang, locale } = useI18n();
  const wide = useMediaQuery('(min-width: 48rem)');
  const days = wide ? 5 : 3;
  const today = parisDate();
  const [from, setFrom] = useState(() => (initialFrom && /^\d{4}-\d{2}-\d{2}$/.test(initialFrom) && initialFrom > today ? initialFrom : today));
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [chosen, setChosen] = useState<Slot | null>(null);
  const choose = (slot: Slot) => {
    setChosen(slot);
    onChoose(slot);
  };
  const loaded = useLoad(`${practitionerId}|${placeId}|${reasonId}|${from}|${days}|${lang}|${refreshKey}`, (signal) =>
    getAvailability(practitionerId, { place: placeId, reason: reasonId, from, days }, lang, signal));

  const last = addDays(from, days - 1);
  const canGoBack = from > today;
  const canGoForward = addDays(from, days) <= addDays(today, maxDaysAhead);
  const goTo = (date: string) => {
    setFrom(date < today ? today : date);
    setExpanded(new Set());
  };
  const toggleDay = (date: string) => {
    const next = new Set(expanded);
    if (next.has(date)) next.delete(date);
    else next.add(date);
    setExpanded(next);
  };

  const availability = loaded.state === 'done' ? loaded.data : null;
  const calendar = availability?.calendar ?? [];
  const nextAvailableDate = availability?.nextAvailableDate ?? null;
  const empty = availability !== null && calendar.every((day) => day.slots.length === 0);

  return (
    <div className="calendar">
      <div className="calendar-nav">
        <button type="button" className="button button-secondary calendar-arrow" disabled={!canGoBack}
          onClick={() => goTo(addDays(from, -days))}>
          <span aria-hidden="true">‹ </span>{t('web.calendar.previous')}
        </button>
        <p className="calendar-range" aria-live="polite">
          {t('web.calendar.range', { first: formatDay(from, locale), last: formatDay(last, locale) })}
        </p>
        <button type="button" className="button button-secondary calendar-arrow" disabled={!canGoForward}
          onClick={() => goTo(addDays(from, days))}>
          {t('web.calendar.next')}<span aria-hidden="true"> ›</span>
        </button>
      </div>
      {loaded.state === 'loading' ? <p className="calendar-loading" role="status">{t('web.calendar.loading')}</p> : null}
      {loaded.state === 'error' ? (
        <p className="error-message" role="alert">
          {loaded.error instanceof ApiError ? loaded.error.message : t('web.error.network')}
        </p>
      ) : null}
      {availability ? (
        <ul className={`calendar-days days-${days}`}>
          {calendar.map((day) => (
            <CalendarColumn key={day.date} day={day} expanded={expanded.has(day.date)} onToggle={() => toggleDay(day.date)}
              chosen={chosen} onChoose={choose} />
          ))}
        </ul>
      ) : null}
      {empty ? (
        <div className="calendar-empty">
          {nextAvailableDate ? (
            <button type="button" className="button button-primary" onClick={() => goTo(nextAvailableDate)}>
              {t('web.calendar.next_available', { day: formatDay(nextAvailableDate, locale) })}
            </button>
          ) : (
            <p>{t('web.calendar.none_ahead')}</p>
          )}
        </div>
      ) : null}
      {calendar.some((day) => day.slots.some((slot) => slot.replacement)) ? <ReplacementLegend /> : null}
      {notice}
    </div>
  );
}

interface CalendarColumnProps {
  day: CalendarDay;
  expanded: boolean;
  onToggle: () => void;
  chosen: Slot | null;
  onChoose: (slot: Slot) => void;
}

/** One day: its heading, its first slots, and the button that shows them all. */
function CalendarColumn({ day, expanded, onToggle, chosen, onChoose }: CalendarColumnProps) {
  const { t, locale } = useI18n();
  const shown = expanded ? day.slots : day.slots.slice(0, firstSlots);
  return (
    <li className="calendar-day">
      <h4 className="calendar-day-title">
        <span className="calendar-weekday">{formatWeekday(day.date, locale)}</span>{' '}
        <span className="calendar-date">{formatDayMonth(day.date, locale)}</span>
      </h4>
      {day.slots.length ? (
        <ul className="slot-list">
          {shown.map((slot) => (
            <li key={slot.start}><SlotButton slot={slot} onChoose={onChoose} pressed={chosen?.start === slot.start} /></li>
          ))}
        </ul>
      ) : (
        <p className="calendar-day-empty">{t('web.calendar.day_empty')}</p>
      )}
      {day.slots.length > firstSlots ? (
        <button type="button" className="link-button calendar-more" aria-expanded={expanded} onClick={onToggle}>
          {expanded ? t('web.calendar.fewer') : t('web.calendar.more')}
          <span className="sr-only"> ({formatDay(day.date, locale)})</span>
        </button>
      ) : null}
    </li>
  );
}
