/** The practitioner space's agenda and settings (issue 6): its routes, mounted under /api. */
export { practiceAgendaRoutes } from './routes.ts';
