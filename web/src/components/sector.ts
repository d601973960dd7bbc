/**
 * Texts about convention sectors (B5, B6). The search feature's catalogue keys `sector.<sector>.label` and
 * `sector.<sector>.explanation` win; the web app's own `web.sector.*` texts stand in while they do not exist.
 */
import type { Sector } from '../api.ts';
import { useI18n } from '../i18n.tsx';

/** « Secteur 2 (OPTAM) » for a sector code. */
export function useSectorLabel(): (sector: Sector) => string {
  const { tFirst } = useI18n();
  return (sector) => tFirst([`sector.${sector}.label`, `web.sector.${sector}.label`]);
}

/** What the sector means for reimbursement, in one or two sentences. */
export function useSectorExplanation(): (sector: Sector) => string {
  const { tFirst } = useI18n();
  return (sector) => tFirst([`sector.${sector}.explanation`, `web.sector.${sector}.explanation`]);
}
