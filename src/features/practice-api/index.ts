/** The practice-side API's public surface: its routes and the token tools of `npm run practice:token`. */
export { practiceRoutes } from './routes.ts';
export { createPracticeToken, revokePracticeToken } from './tokens.ts';
/** The same use cases serve the practitioner space (src/features/practice/). */
export { declareNoShow, type DeclaredNoShow } from './no-shows.ts';
export { ensurePatientFile, liftBlock } from './patient-blocks.ts';
export { AppointmentNotStarted, AppointmentWasCancelled, NotThisPracticesRecord } from './errors.ts';
