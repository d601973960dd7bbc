/** The B4 filters (availability, fees, reason, languages, video); each change updates the page URL. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { sectors, suggest, type SearchParams } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { Combobox, type ComboOption } from './Combobox.tsx';
import { useSectorLabel } from './sector.ts';
import { spokenLanguages, useLanguageName } from './languages.ts';

interface FiltersProps {
  params: SearchParams;
  onChange: (patch: SearchParams) => void;
  /** Label of the chosen reason when known (picked in this tab). */
  reasonLabel: string | undefined;
  onReasonPicked: (code: string, label: string) => void;
}

const availabilityChoices = ['1', '3', '7', '14'] as const;

/** The control that takes the keyboard focus once the URL shows a filter change that removed the focused one. */
type FocusAfterChange = 'reason-remove' | 'reason-input' | 'first-filter';

/** Where each `FocusAfterChange` lands, inside the filters panel. */
const focusTargets: Record<FocusAfterChange, string> = {
  'reason-remove': '[data-focus="reason-remove"]',
  'reason-input': '.filter [role="combobox"]',
  'first-filter': '#filter-availability',
};

export function Filters({ params, onChange, reasonLabel, onReasonPicked }: FiltersProps) {
  const { t, lang } = useI18n();
  const sectorLabel = useSectorLabel();
  const languageName = useLanguageName();
  const [expanded, setExpanded] = useState(false);
  const [reasonText, setReasonText] = useState('');
  const panelRef = useRef<HTMLDivElement>(null);
  const focusAfterChange = useRef<FocusAfterChange | null>(null);
  const chosenSectors = new Set((params.sector ?? '').split(',').filter(Boolean));
  const active = Boolean(params.availableWithin || params.sector || params.reason || params.language || params.video);

  const loadReasons = useCallback(async (text: string, signal: AbortSignal): Promise<ComboOption<string>[]> => {
    const found = await suggest(text, lang, signal);
    return found.reasons.map((reason) => ({ key: reason.code, label: reason.label, value: reason.code }));
  }, [lang]);

  // Picking a reason, « Retirer » and « Effacer les filtres » each unmount the focused control (WCAG 2.4.3):
  // once the new URL is rendered, focus goes to the control now in its place.
  useEffect(() => {
    const wanted = focusAfterChange.current;
    const target = wanted && panelRef.current?.querySelector<HTMLElement>(focusTargets[wanted]);
    if (!target) return;
    focusAfterChange.current = null;
    target.focus();
  });

  /** Applies `patch` and moves the focus to `then` once the page shows it. */
  const changeThenFocus = (patch: SearchParams, then: FocusAfterChange) => {
    focusAfterChange.current = then;
    onChange(patch);
  };

  const toggleSector = (sector: string, on: boolean) => {
    const next = sectors.filter((s) => (s === sector ? on : chosenSectors.has(s)));
    onChange({ sector: next.join(',') || undefined });
  };

  return (
    <section className={expanded ? 'filters is-expanded' : 'filters'} aria-labelledby="filters-title">
      <div className="filters-head">
        <h2 id="filters-title">{t('web.filters.title')}</h2>
        <button type="button" className="button button-secondary filters-toggle" aria-expanded={expanded}
          aria-controls="filters-panel" onClick={() => setExpanded(!expanded)}>
          {expanded ? t('web.filters.hide') : t('web.filters.show')}
        </button>
      </div>
      <div id="filters-panel" className="filters-panel" ref={panelRef}>
        <div className="filter">
          <label htmlFor="filter-availability" className="field-label">{t('web.filters.availability')}</label>
          <select id="filter-availability" value={params.availableWithin ?? ''}
            onChange={(event) => onChange({ availableWithin: event.target.value || undefined })}>
            <option value="">{t('web.filters.availability.any')}</option>
            {availabilityChoices.map((days) => (
              <option key={days} value={days}>{t(`web.filters.availability.${days}`)}</option>
            ))}
          </select>
        </div>
        <fieldset className="filter">
          <legend className="field-label">{t('web.filters.fees')}</legend>
          {sectors.map((sector) => (
            <div key={sector} className="checkbox">
              <input id={`filter-sector-${sector}`} type="checkbox" checked={chosenSectors.has(sector)}
                onChange={(event) => toggleSector(sector, event.target.checked)} />
              <label htmlFor={`filter-sector-${sector}`}>{sectorLabel(sector)}</label>
            </div>
          ))}
        </fieldset>
        <div className="filter">
          {params.reason ? (
            <div>
              <p className="field-label" id="filter-reason-label">{t('web.filters.reason')}</p>
              <p className="chosen-reason">
                <span>{reasonLabel ?? t('web.filters.reason.chosen')}</span>{' '}
                <button type="button" className="link-button" data-focus="reason-remove"
                  onClick={() => changeThenFocus({ reason: undefined }, 'reason-input')}>
                  {t('web.filters.reason.remove')}
                </button>
              </p>
            </div>
          ) : (
            <Combobox label={t('web.filters.reason')} placeholder={t('web.filters.reason.placeholder')}
              value={reasonText} onValueChange={setReasonText} loadOptions={loadReasons}
              onPick={(option) => {
                setReasonText('');
                onReasonPicked(option.value, option.label);
                changeThenFocus({ reason: option.value }, 'reason-remove');
              }} />
          )}
        </div>
        <div className="filter">
          <label htmlFor="filter-language" className="field-label">{t('web.filters.language')}</label>
          <select id="filter-language" value={params.language ?? ''}
            onChange={(event) => onChange({ language: event.target.value || undefined })}>
            <option value="">{t('web.filters.language.any')}</option>
            {spokenLanguages.map((code) => <option key={code} value={code}>{languageName(code)}</option>)}
          </select>
        </div>
        <div className="filter checkbox">
          <input id="filter-video" type="checkbox" checked={params.video === 'true'}
            onChange={(event) => onChange({ video: event.target.checked ? 'true' : undefined })} />
          <label htmlFor="filter-video">{t('web.filters.video')}</label>
        </div>
        {active ? (
          <button type="button" className="link-button" onClick={() => changeThenFocus({
            availableWithin: undefined, sector: undefined, reason: undefined, language: undefined, video: undefined,
          }, 'first-filter')}>{t('web.filters.clear')}</button>
        ) : null}
      </div>
    </section>
  );
}
