/**
 * Reference nomenclatures: professions (TRE_G15), specialties (TRE_R38 + one per other profession), visit-reason kinds.
 * Plain constants, shared by the loader, the demo generator and the search and booking features.
 */
import { PROFESSIONS, type Profession, type ProfessionCode } from './nomenclature/professions.ts';
import { SPECIALTIES, type Specialty } from './nomenclature/specialties.ts';
import { REASON_KINDS, type ReasonKind } from './nomenclature/reason-kinds.ts';

export { PROFESSIONS, SPECIALTIES, REASON_KINDS };
export type { Profession, ProfessionCode, ProfessionKind } from './nomenclature/professions.ts';
export type { Specialty, SpecialtyFees } from './nomenclature/specialties.ts';
export type { ReasonKind } from './nomenclature/reason-kinds.ts';

const professionsByCode = new Map<string, Profession>(PROFESSIONS.map((p) => [p.code, p]));
const specialtiesByCode = new Map<string, Specialty>(SPECIALTIES.map((s) => [s.code, s]));
const specialtiesBySlug = new Map<string, Specialty>(SPECIALTIES.map((s) => [s.slug, s]));

/** The profession of a TRE_G15 code, or undefined for a code we do not list. */
export function professionByCode(code: string): Profession | undefined {
  return professionsByCode.get(code);
}

/** The specialty of a code ('SM38', 'G15_70'), or undefined. */
export function specialtyByCode(code: string): Specialty | undefined {
  return specialtiesByCode.get(code);
}

/** The specialty of a URL slug (« ophtalmologue »), or undefined. */
export function specialtyBySlug(slug: string): Specialty | undefined {
  return specialtiesBySlug.get(slug);
}

/** The reimbursement rate (B6) of a specialty's profession: 70 or 60 percent of the base tariff. */
export function reimbursementRateOf(specialtyCode: string): 70 | 60 | undefined {
  const specialty = specialtiesByCode.get(specialtyCode);
  return specialty ? professionsByCode.get(specialty.profession_code)?.reimbursement_rate : undefined;
}

/** Reasons a practitioner of that specialty typically offers: the generic ones, then the specialty's own. */
export function reasonKindsFor(specialtyCode: string): ReasonKind[] {
  return REASON_KINDS.filter((r) => r.specialty_code === null || r.specialty_code === specialtyCode);
}

/** The one specialty code of a non-doctor profession (its pseudo-specialty). */
export function pseudoSpecialtyCode(professionCode: ProfessionCode): string {
  return `G15_${professionCode}`;
}
