/** Every feature's HTTP routes, mounted under /api. */
import type { FeatureRoutes } from '../platform/http/app.ts';
import { healthRoutes } from './health/routes.ts';
import { availabilityRoutes } from './availability/routes.ts';
import { searchRoutes } from './search/index.ts';
import { practitionerRoutes } from './practitioners/index.ts';
import { authRoutes } from './accounts/routes.ts';
import { accountManagementRoutes } from './accounts/account-management-routes.ts';
import { bookingRoutes } from './booking/index.ts';
import { practiceRoutes } from './practice-api/index.ts';
import { myAppointmentsRoutes } from './booking/my-appointments-routes.ts';
import { careTeamRoutes } from './booking/care-team-routes.ts';
import { appointmentLinkRoutes } from './booking/appointment-links-routes.ts';
import { practiceAuthRoutes } from './practice-auth/index.ts';
import { practiceAgendaRoutes } from './practice/index.ts';

export const featureRoutes: FeatureRoutes[] = [healthRoutes, availabilityRoutes, searchRoutes, practitionerRoutes, authRoutes, accountManagementRoutes, bookingRoutes, practiceRoutes,
  myAppointmentsRoutes, careTeamRoutes, appointmentLinkRoutes, practiceAuthRoutes, practiceAgendaRoutes];
