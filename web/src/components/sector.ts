/**
 * Texts about convention sectors (B5, B6). The practitioners feature's catalogue keys (`sector.<sector>.label`,
 * `sector.<sector>[.<profession kind>].explanation`, `reimbursement.*`) win; the web app's own `web.sector.*` and
 * `web.reimbursement.*` texts stand in while they do not exist.
 */
import type { Practitioner, Sector } from '../api.ts';
import { useI18n } from '../i18n.tsx';

/** « Conventionné secteur 2 avec OPTAM » for a sector code. */
export function useSectorLabel(): (sector: Sector) => string {
  const { tFirst } = useI18n();
  return (sector) => tFirst([`sector.${sector}.label`, `web.sector.${sector}.label`]);
}

/** TRE_G15 codes of doctors, dentists and midwives; every other profession is an auxiliary (60 %). */
const kindByProfession: Record<string, string> = { '10': 'doctor', '40': 'dentist', '50': 'midwife' };

/** Catalogue keys that may explain this practitioner's sector, most specific first. */
export function sectorExplanationKeys(practitioner: Practitioner): string[] {
  const kind = kindByProfession[practitioner.profession.code] ?? 'auxiliary';
  const keys = [`sector.${practitioner.sector}.${kind}.explanation`, `sector.${practitioner.sector}.explanation`];
  return practitioner.reimbursement.explanationKey ? [practitioner.reimbursement.explanationKey, ...keys] : keys;
}
