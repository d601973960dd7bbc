/** The practice-side API's public surface: its routes and the token tools of `npm run practice:token`. */
export { practiceRoutes } from './routes.ts';
export { createPracticeToken, revokePracticeToken } from './tokens.ts';
