/**
 * What a convention sector means for the patient's reimbursement (SPEC B5, B6, seed 001 « Assurance Santé »):
 * the share of the base tariff the Sécurité sociale pays within the coordinated care pathway, whether the
 * practitioner may charge overruns, and the flat participation that is never reimbursed.
 */
import type { Sector } from '../../../platform/db/schema.ts';

export type ProfessionKind = 'doctor' | 'dentist' | 'midwife' | 'auxiliary';

/** none: base tariff (overruns only on a patient's exceptional demand); limited: OPTAM cap; free: sector 2; not-covered: outside the convention. */
export type Overruns = 'none' | 'limited' | 'free' | 'not-covered';

export interface SectorExplanation {
  /** Percent of the base tariff reimbursed within the coordinated care pathway. */
  rate: 70 | 60;
  overruns: Overruns;
  /** Catalogue key of the explanation text (messages/practitioners.ts). */
  explanationKey: SectorExplanationKey;
  /** Flat participation (« participation forfaitaire ») left to the patient on each doctor's consultation, in cents;
   *  null for other professions, whose acts it does not apply to. */
  flatParticipationCents: number | null;
}

export const SECTOR_EXPLANATION_KEYS = [
  'sector.1.explanation',
  'sector.2.explanation',
  'sector.2-optam.explanation',
  'sector.2-optam-co.explanation',
  'sector.conventionne.doctor.explanation',
  'sector.conventionne.dentist.explanation',
  'sector.conventionne.midwife.explanation',
  'sector.conventionne.auxiliary.explanation',
  'sector.non-conventionne.explanation',
] as const;
export type SectorExplanationKey = (typeof SECTOR_EXPLANATION_KEYS)[number];

/** Doctors, dentists and midwives: 70 % of the base tariff; auxiliaries (nurses, physiotherapists…): 60 %. */
export function reimbursementRate(kind: ProfessionKind): 70 | 60 {
  return kind === 'auxiliary' ? 60 : 70;
}

const overrunsBySector: Record<Sector, Overruns> = {
  '1': 'none',
  conventionne: 'none',
  '2-optam': 'limited',
  '2-optam-co': 'limited',
  '2': 'free',
  'non-conventionne': 'not-covered',
};

/** Start of 15 May 2024 in Paris, when the flat participation rose from 1 € to 2 € (seed 001 still says 1 €). */
const TWO_EUROS_SINCE = Date.UTC(2024, 4, 14, 22);

/** The flat participation on a doctor's consultation on a given day; other professions' acts do not bear it. */
export function flatParticipationCents(kind: ProfessionKind, on: Date): number | null {
  if (kind !== 'doctor') return null;
  return on.getTime() < TWO_EUROS_SINCE ? 100 : 200;
}

function explanationKeyOf(sector: Sector, kind: ProfessionKind): SectorExplanationKey {
  if (sector === 'conventionne') return `sector.conventionne.${kind}.explanation`;
  return `sector.${sector}.explanation`;
}

/** The reimbursement facts shown on a practitioner's page, for the sector and profession, on a given day. */
export function explainSector(sector: Sector, kind: ProfessionKind, on: Date): SectorExplanation {
  return {
    rate: reimbursementRate(kind),
    overruns: overrunsBySector[sector],
    explanationKey: explanationKeyOf(sector, kind),
    flatParticipationCents: flatParticipationCents(kind, on),
  };
}
