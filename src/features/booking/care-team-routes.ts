/** « Mon équipe soignante » (docs/api-booking.md, SPEC A8): the list, and removing a practitioner from it. */
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { FeatureRoutes } from '../../platform/http/app.ts';
import { requireAccount } from '../accounts/sessions.ts';
import { hideFromCareTeam, listCareTeam } from './care-team.ts';
import { refusalSchema } from './schemas.ts';

const memberSchema = z.object({
  id: z.string(),
  name: z.string(),
  specialty: z.string(),
  city: z.string(),
  lastAppointment: z.string().nullable().meta({ description: 'Start of the latest appointment that has begun' }),
});

export const careTeamRoutes: FeatureRoutes = (app, context) => {
  const { db, now } = context;
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/care-team', {
    schema: {
      summary: '« Mon équipe soignante »: practitioners booked with (all of them when the history is switched on)',
      tags: ['booking'],
      response: { 200: z.object({ practitioners: z.array(memberSchema), historyEnabled: z.boolean() }), 401: refusalSchema },
    },
  }, async (request, reply) => {
    const { accountId } = await requireAccount(request, context);
    reply.header('cache-control', 'no-store');
    return listCareTeam(db, accountId, request.lang, now());
  });

  api.delete('/care-team/:practitionerId', {
    schema: {
      summary: 'Remove a practitioner from the list (appointments untouched; a new booking shows them again)',
      tags: ['booking'],
      params: z.object({ practitionerId: z.string().max(100) }),
      response: { 204: z.null(), 401: refusalSchema, 404: refusalSchema },
    },
  }, async (request, reply) => {
    const { accountId } = await requireAccount(request, context);
    await hideFromCareTeam(db, accountId, request.params.practitionerId, now());
    return reply.status(204).send(null);
  });
};
