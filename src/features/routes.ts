/** Every feature's HTTP routes, mounted under /api. */
import type { FeatureRoutes } from '../platform/http/app.ts';
import { healthRoutes } from './health/routes.ts';
import { availabilityRoutes } from './availability/routes.ts';

export const featureRoutes: FeatureRoutes[] = [healthRoutes, availabilityRoutes];
