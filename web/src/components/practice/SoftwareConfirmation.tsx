/**
 * C9: « Les rendez-vous en ligne sont confirmés par notre logiciel de gestion » — each online booking then waits for
 * the practice's own software (2 minutes at most). Saved at once through PATCH …/settings [edit_settings].
 */
import { useState } from 'react';
import { changeSoftwareConfirmation } from '../../api-practice.ts';
import { useI18n } from '../../i18n.tsx';
import { CheckboxField } from '../account/fields.tsx';
import { ErrorSummary } from '../account/ErrorSummary.tsx';
import { SectionStatus } from '../account/SectionStatus.tsx';
import type { SettingsContext } from './SettingsFrame.tsx';
import { usePracticeSubmission } from './usePractice.ts';

export function SoftwareConfirmation({ context }: { context: SettingsContext }) {
  const { t, lang } = useI18n();
  const { acting, settings, update, canEdit } = context;
  const saving = usePracticeSubmission();
  const [done, setDone] = useState<string | null>(null);
  /** The value being saved, shown at once (the box follows the click); the server's answer then replaces it. */
  const [asked, setAsked] = useState<boolean | null>(null);

  const change = (confirmsFromSoftware: boolean) => {
    setDone(null);
    setAsked(confirmsFromSoftware);
    void saving.submit([], async () => {
      try {
        const next = await changeSoftwareConfirmation(acting.id, confirmsFromSoftware, lang);
        update((current) => ({ ...current, confirmsFromSoftware: next.confirmsFromSoftware }));
        setDone(t('web.practice.saved'));
      } finally {
        setAsked(null);
      }
    });
  };

  return (
    <section className="practice-card software-confirmation" aria-labelledby="software-confirmation-title">
      <h2 id="software-confirmation-title">{t('web.practice.software.title')}</h2>
      <ErrorSummary submission={saving} />
      <CheckboxField id="confirms-from-software" label={t('web.practice.software.label')} hint={t('web.practice.software.hint')}
        checked={asked ?? settings.confirmsFromSoftware === true} onChecked={change} disabled={!canEdit} />
      <SectionStatus message={done} />
    </section>
  );
}
