/** Suggestions while typing (SPEC B1, B2): « Médecin, établissement, spécialité… » and « Où ? ». */
import type { Db } from '../../platform/db/database.ts';
import type { Language } from '../../platform/i18n/catalogue.ts';
import { practitionerDisplayName } from '../practitioners/index.ts';
import { foldSeparators, FUZZY_MIN_LENGTH, tidyQuery, withoutTitle } from './domain/query-text.ts';
import { suggestCommunes } from './place-repository.ts';
import {
  suggestEstablishments, suggestPractitioners, suggestReasons, suggestSpecialties,
  type EstablishmentSuggestion, type ReasonSuggestion, type SpecialtySuggestion,
} from './suggest-repository.ts';

export interface Suggestions {
  specialties: SpecialtySuggestion[];
  reasons: ReasonSuggestion[];
  practitioners: { id: string; name: string; specialty: string; city: string | null }[];
  establishments: EstablishmentSuggestion[];
}

export interface PlaceSuggestion {
  code: string;
  name: string;
  postalCode: string;
  departement: string;
  label: string;
  latitude: number;
  longitude: number;
}

/** Everything matching typed text; names only from 3 characters on (shorter text matches too many people). */
export async function suggest(db: Db, typed: string, lang: Language): Promise<Suggestions> {
  const text = foldSeparators(tidyQuery(typed));
  const name = foldSeparators(withoutTitle(text));
  if (!text) return { specialties: [], reasons: [], practitioners: [], establishments: [] };
  const namesToo = name.length >= FUZZY_MIN_LENGTH;
  const [specialties, reasons, practitioners, establishments] = await Promise.all([
    suggestSpecialties(db, text, lang),
    suggestReasons(db, text, lang),
    namesToo ? suggestPractitioners(db, name, lang) : [],
    namesToo ? suggestEstablishments(db, name) : [],
  ]);
  return {
    specialties,
    reasons,
    practitioners: practitioners.map(({ id, specialty, city, ...named }) => ({ id, name: practitionerDisplayName(named), specialty, city })),
    establishments,
  };
}

/** Communes for « Où ? », labelled « Nantes (44000) ». */
export async function suggestPlaces(db: Db, typed: string): Promise<PlaceSuggestion[]> {
  const communes = await suggestCommunes(db, typed);
  return communes.map((c) => ({ ...c, label: c.postalCode ? `${c.name} (${c.postalCode})` : c.name }));
}
