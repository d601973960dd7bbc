/** The two search boxes (« Nom, spécialité, établissement… » and « Où ? ») with suggestions, and « Rechercher ». */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { suggest, suggestPlaces, type SearchParams } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { navigate, pathWithQuery } from '../router.tsx';
import { Combobox, type ComboOption } from './Combobox.tsx';
import { rememberReasonLabel } from './reasonLabels.ts';

/** What picking a suggestion of the first box means. */
type WhatPick =
  | { kind: 'specialty'; slug: string }
  | { kind: 'reason'; code: string; specialtySlug: string | null }
  | { kind: 'practitioner'; id: string };

export interface SearchFormValues {
  what: string;
  specialty?: string;
  reason?: string;
  /** The text shown in « Où ? »; when it changes (the place resolved by the API) it replaces untouched text. */
  whereText: string;
  /** The commune code picked from the suggestions (or resolved by the API), if any: sent as `place`. */
  whereCode?: string;
}

interface SearchFormProps {
  initial: SearchFormValues;
  /** Filters carried over to the new search (the results page keeps them). */
  filters?: SearchParams;
  compact?: boolean;
}

export function SearchForm({ initial, filters = {}, compact = false }: SearchFormProps) {
  const { t, lang } = useI18n();
  const [what, setWhat] = useState(initial.what);
  const [specialty, setSpecialty] = useState(initial.specialty);
  const [reason, setReason] = useState(initial.reason);
  const [whereText, setWhereText] = useState(initial.whereText);
  const [whereCode, setWhereCode] = useState(initial.whereCode);
  const [whereTouched, setWhereTouched] = useState(false);

  // The label of the place arrives with the results: show it unless the user has typed in « Où ? » meanwhile.
  useEffect(() => {
    if (whereTouched || !initial.whereText) return;
    setWhereText(initial.whereText);
    setWhereCode(initial.whereCode);
  }, [initial.whereText, initial.whereCode, whereTouched]);

  const loadWhat = useCallback(async (text: string, signal: AbortSignal): Promise<ComboOption<WhatPick>[]> => {
    const found = await suggest(text, lang, signal);
    return [
      ...found.specialties.map((s) => ({
        key: `s${s.code}`, label: s.label, group: t('web.suggest.group.specialties'), value: { kind: 'specialty', slug: s.slug } as const,
      })),
      ...found.reasons.map((r) => ({
        key: `r${r.code}`, label: r.label, group: t('web.suggest.group.reasons'),
        value: { kind: 'reason', code: r.code, specialtySlug: r.specialtySlug } as const,
      })),
      ...found.practitioners.map((p) => ({
        key: `p${p.id}`, label: p.name, detail: [p.specialty, p.city].filter(Boolean).join(', '), group: t('web.suggest.group.practitioners'),
        value: { kind: 'practitioner', id: p.id } as const,
      })),
      ...found.establishments.map((e) => ({
        key: `e${e.practitionerId}-${e.name}`, label: e.name, detail: e.city, group: t('web.suggest.group.establishments'),
        value: { kind: 'practitioner', id: e.practitionerId } as const,
      })),
    ];
  }, [lang, t]);

  const loadWhere = useCallback(async (text: string, signal: AbortSignal): Promise<ComboOption<string>[]> => {
    const found = await suggestPlaces(text, lang, signal);
    return found.places.map((place) => ({ key: `${place.code}-${place.postalCode}`, label: place.label, value: place.code }));
  }, [lang]);

  const onPickWhat = (option: ComboOption<WhatPick>) => {
    const pick = option.value;
    if (pick.kind === 'practitioner') {
      navigate(`/praticien/${encodeURIComponent(pick.id)}`);
      return;
    }
    if (pick.kind === 'reason') rememberReasonLabel(pick.code, option.label);
    setWhat(option.label);
    setSpecialty(pick.kind === 'specialty' ? pick.slug : pick.specialtySlug ?? undefined);
    setReason(pick.kind === 'reason' ? pick.code : undefined);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    // A picked commune travels as its INSEE code (`place`); typed text as `where` (5 digits: a postal code).
    const place = whereCode;
    const where = whereCode ? undefined : whereText.trim();
    navigate(pathWithQuery('/recherche', {
      ...filters,
      what: what.trim(), specialty, place, where, reason, page: undefined,
    }));
  };

  return (
    <form role="search" className={compact ? 'search-form is-compact' : 'search-form'} onSubmit={onSubmit}>
      <Combobox
        label={t('web.search.what.label')}
        placeholder={t('web.search.what.placeholder')}
        name="what"
        value={what}
        onValueChange={(text) => {
          setWhat(text);
          setSpecialty(undefined);
          setReason(undefined);
        }}
        loadOptions={loadWhat}
        onPick={onPickWhat}
      />
      <Combobox
        label={t('web.search.where.label')}
        placeholder={t('web.search.where.placeholder')}
        name="where"
        value={whereText}
        onValueChange={(text) => {
          setWhereText(text);
          setWhereCode(undefined);
          setWhereTouched(true);
        }}
        loadOptions={loadWhere}
        onPick={(option) => {
          setWhereText(option.label);
          setWhereCode(option.value);
          setWhereTouched(true);
        }}
      />
      <button type="submit" className="button button-primary search-submit">{t('web.search.submit')}</button>
    </form>
  );
}
