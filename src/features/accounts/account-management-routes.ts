/** The routes of account management (issue 3): « Mon compte », « Mes proches » and password reset. */
import type { FeatureRoutes } from '../../platform/http/app.ts';
import { relativesRoutes } from './relatives-routes.ts';

export const accountManagementRoutes: FeatureRoutes = async (app, context) => {
  await relativesRoutes(app, context);
};
