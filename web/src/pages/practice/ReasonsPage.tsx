/**
 * /pro/parametres/motifs: « Motifs de consultation » (J2) — each reason with its rules, « Ajouter un motif »,
 * « Modifier », « Supprimer » (refused once an appointment names it: switch online booking off instead). After a
 * change, the appointments that fell outside the opening hours are listed. Above them, whether online bookings wait
 * for the practice's own software (C9).
 */
import { useRef, useState } from 'react';
import { addReason, changeReason, removeReason, type OutsideHours, type Reason } from '../../api-practice.ts';
import { ConfirmDialog } from '../../components/account/ConfirmDialog.tsx';
import { SectionStatus } from '../../components/account/SectionStatus.tsx';
import { OutsideHoursAfterChange } from '../../components/practice/OutsideHoursList.tsx';
import { ReasonForm } from '../../components/practice/ReasonForm.tsx';
import { SettingsPage, type SettingsContext } from '../../components/practice/SettingsFrame.tsx';
import { SoftwareConfirmation } from '../../components/practice/SoftwareConfirmation.tsx';
import { usePracticeSubmission } from '../../components/practice/usePractice.ts';
import { formatMoney } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';

export function ReasonsPage() {
  const { t } = useI18n();
  return (
    <SettingsPage title={t('web.practice.settings.reasons')} lead={t('web.practice.reasons.lead')}>
      {(context) => (
        <>
          <SoftwareConfirmation context={context} />
          <Reasons context={context} />
        </>
      )}
    </SettingsPage>
  );
}

function Reasons({ context }: { context: SettingsContext }) {
  const { t, lang } = useI18n();
  const { acting, settings, update, canEdit } = context;
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [removing, setRemoving] = useState<Reason | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [outside, setOutside] = useState<OutsideHours[] | null>(null);
  const removal = usePracticeSubmission();
  const addButton = useRef<HTMLButtonElement>(null);

  const added = async (input: Parameters<typeof addReason>[1]) => {
    const { reason } = await addReason(acting.id, input, lang);
    update((current) => ({ ...current, reasons: [...current.reasons, reason] }));
    setEditing(null);
    setOutside(null);
    setDone(t('web.practice.reasons.added', { name: reason.labelFr }));
    addButton.current?.focus();
  };

  const changed = (id: string) => async (input: Parameters<typeof changeReason>[2]) => {
    const answer = await changeReason(acting.id, id, input, lang);
    update((current) => ({ ...current, reasons: current.reasons.map((r) => (r.id === id ? answer.reason : r)) }));
    setEditing(null);
    setDone(t('web.practice.saved'));
    setOutside(answer.outsideHours);
  };

  const confirmRemoval = () => void removal.submit([], async () => {
    if (!removing) return;
    await removeReason(acting.id, removing.id, lang);
    update((current) => ({
      ...current,
      reasons: current.reasons.filter((r) => r.id !== removing.id),
      openingHours: current.openingHours.map((rule) => ({ ...rule, reasonIds: rule.reasonIds.filter((id) => id !== removing.id) })),
    }));
    setDone(t('web.practice.reasons.removed', { name: removing.labelFr }));
    setRemoving(null);
  });

  return (
    <div className="settings-list">
      <SectionStatus message={done} />
      <OutsideHoursAfterChange appointments={outside} places={settings.places} />
      {settings.reasons.length ? (
        <ul className="settings-cards">
          {settings.reasons.map((reason) => (
            <li key={reason.id}>
              <article className="practice-card" aria-labelledby={`reason-${reason.id}`}>
                <h2 id={`reason-${reason.id}`}>{lang === 'en' ? reason.labelEn : reason.labelFr}</h2>
                <ReasonFacts reason={reason} />
                {canEdit && editing !== reason.id ? (
                  <div className="button-row">
                    <button type="button" className="button button-secondary" onClick={() => { setDone(null); setEditing(reason.id); }}>
                      {t('web.practice.edit')}<span className="sr-only"> – {reason.labelFr}</span>
                    </button>
                    <button type="button" className="button button-danger-outline" onClick={() => { removal.reset(); setRemoving(reason); }}>
                      {t('web.practice.remove')}<span className="sr-only"> – {reason.labelFr}</span>
                    </button>
                  </div>
                ) : null}
                {editing === reason.id ? (
                  <ReasonForm reason={reason} idPrefix={`reason-${reason.id}`} title={t('web.practice.reasons.edit_title', { name: reason.labelFr })}
                    save={changed(reason.id)} onCancel={() => setEditing(null)} />
                ) : null}
              </article>
            </li>
          ))}
        </ul>
      ) : <p>{t('web.practice.reasons.none')}</p>}
      {canEdit ? (
        editing === 'new' ? (
          <ReasonForm idPrefix="new-reason" title={t('web.practice.reasons.add')} save={added} onCancel={() => setEditing(null)} />
        ) : (
          <button ref={addButton} type="button" className="button button-primary" onClick={() => { setDone(null); setEditing('new'); }}>
            {t('web.practice.reasons.add')}
          </button>
        )
      ) : null}
      <ConfirmDialog open={removing !== null} title={t('web.practice.reasons.remove_title')}
        text={t('web.practice.reasons.remove_text', { name: removing?.labelFr ?? '' })} confirmLabel={t('web.practice.remove')}
        onConfirm={confirmRemoval} onClose={() => setRemoving(null)} submission={removal} />
    </div>
  );
}

function ReasonFacts({ reason }: { reason: Reason }) {
  const { t, locale } = useI18n();
  const ages = reason.minAgeYears !== null || reason.maxAgeYears !== null
    ? t('web.practice.reasons.ages', { min: reason.minAgeYears ?? 0, max: reason.maxAgeYears ?? '–' }) : null;
  const tags = [
    t(reason.onlineBookable ? 'web.practice.reasons.tag.online' : 'web.practice.reasons.tag.not_online'),
    t(reason.newPatients ? 'web.practice.reasons.tag.new_patients' : 'web.practice.reasons.tag.known_only'),
    reason.referralRequired ? t('web.practice.reasons.tag.referral') : null,
    reason.video ? t('web.practice.reasons.video') : null,
    reason.capacity > 1 ? t('web.practice.reasons.tag.capacity', { count: reason.capacity }) : null,
    reason.notifications ? null : t('web.practice.reasons.tag.no_notifications'),
    ages,
    reason.instructionsFr ? t('web.practice.reasons.tag.instructions') : null,
  ].filter((tag): tag is string => Boolean(tag));
  return (
    <>
      <p>{t('web.practice.reasons.minutes', { count: reason.durationMinutes })} · {formatMoney(reason.priceCents, locale)}</p>
      <ul className="result-tags">{tags.map((tag) => <li key={tag}>{tag}</li>)}</ul>
    </>
  );
}
