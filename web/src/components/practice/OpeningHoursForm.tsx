/**
 * One place's weekly opening hours (J1): for each weekday its time ranges — several ranges make breaks — and the
 * reasons offered in each, with optional validity dates. Saving replaces the place's week at once (PUT); the answer
 * lists the appointments that now fall outside the hours.
 */
import { useState, type FormEvent } from 'react';
import { replaceOpeningHours, type OpeningRule, type OutsideHours, type Reason, type Weekday } from '../../api-practice.ts';
import { useI18n } from '../../i18n.tsx';
import { ErrorSummary } from '../account/ErrorSummary.tsx';
import { FieldError, describedBy } from '../account/fields.tsx';
import { collect, type FieldError as FieldErrorData } from '../account/validation.ts';
import { isDate, isTime } from './parisTime.ts';
import { usePracticeSubmission } from './usePractice.ts';

interface Range { key: string; weekday: Weekday; start: string; end: string; reasonIds: string[]; validFrom: string; validUntil: string }

const weekdays: Weekday[] = [1, 2, 3, 4, 5, 6, 7];
let nextKey = 0;

function rangesOf(rules: readonly OpeningRule[]): Range[] {
  return rules.map((rule) => ({
    key: `r${nextKey++}`, weekday: rule.weekday, start: rule.start, end: rule.end, reasonIds: [...rule.reasonIds],
    validFrom: rule.validFrom ?? '', validUntil: rule.validUntil ?? '',
  })).sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start));
}

interface OpeningHoursFormProps {
  practitionerId: string;
  placeId: string;
  placeName: string;
  rules: readonly OpeningRule[];
  reasons: readonly Reason[];
  canEdit: boolean;
  onSaved: (rules: OpeningRule[], outside: OutsideHours[]) => void;
}

export function OpeningHoursForm({ practitionerId, placeId, placeName, rules, reasons, canEdit, onSaved }: OpeningHoursFormProps) {
  const { t, lang } = useI18n();
  const [ranges, setRanges] = useState<Range[]>(() => rangesOf(rules));
  const submission = usePracticeSubmission();
  const reasonName = (reason: Reason) => (lang === 'en' ? reason.labelEn : reason.labelFr);

  const change = (key: string, patch: Partial<Range>) => setRanges((current) => current.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const toggleReason = (range: Range, reasonId: string, on: boolean) =>
    change(range.key, { reasonIds: on ? [...range.reasonIds, reasonId] : range.reasonIds.filter((id) => id !== reasonId) });
  const add = (weekday: Weekday) => {
    const key = `r${nextKey++}`;
    setRanges((current) => [...current, { key, weekday, start: '', end: '', reasonIds: reasons.map((r) => r.id), validFrom: '', validUntil: '' }]);
    window.setTimeout(() => document.getElementById(`${key}-start`)?.focus(), 0);
  };
  const remove = (range: Range) => {
    setRanges((current) => current.filter((r) => r.key !== range.key));
    window.setTimeout(() => document.getElementById(`add-${range.weekday}`)?.focus(), 0);
  };

  const errorsOf = (range: Range, day: string): FieldErrorData[] => collect(
    !isTime(range.start) && { id: `${range.key}-start`, message: t('web.practice.hours.error.start', { day }) },
    !isTime(range.end) && { id: `${range.key}-end`, message: t('web.practice.hours.error.end', { day }) },
    isTime(range.start) && isTime(range.end) && range.start >= range.end && { id: `${range.key}-end`, message: t('web.practice.hours.error.order', { day }) },
    !range.reasonIds.length && { id: `${range.key}-reasons`, message: t('web.practice.hours.error.reasons', { day }) },
    Boolean(range.validFrom) && !isDate(range.validFrom) && { id: `${range.key}-from`, message: t('web.practice.hours.error.date', { day }) },
    Boolean(range.validUntil) && !isDate(range.validUntil) && { id: `${range.key}-until`, message: t('web.practice.hours.error.date', { day }) },
  );

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const errors = ranges.flatMap((range) => errorsOf(range, t(`web.practice.weekday.${range.weekday}`)));
    void submission.submit(errors, async () => {
      const answer = await replaceOpeningHours(practitionerId, placeId, ranges.map((range) => ({
        weekday: range.weekday, start: range.start, end: range.end, reasonIds: range.reasonIds,
        validFrom: range.validFrom || null, validUntil: range.validUntil || null,
      })), lang);
      setRanges(rangesOf(answer.openingHours));
      onSaved(answer.openingHours, answer.outsideHours);
    });
  };

  return (
    <form noValidate onSubmit={onSubmit} className="account-form practice-form hours-form" aria-label={t('web.practice.hours.form', { place: placeName })}>
      <ErrorSummary submission={submission} />
      <p className="field-hint">{t('web.practice.hours.hint')}</p>
      {weekdays.map((weekday) => {
        const day = t(`web.practice.weekday.${weekday}`);
        const ofDay = ranges.filter((range) => range.weekday === weekday);
        return (
          <fieldset key={weekday} className="hours-day">
            <legend>{day}</legend>
            {!ofDay.length ? <p className="muted">{t('web.practice.hours.closed')}</p> : null}
            {ofDay.map((range, index) => (
              <RangeFields key={range.key} range={range} label={t('web.practice.hours.range', { day, number: index + 1 })} reasons={reasons}
                reasonName={reasonName} canEdit={canEdit} errorOf={submission.errorOf}
                onChange={(patch) => change(range.key, patch)} onToggleReason={(id, on) => toggleReason(range, id, on)} onRemove={() => remove(range)} />
            ))}
            {canEdit ? (
              <button type="button" id={`add-${weekday}`} className="link-button" onClick={() => add(weekday)}>
                {t('web.practice.hours.add', { day })}
              </button>
            ) : null}
          </fieldset>
        );
      })}
      {canEdit ? (
        <button type="submit" className="button button-primary" disabled={submission.busy}>
          {submission.busy ? t('web.accounts.sending') : t('web.practice.hours.save', { place: placeName })}
        </button>
      ) : null}
    </form>
  );
}

interface RangeFieldsProps {
  range: Range;
  label: string;
  reasons: readonly Reason[];
  reasonName: (reason: Reason) => string;
  canEdit: boolean;
  errorOf: (id: string) => string | undefined;
  onChange: (patch: Partial<Range>) => void;
  onToggleReason: (reasonId: string, on: boolean) => void;
  onRemove: () => void;
}

function RangeFields({ range, label, reasons, reasonName, canEdit, errorOf, onChange, onToggleReason, onRemove }: RangeFieldsProps) {
  const { t } = useI18n();
  const id = range.key;
  const timeInput = (name: 'start' | 'end', text: string) => {
    const error = errorOf(`${id}-${name}`);
    return (
      <div className={`form-field time-field${error ? ' has-error' : ''}`}>
        <label htmlFor={`${id}-${name}`} className="field-label">{text}</label>
        <FieldError id={`${id}-${name}-error`} message={error} />
        <input id={`${id}-${name}`} type="time" step={300} value={range[name]} disabled={!canEdit} aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(error && `${id}-${name}-error`)} onChange={(event) => onChange({ [name]: event.target.value })} />
      </div>
    );
  };
  const reasonsError = errorOf(`${id}-reasons`);
  return (
    <fieldset className="hours-range">
      <legend className="sr-only">{label}</legend>
      <div className="hours-times">
        {timeInput('start', t('web.practice.hours.start'))}
        {timeInput('end', t('web.practice.hours.end'))}
      </div>
      <fieldset className={`hours-reasons${reasonsError ? ' has-error' : ''}`} id={`${id}-reasons`} tabIndex={-1}
        aria-describedby={reasonsError ? `${id}-reasons-error` : undefined}>
        <legend className="field-label">{t('web.practice.hours.reasons')}</legend>
        <FieldError id={`${id}-reasons-error`} message={reasonsError} />
        {reasons.map((reason) => (
          <div key={reason.id} className="checkbox">
            <input type="checkbox" id={`${id}-reason-${reason.id}`} checked={range.reasonIds.includes(reason.id)} disabled={!canEdit}
              onChange={(event) => onToggleReason(reason.id, event.target.checked)} />
            <label htmlFor={`${id}-reason-${reason.id}`}>{reasonName(reason)}</label>
          </div>
        ))}
      </fieldset>
      <details className="hours-validity" open={Boolean(range.validFrom || range.validUntil)}>
        <summary>{t('web.practice.hours.validity')}</summary>
        <div className="hours-times">
          <div className="form-field">
            <label htmlFor={`${id}-from`} className="field-label">{t('web.practice.hours.valid_from')}</label>
            <input id={`${id}-from`} type="date" value={range.validFrom} disabled={!canEdit} onChange={(event) => onChange({ validFrom: event.target.value })} />
          </div>
          <div className="form-field">
            <label htmlFor={`${id}-until`} className="field-label">{t('web.practice.hours.valid_until')}</label>
            <input id={`${id}-until`} type="date" value={range.validUntil} disabled={!canEdit} onChange={(event) => onChange({ validUntil: event.target.value })} />
          </div>
        </div>
      </details>
      {canEdit ? (
        <button type="button" className="link-button hours-remove" onClick={onRemove}>
          {t('web.practice.hours.remove')}<span className="sr-only"> ({label})</span>
        </button>
      ) : null}
    </fieldset>
  );
}
