/**
 * /pro?vue=jour|semaine&date=YYYY-MM-DD: the practitioner's agenda (J1) as a day or a week (from Monday), Paris time:
 * previous / today / next, a date to jump to, the appointments, holds and free times, and the appointments that fell
 * outside the opening hours after a change, for the practice to move or cancel.
 */
import { getAgenda, getSettings, listOutsideHours, type ActingFor } from '../../api-practice.ts';
import { addDays, formatDay, parisDate } from '../../format.ts';
import { useMediaQuery } from '../../hooks.ts';
import { useI18n } from '../../i18n.tsx';
import { Link, navigate, pathWithQuery } from '../../router.tsx';
import { AgendaGrid } from '../../components/practice/AgendaGrid.tsx';
import { OutsideHoursList } from '../../components/practice/OutsideHoursList.tsx';
import { PracticePage } from '../../components/practice/PracticeFrame.tsx';
import { isDate, mondayOf } from '../../components/practice/parisTime.ts';
import { loadError, usePracticeLoad } from '../../components/practice/usePractice.ts';

export function AgendaPage({ query }: { query: URLSearchParams }) {
  const { t } = useI18n();
  return (
    <PracticePage title={t('web.practice.agenda.title')}>
      {(acting) => <Agenda acting={acting} query={query} />}
    </PracticePage>
  );
}

function Agenda({ acting, query }: { acting: ActingFor; query: URLSearchParams }) {
  const { t, lang, locale } = useI18n();
  const wide = useMediaQuery('(min-width: 48rem)');
  const view = query.get('vue') === 'jour' ? 'day' : query.get('vue') === 'semaine' ? 'week' : wide ? 'week' : 'day';
  const today = parisDate();
  const date = isDate(query.get('date')) ? query.get('date') as string : today;
  const from = view === 'week' ? mondayOf(date) : date;
  const days = view === 'week' ? 7 : 1;
  const loaded = usePracticeLoad(`agenda|${acting.id}|${from}|${days}|${lang}`, (signal) => getAgenda(acting.id, from, days, lang, signal));
  const settings = usePracticeLoad(`settings|${acting.id}|${lang}`, (signal) => getSettings(acting.id, lang, signal));
  const outside = usePracticeLoad(`outside|${acting.id}|${lang}`, (signal) => listOutsideHours(acting.id, lang, signal));
  const agenda = loaded.state === 'done' ? loaded.data : loaded.state === 'loading' ? loaded.previous ?? null : null;
  const places = settings.state === 'done' ? settings.data.places : [];
  const vue = view === 'week' ? 'semaine' : 'jour';

  const go = (next: string, nextView: 'jour' | 'semaine' = vue) => navigate(pathWithQuery('/pro', { vue: nextView, date: next }), { newPage: false });
  const range = view === 'week'
    ? t('web.practice.agenda.week_range', { first: formatDay(from, locale), last: formatDay(addDays(from, 6), locale) })
    : formatDay(from, locale);

  return (
    <div className="agenda">
      <div className="agenda-toolbar">
        <div className="agenda-views" role="group" aria-label={t('web.practice.agenda.view')}>
          <Link to={pathWithQuery('/pro', { vue: 'jour', date })} className="button button-secondary" aria-current={view === 'day' ? 'page' : undefined}>
            {t('web.practice.agenda.day')}
          </Link>
          <Link to={pathWithQuery('/pro', { vue: 'semaine', date })} className="button button-secondary" aria-current={view === 'week' ? 'page' : undefined}>
            {t('web.practice.agenda.week')}
          </Link>
        </div>
        <div className="agenda-moves">
          <button type="button" className="button button-secondary" onClick={() => go(addDays(from, -days))}>
            <span aria-hidden="true">‹ </span>{t(view === 'week' ? 'web.practice.agenda.previous_week' : 'web.practice.agenda.previous_day')}
          </button>
          <button type="button" className="button button-secondary" onClick={() => go(today)} disabled={view === 'week' ? mondayOf(today) === from : today === from}>
            {t('web.practice.agenda.today')}
          </button>
          <button type="button" className="button button-secondary" onClick={() => go(addDays(from, days))}>
            {t(view === 'week' ? 'web.practice.agenda.next_week' : 'web.practice.agenda.next_day')}<span aria-hidden="true"> ›</span>
          </button>
        </div>
        <div className="agenda-jump">
          <label htmlFor="agenda-date" className="field-label">{t('web.practice.agenda.go_to')}</label>
          <input id="agenda-date" type="date" value={date} onChange={(event) => { if (isDate(event.target.value)) go(event.target.value); }} />
        </div>
        {acting.rights.includes('book') ? (
          <Link to="/pro/nouveau-rendez-vous" className="button button-primary">{t('web.practice.nav.new')}</Link>
        ) : null}
      </div>
      <p className="agenda-range" aria-live="polite">{range}</p>
      {loaded.state === 'loading' ? <p role="status" className="muted">{t('web.practice.agenda.loading')}</p> : null}
      {loaded.state === 'error' ? <p role="alert" className="error-message">{loadError(loaded.error, t('web.error.network'))}</p> : null}
      {agenda ? <AgendaGrid agenda={agenda} view={view} caption={range} places={places} canBook={acting.rights.includes('book')} /> : null}
      <AgendaLegend />
      {outside.state === 'done' && outside.data.appointments.length ? (
        <section className="practice-section" aria-labelledby="agenda-outside-title">
          <h2 id="agenda-outside-title">{t('web.practice.outside.title', { count: outside.data.appointments.length })}</h2>
          <OutsideHoursList appointments={outside.data.appointments} places={places} />
        </section>
      ) : null}
    </div>
  );
}

function AgendaLegend() {
  const { t } = useI18n();
  return (
    <div className="agenda-legend">
      <p className="agenda-legend-title">{t('web.practice.legend.title')}</p>
      <ul>
        <li><span className="legend-swatch is-booked" aria-hidden="true" />{t('web.practice.status.booked')}</li>
        <li><span className="legend-swatch is-no_show" aria-hidden="true" />{t('web.practice.status.no_show')}</li>
        <li><span className="legend-swatch is-cancelled" aria-hidden="true" />{t('web.practice.legend.cancelled')}</li>
        <li><span className="legend-swatch is-hold" aria-hidden="true" />{t('web.practice.legend.hold')}</li>
        <li><span className="legend-swatch is-closed" aria-hidden="true" />{t('web.practice.legend.closed')}</li>
        <li><span className="replacement-dot" aria-hidden="true" />{t('web.practice.agenda.by_replacement')}</li>
      </ul>
    </div>
  );
}
