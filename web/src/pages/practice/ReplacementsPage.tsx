/**
 * /pro/parametres/remplacants: « Remplaçants » — who replaces the practitioner and when; the slots given during a
 * replacement carry the blue dot on the patients' calendar (C1).
 */
import { useState, type FormEvent } from 'react';
import { addReplacement, removeReplacement, type Replacement } from '../../api-practice.ts';
import { ErrorSummary } from '../../components/account/ErrorSummary.tsx';
import { RequiredLegend, TextField } from '../../components/account/fields.tsx';
import { SectionStatus } from '../../components/account/SectionStatus.tsx';
import { PeriodFields, emptyPeriod, periodErrors, periodInput, periodText, type PeriodDraft } from '../../components/practice/PeriodFields.tsx';
import { SettingsPage, type SettingsContext } from '../../components/practice/SettingsFrame.tsx';
import { usePracticeSubmission } from '../../components/practice/usePractice.ts';
import { collect } from '../../components/account/validation.ts';
import { useI18n } from '../../i18n.tsx';

export function ReplacementsPage() {
  const { t } = useI18n();
  return (
    <SettingsPage title={t('web.practice.settings.replacements')} lead={t('web.practice.replacements.lead')}>
      {(context) => <Replacements context={context} />}
    </SettingsPage>
  );
}

function Replacements({ context }: { context: SettingsContext }) {
  const { t, lang, locale } = useI18n();
  const { acting, settings, update, canEdit } = context;
  const [firstName, setFirstName] = useState('');
  const [lastName, setLastName] = useState('');
  const [draft, setDraft] = useState<PeriodDraft>(emptyPeriod);
  const [done, setDone] = useState<string | null>(null);
  const submission = usePracticeSubmission();
  const removal = usePracticeSubmission();
  const describe = (replacement: Replacement) => `${replacement.firstName} ${replacement.lastName}, ${periodText(replacement, t, locale)}`;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    void submission.submit(
      [
        ...collect(
          !firstName.trim() && { id: 'replacement-first-name', message: t('web.accounts.error.required', { field: t('web.practice.patient.first_name') }) },
          !lastName.trim() && { id: 'replacement-last-name', message: t('web.accounts.error.required', { field: t('web.practice.patient.last_name') }) },
        ),
        ...periodErrors('replacement', draft, t),
      ],
      async () => {
        const { replacement } = await addReplacement(acting.id, { ...periodInput(draft), firstName: firstName.trim(), lastName: lastName.trim() }, lang);
        update((current) => ({ ...current, replacements: [...current.replacements, replacement].sort((a, b) => a.start.localeCompare(b.start)) }));
        setFirstName('');
        setLastName('');
        setDraft(emptyPeriod);
        setDone(t('web.practice.replacements.added', { who: describe(replacement) }));
      },
    );
  };

  const remove = (replacement: Replacement) => {
    setDone(null);
    void removal.submit([], async () => {
      await removeReplacement(acting.id, replacement.id, lang);
      update((current) => ({ ...current, replacements: current.replacements.filter((r) => r.id !== replacement.id) }));
      setDone(t('web.practice.replacements.removed', { who: describe(replacement) }));
    });
  };

  return (
    <div className="settings-list">
      <SectionStatus message={done} />
      <section className="practice-section" aria-labelledby="replacements-title">
        <h2 id="replacements-title">{t('web.practice.replacements.upcoming')}</h2>
        <ErrorSummary submission={removal} />
        {settings.replacements.length ? (
          <ul className="period-list">
            {settings.replacements.map((replacement) => (
              <li key={replacement.id}>
                <span><span className="replacement-dot" aria-hidden="true" />{describe(replacement)}</span>
                {canEdit ? (
                  <button type="button" className="link-button" disabled={removal.busy} onClick={() => remove(replacement)}>
                    {t('web.practice.remove')}<span className="sr-only"> – {describe(replacement)}</span>
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        ) : <p className="muted">{t('web.practice.replacements.none')}</p>}
      </section>
      {canEdit ? (
        <form noValidate onSubmit={onSubmit} className="account-form practice-form" aria-labelledby="replacement-add-title">
          <h2 id="replacement-add-title">{t('web.practice.replacements.add')}</h2>
          <ErrorSummary submission={submission} />
          <RequiredLegend />
          <div className="field-pair">
            <TextField id="replacement-first-name" label={t('web.practice.patient.first_name')} value={firstName} onValue={setFirstName} required
              maxLength={100} autoComplete="off" error={submission.errorOf('replacement-first-name')} />
            <TextField id="replacement-last-name" label={t('web.practice.patient.last_name')} value={lastName} onValue={setLastName} required
              maxLength={100} autoComplete="off" error={submission.errorOf('replacement-last-name')} />
          </div>
          <PeriodFields idPrefix="replacement" draft={draft} onDraft={setDraft} errorOf={submission.errorOf} />
          <button type="submit" className="button button-primary" disabled={submission.busy}>
            {submission.busy ? t('web.accounts.sending') : t('web.practice.replacements.submit')}
          </button>
        </form>
      ) : null}
    </div>
  );
}
