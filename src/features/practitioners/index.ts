/** The practitioners feature's public API: other features import only from here. */
export { practitionerDisplayName, type NamedPractitioner } from './domain/display-name.ts';
export {
  explainSector, flatParticipationCents, reimbursementRate, SECTOR_EXPLANATION_KEYS,
  type Overruns, type ProfessionKind, type SectorExplanation, type SectorExplanationKey,
} from './domain/reimbursement.ts';
export { getPractitionerPage, isPractitionerId, type PractitionerPage } from './service.ts';
export { PractitionerNotFound } from './errors.ts';
export { practitionerRoutes } from './routes.ts';
