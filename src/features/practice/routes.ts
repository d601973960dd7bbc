/**
 * The practitioner space's agenda and settings (docs/api-practice.md « Agenda and settings »), all under
 * /api/practice/practitioners/:practitionerId. A preValidation hook authorises every request with the right its route
 * names (config.practiceRight), before its body is even read: patients and other practices get 401/404, never a 400
 * about a form they may not send. The routes validate and call one service each.
 */
import type { FeatureRoutes } from '../../platform/http/app.ts';
import { requirePractitionerRight, type Right } from '../practice-auth/index.ts';
import { agendaRoutes } from './agenda-routes.ts';
import { patientRoutes } from './patient-routes.ts';
import { settingsRoutes } from './settings-routes.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The right a practitioner-space route needs (default: view). */
    practiceRight?: Right;
  }
}

export const practiceAgendaRoutes: FeatureRoutes = async (app, context) => {
  await app.register(async (scope) => {
    scope.addHook('preValidation', async (request) => {
      const { practitionerId } = request.params as { practitionerId: string };
      await requirePractitionerRight(request, context, practitionerId, request.routeOptions.config.practiceRight ?? 'view');
    });
    await settingsRoutes(scope, context);
    await agendaRoutes(scope, context);
    await patientRoutes(scope, context);
  }, { prefix: '/practice/practitioners/:practitionerId' });
};
