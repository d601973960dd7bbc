/**
 * The agenda as a table (J1): a column per day, a row per hour, each appointment a link reading « 09:00–09:20, Léa
 * Martin, Consultation, Confirmé », holds « en cours de réservation », free times (links to book them in the day view,
 * a count in the week view). Screen readers announce the day and hour headers of each cell; Tab goes from one
 * appointment to the next. Closed hours and absences are shaded, and said in the day headers.
 */
import { useId } from 'react';
import type { Agenda, AgendaAppointment, Place } from '../../api-practice.ts';
import { formatDay, parisDate } from '../../format.ts';
import { useI18n, type I18n } from '../../i18n.tsx';
import { Link, pathWithQuery } from '../../router.tsx';
import { agendaRows, periodOnDate, replacementOn, type Cell, type CellItem } from './agendaCells.ts';
import { parisTime } from './parisTime.ts';

interface AgendaGridProps {
  agenda: Agenda;
  view: 'day' | 'week';
  caption: string;
  places: readonly Place[];
  canBook: boolean;
}

export function AgendaGrid({ agenda, view, caption, places, canBook }: AgendaGridProps) {
  const { t, locale } = useI18n();
  const captionId = useId();
  const rows = agendaRows(agenda, agenda.absences);
  const today = parisDate();
  const placeNames = places.length > 1 ? new Map(places.map((place) => [place.id, place.name ?? place.address])) : null;
  return (
    <div className="agenda-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className={`agenda-table is-${view}`}>
        {/* The range is shown above the table; the caption names the table for screen readers. */}
        <caption id={captionId} className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="agenda-hour-head"><span className="sr-only">{t('web.practice.agenda.hour')}</span></th>
            {agenda.calendar.map((day) => (
              <th scope="col" key={day.date} className={day.date === today ? 'is-today' : undefined}>
                {view === 'week' ? (
                  <Link to={pathWithQuery('/pro', { vue: 'jour', date: day.date })} className="agenda-day-link">
                    {formatDay(day.date, locale)}
                    <span className="sr-only"> – {t('web.practice.agenda.open_day')}</span>
                  </Link>
                ) : formatDay(day.date, locale)}
                {day.date === today ? <span className="agenda-today"> {t('web.practice.agenda.today_mark')}</span> : null}
                <DayNotes date={day.date} holiday={day.holiday} agenda={agenda} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.hour}>
              <th scope="row" className="agenda-hour">{`${String(row.hour).padStart(2, '0')}:00`}</th>
              {row.cells.map((cell) => (
                <AgendaCell key={cell.date} cell={cell} view={view} placeNames={placeNames} canBook={canBook} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Under a day's name: public holiday, absence, replacement. */
function DayNotes({ date, holiday, agenda }: { date: string; holiday: string | null; agenda: Agenda }) {
  const { t } = useI18n();
  const absence = agenda.absences.map((period) => periodOnDate(period, date)).find(Boolean);
  const replacement = replacementOn(agenda.replacements, date);
  return (
    <>
      {holiday ? <span className="agenda-note is-holiday">{t('web.practice.agenda.holiday', { name: holiday })}</span> : null}
      {absence ? (
        <span className="agenda-note is-absence">
          {absence.wholeDay ? t('web.practice.agenda.absent_day')
            : t('web.practice.agenda.absent', { from: parisTime(absence.start), to: parisTime(absence.end) })}
        </span>
      ) : null}
      {replacement ? (
        <span className="agenda-note is-replacement">
          <span className="replacement-dot" aria-hidden="true" />
          {t('web.practice.agenda.replaced', { name: `${replacement.firstName} ${replacement.lastName}` })}
        </span>
      ) : null}
    </>
  );
}

function AgendaCell({ cell, view, placeNames, canBook }: { cell: Cell; view: 'day' | 'week'; placeNames: Map<string, string> | null; canBook: boolean }) {
  const { t } = useI18n();
  const shown = view === 'week' ? cell.items.filter((item) => item.kind !== 'free') : cell.items;
  const free = cell.items.filter((item) => item.kind === 'free').length;
  const classes = ['agenda-cell', cell.open ? 'is-open' : 'is-closed', cell.absent ? 'is-absent' : ''].filter(Boolean).join(' ');
  return (
    <td className={classes}>
      {shown.length ? (
        <ul className="agenda-items">
          {shown.map((item) => (
            <li key={`${item.kind}|${item.start}|${item.kind === 'appointment' ? item.appointment.id : item.kind === 'free' ? item.placeId : ''}`}>
              <AgendaItem item={item} placeNames={placeNames} canBook={canBook} />
            </li>
          ))}
        </ul>
      ) : null}
      {view === 'week' && free > 0 ? <p className="agenda-free-count">{t('web.practice.agenda.free_count', { count: free })}</p> : null}
    </td>
  );
}

function AgendaItem({ item, placeNames, canBook }: { item: CellItem; placeNames: Map<string, string> | null; canBook: boolean }) {
  const { t } = useI18n();
  if (item.kind === 'appointment') return <AppointmentLink appointment={item.appointment} placeNames={placeNames} />;
  if (item.kind === 'hold') {
    return (
      <p className="agenda-hold">
        <span className="agenda-time">{parisTime(item.hold.start)}–{parisTime(item.hold.end)}</span>{' '}
        <span>{item.hold.label}</span>
      </p>
    );
  }
  const text = (
    <>
      <span className="agenda-time">{parisTime(item.start)}</span> {t('web.practice.agenda.free')}
      {item.replacement ? <span className="replacement-dot" aria-hidden="true" /> : null}
      {placeNames ? <span className="agenda-place"> · {placeNames.get(item.placeId)}</span> : null}
    </>
  );
  if (!canBook) return <p className="agenda-free">{text}</p>;
  return (
    <Link className="agenda-free" to={pathWithQuery('/pro/nouveau-rendez-vous', { debut: item.start, lieu: item.placeId })}>
      {text}<span className="sr-only"> – {t('web.practice.agenda.book_free')}</span>
    </Link>
  );
}

/** The words of an appointment's state: « Confirmé », « Patient absent », « Annulé par le patient »… */
export function statusText(appointment: Pick<AgendaAppointment, 'status' | 'cancelledBy'>, t: I18n['t']): string {
  if (appointment.status === 'cancelled' && appointment.cancelledBy) return t(`web.practice.status.cancelled_${appointment.cancelledBy}`);
  return t(`web.practice.status.${appointment.status}`);
}

function AppointmentLink({ appointment, placeNames }: { appointment: AgendaAppointment; placeNames: Map<string, string> | null }) {
  const { t } = useI18n();
  return (
    <Link to={`/pro/rendez-vous/${encodeURIComponent(appointment.id)}`} className={`agenda-appointment is-${appointment.status}`}>
      <span className="agenda-time">{parisTime(appointment.start)}–{parisTime(appointment.end)}</span>
      <Pause />
      <span className="agenda-patient">{appointment.patient?.name ?? t('web.practice.agenda.no_patient')}</span>
      <Pause />
      <span className="agenda-reason">{appointment.reason.label}</span>
      <Pause />
      <span className="agenda-status">
        {statusText(appointment, t)}
        {appointment.source === 'practice' ? <span className="agenda-source"> · {t('web.practice.source.practice')}</span> : null}
      </span>
      {placeNames ? <><Pause /><span className="agenda-place">{placeNames.get(appointment.placeId)}</span></> : null}
      {appointment.replacement ? (
        <><Pause /><span className="agenda-replacement"><span className="replacement-dot" aria-hidden="true" />{t('web.practice.agenda.by_replacement')}</span></>
      ) : null}
    </Link>
  );
}

/** A comma for screen readers between the parts of a link shown on separate lines. */
function Pause() {
  return <span className="sr-only">, </span>;
}
