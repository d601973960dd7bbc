/** The routes of account management (issue 3): « Mon compte », « Mes proches » and password reset. */
import type { FeatureRoutes } from '../../platform/http/app.ts';
import { accountRoutes } from './account-routes.ts';
import { passwordResetRoutes } from './password-reset-routes.ts';
import { relativesRoutes } from './relatives-routes.ts';

export const accountManagementRoutes: FeatureRoutes = async (app, context) => {
  await accountRoutes(app, context);
  await relativesRoutes(app, context);
  await passwordResetRoutes(app, context);
};
