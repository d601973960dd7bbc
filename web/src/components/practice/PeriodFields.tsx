/**
 * A period of absence or replacement: first and last day, and optionally the times (without them, whole days), Paris
 * wall clock; and how a period reads in a list (« du lundi 2 mars à 14:00 au mardi 3 mars 2026 »).
 */
import type { Period, PeriodInput } from '../../api-practice.ts';
import { useI18n, type I18n } from '../../i18n.tsx';
import { TextField } from '../account/fields.tsx';
import { collect, type FieldError } from '../account/validation.ts';
import { isDate, isTime, formatLongDate } from './parisTime.ts';

export interface PeriodDraft { from: string; fromTime: string; to: string; toTime: string }
export const emptyPeriod: PeriodDraft = { from: '', fromTime: '', to: '', toTime: '' };

export function PeriodFields({ idPrefix, draft, onDraft, errorOf }: {
  idPrefix: string; draft: PeriodDraft; onDraft: (draft: PeriodDraft) => void; errorOf: (id: string) => string | undefined;
}) {
  const { t } = useI18n();
  const set = (field: keyof PeriodDraft) => (value: string) => onDraft({ ...draft, [field]: value });
  return (
    <>
      <div className="field-pair">
        <TextField id={`${idPrefix}-from`} label={t('web.practice.period.from')} type="date" value={draft.from} onValue={set('from')} required
          className="date-field" error={errorOf(`${idPrefix}-from`)} />
        <TextField id={`${idPrefix}-from-time`} label={t('web.practice.period.from_time')} hint={t('web.practice.period.from_time_hint')} type="time"
          step={300} value={draft.fromTime} onValue={set('fromTime')} className="time-field" error={errorOf(`${idPrefix}-from-time`)} />
      </div>
      <div className="field-pair">
        <TextField id={`${idPrefix}-to`} label={t('web.practice.period.to')} type="date" value={draft.to} onValue={set('to')} required
          className="date-field" error={errorOf(`${idPrefix}-to`)} />
        <TextField id={`${idPrefix}-to-time`} label={t('web.practice.period.to_time')} hint={t('web.practice.period.to_time_hint')} type="time"
          step={300} value={draft.toTime} onValue={set('toTime')} className="time-field" error={errorOf(`${idPrefix}-to-time`)} />
      </div>
    </>
  );
}

/** The browser's checks of a period. */
export function periodErrors(idPrefix: string, draft: PeriodDraft, t: I18n['t']): FieldError[] {
  return collect(
    !isDate(draft.from) && { id: `${idPrefix}-from`, message: t('web.practice.period.error.from') },
    Boolean(draft.fromTime) && !isTime(draft.fromTime) && { id: `${idPrefix}-from-time`, message: t('web.practice.period.error.time') },
    !isDate(draft.to) && { id: `${idPrefix}-to`, message: t('web.practice.period.error.to') },
    Boolean(draft.toTime) && !isTime(draft.toTime) && { id: `${idPrefix}-to-time`, message: t('web.practice.period.error.time') },
    isDate(draft.from) && isDate(draft.to) && `${draft.to}T${draft.toTime || '24:00'}` <= `${draft.from}T${draft.fromTime || '00:00'}`
      && { id: `${idPrefix}-to`, message: t('web.practice.period.error.order') },
  );
}

export function periodInput(draft: PeriodDraft): PeriodInput {
  return { from: draft.from, to: draft.to, ...(draft.fromTime ? { fromTime: draft.fromTime } : {}), ...(draft.toTime ? { toTime: draft.toTime } : {}) };
}

/** « du 2 mars 2026 au 3 mars 2026 » or with times « du 2 mars 2026 à 14:00 au 3 mars 2026 à 12:00 ». */
export function periodText(period: Period, t: I18n['t'], locale: string): string {
  const from = formatLongDate(period.from, locale);
  const to = formatLongDate(period.to, locale);
  const fromText = period.fromTime && period.fromTime !== '00:00' ? t('web.practice.period.at', { day: from, time: period.fromTime }) : from;
  const toText = period.toTime && period.toTime !== '24:00' ? t('web.practice.period.at', { day: to, time: period.toTime }) : to;
  return period.from === period.to && fromText === from && toText === to
    ? t('web.practice.period.one_day', { day: from })
    : t('web.practice.period.range', { from: fromText, to: toText });
}
