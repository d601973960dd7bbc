/**
 * /pro/parametres/absences: « Absences » (holidays, training days…): the agenda closes for patients at once; the
 * booked appointments the absence covers are listed for the practice to move or cancel, never cancelled on their own.
 */
import { useState, type FormEvent } from 'react';
import { addAbsence, removeAbsence, type Absence, type OutsideHours } from '../../api-practice.ts';
import { ErrorSummary } from '../../components/account/ErrorSummary.tsx';
import { RequiredLegend } from '../../components/account/fields.tsx';
import { SectionStatus } from '../../components/account/SectionStatus.tsx';
import { OutsideHoursAfterChange } from '../../components/practice/OutsideHoursList.tsx';
import { PeriodFields, emptyPeriod, periodErrors, periodInput, periodText, type PeriodDraft } from '../../components/practice/PeriodFields.tsx';
import { SettingsPage, type SettingsContext } from '../../components/practice/SettingsFrame.tsx';
import { usePracticeSubmission } from '../../components/practice/usePractice.ts';
import { useI18n } from '../../i18n.tsx';

export function AbsencesPage() {
  const { t } = useI18n();
  return (
    <SettingsPage title={t('web.practice.settings.absences')} lead={t('web.practice.absences.lead')}>
      {(context) => <Absences context={context} />}
    </SettingsPage>
  );
}

function Absences({ context }: { context: SettingsContext }) {
  const { t, lang, locale } = useI18n();
  const { acting, settings, update, canEdit } = context;
  const [draft, setDraft] = useState<PeriodDraft>(emptyPeriod);
  const [done, setDone] = useState<string | null>(null);
  const [outside, setOutside] = useState<OutsideHours[] | null>(null);
  const submission = usePracticeSubmission();
  const removal = usePracticeSubmission();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    void submission.submit(periodErrors('absence', draft, t), async () => {
      const answer = await addAbsence(acting.id, periodInput(draft), lang);
      update((current) => ({ ...current, absences: [...current.absences, answer.absence].sort((a, b) => a.start.localeCompare(b.start)) }));
      setDraft(emptyPeriod);
      setDone(t('web.practice.absences.added', { period: periodText(answer.absence, t, locale) }));
      setOutside(answer.outsideHours);
    });
  };

  const remove = (absence: Absence) => {
    setDone(null);
    void removal.submit([], async () => {
      await removeAbsence(acting.id, absence.id, lang);
      update((current) => ({ ...current, absences: current.absences.filter((a) => a.id !== absence.id) }));
      setDone(t('web.practice.absences.removed', { period: periodText(absence, t, locale) }));
      setOutside(null);
    });
  };

  return (
    <div className="settings-list">
      <SectionStatus message={done} />
      <OutsideHoursAfterChange appointments={outside} places={settings.places} />
      <section className="practice-section" aria-labelledby="absences-title">
        <h2 id="absences-title">{t('web.practice.absences.upcoming')}</h2>
        <ErrorSummary submission={removal} />
        {settings.absences.length ? (
          <ul className="period-list">
            {settings.absences.map((absence) => (
              <li key={absence.id}>
                <span>{periodText(absence, t, locale)}</span>
                {canEdit ? (
                  <button type="button" className="link-button" disabled={removal.busy} onClick={() => remove(absence)}>
                    {t('web.practice.remove')}<span className="sr-only"> – {periodText(absence, t, locale)}</span>
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        ) : <p className="muted">{t('web.practice.absences.none')}</p>}
      </section>
      {canEdit ? (
        <form noValidate onSubmit={onSubmit} className="account-form practice-form" aria-labelledby="absence-add-title">
          <h2 id="absence-add-title">{t('web.practice.absences.add')}</h2>
          <ErrorSummary submission={submission} />
          <RequiredLegend />
          <PeriodFields idPrefix="absence" draft={draft} onDraft={setDraft} errorOf={submission.errorOf} />
          <p className="field-hint">{t('web.practice.absences.holidays')}</p>
          <button type="submit" className="button button-primary" disabled={submission.busy}>
            {submission.busy ? t('web.accounts.sending') : t('web.practice.absences.submit')}
          </button>
        </form>
      ) : null}
    </div>
  );
}
