/** The settings pages' frame: the practice frame, the settings navigation, and the settings loaded once per page. */
import { useState, type ReactNode } from 'react';
import { getSettings, type ActingFor, type Settings } from '../../api-practice.ts';
import { useI18n } from '../../i18n.tsx';
import { PracticePage, SettingsNav } from './PracticeFrame.tsx';
import { loadError, usePracticeLoad } from './usePractice.ts';

export interface SettingsContext {
  acting: ActingFor;
  settings: Settings;
  /** Replaces the settings shown after a change (the server's answer is the truth). */
  update: (change: (settings: Settings) => Settings) => void;
  canEdit: boolean;
}

export function SettingsPage({ title, lead, children }: { title: string; lead: string; children: (context: SettingsContext) => ReactNode }) {
  return (
    <PracticePage title={title}>
      {(acting) => (
        <>
          <SettingsNav />
          <p className="lead">{lead}</p>
          <SettingsLoader key={acting.id} acting={acting}>{children}</SettingsLoader>
        </>
      )}
    </PracticePage>
  );
}

function SettingsLoader({ acting, children }: { acting: ActingFor; children: (context: SettingsContext) => ReactNode }) {
  const { t, lang } = useI18n();
  const loaded = usePracticeLoad(`settings|${acting.id}|${lang}`, (signal) => getSettings(acting.id, lang, signal));
  const [changed, setChanged] = useState<Settings | null>(null);
  const settings = changed ?? (loaded.state === 'done' ? loaded.data : null);
  if (!settings) {
    if (loaded.state === 'error') return <p role="alert" className="error-message">{loadError(loaded.error, t('web.error.network'))}</p>;
    return <p role="status">{t('web.practice.loading')}</p>;
  }
  const canEdit = acting.rights.includes('edit_settings');
  return (
    <>
      {!canEdit ? <p className="contact-note">{t('web.practice.settings.read_only')}</p> : null}
      {children({ acting, settings, update: (change) => setChanged((current) => change(current ?? settings)), canEdit })}
    </>
  );
}
