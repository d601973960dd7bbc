/** The practitioner space's logins: what other features import (routes, the guards, the invitation tools of the CLI). */
import type { FeatureRoutes } from '../../platform/http/app.ts';
import { staffAuthRoutes } from './auth-routes.ts';
import { secretariesRoutes } from './secretaries-routes.ts';

export {
  requireStaff, requirePractitionerRight, listActingFor, type StaffSignedIn, type StaffActing, type ActingFor, type Right,
} from './staff-session.ts';
export { createInvitation, invitationUrl, INVITATION_LIFETIME_MS } from './invitations.ts';
export { ensurePractitionerLogin } from './staff-logins.ts';
export { demoStaffAllowed, describeDemoStaff, ensureDemoStaff, DEMO_STAFF_PASSWORD } from './demo-staff.ts';

/** Every route of the staff logins, mounted under /api. */
export const practiceAuthRoutes: FeatureRoutes = async (app, context) => {
  await staffAuthRoutes(app, context);
  await secretariesRoutes(app, context);
};
