/** A practitioner's secretaries and their rights (docs/api-practice.md « Secretaries »): the practitioner itself only. */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { FeatureRoutes, RouteContext } from '../../platform/http/app.ts';
import { askerOf } from './auth-routes.ts';
import { RightMissing } from './errors.ts';
import { changeSecretaryRights, inviteSecretary, listSecretaries, revokeSecretary } from './secretaries.ts';
import { requirePractitionerRight } from './staff-session.ts';
import { rightSchema } from './staff-view.ts';

const secretarySchema = z.object({
  id: z.string(),
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  rights: z.array(rightSchema),
  activated: z.boolean().meta({ description: 'whether the invitation was accepted' }),
  grantedAt: z.string(),
});
const practitionerParams = z.object({ id: z.string().max(100) });
const secretaryParams = z.object({ id: z.string().max(100), secretaryId: z.string().max(100) });
const rightsField = z.array(rightSchema).max(8);
const field = (max: number, error: 'accounts.error.email_invalid' | 'practice_auth.error.name_required' | 'accounts.error.phone_invalid') =>
  z.string({ error }).max(max, { error });
const tags = ['practice: staff authentication'];

/** The practitioner acting on its own secretaries: a secretary granted on it → 403, anyone else → 404. */
async function requireOwnPractitioner(request: FastifyRequest, context: RouteContext, practitionerId: string) {
  const acting = await requirePractitionerRight(request, context, practitionerId, 'view');
  if (acting.role !== 'practitioner') throw new RightMissing();
  return { staffId: acting.staffId, practitionerId: acting.actingFor };
}

export const secretariesRoutes: FeatureRoutes = (app, context) => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/practice/practitioners/:id/secretaries', {
    schema: {
      summary: 'The practitioner’s secretaries and their rights', tags, params: practitionerParams,
      response: { 200: z.object({ secretaries: z.array(secretarySchema) }) },
    },
  }, async (request) => {
    const actor = await requireOwnPractitioner(request, context, request.params.id);
    return { secretaries: await listSecretaries(context.db, actor.practitionerId) };
  });

  api.post('/practice/practitioners/:id/secretaries', {
    schema: {
      summary: 'Grants rights to a secretary by email (a new login gets an invitation email)', tags, params: practitionerParams,
      body: z.object({
        email: field(320, 'accounts.error.email_invalid'),
        firstName: field(200, 'practice_auth.error.name_required'),
        lastName: field(200, 'practice_auth.error.name_required'),
        phone: field(100, 'accounts.error.phone_invalid').nullable().optional(),
        rights: rightsField,
      }),
      response: { 201: z.object({ secretary: secretarySchema }) },
    },
  }, async (request, reply) => {
    const actor = await requireOwnPractitioner(request, context, request.params.id);
    const secretary = await inviteSecretary(context, actor, request.body, askerOf(request, context));
    return reply.status(201).send({ secretary });
  });

  api.patch('/practice/practitioners/:id/secretaries/:secretaryId', {
    schema: {
      summary: 'New rights for a secretary', tags, params: secretaryParams, body: z.object({ rights: rightsField }),
      response: { 200: z.object({ secretary: secretarySchema }) },
    },
  }, async (request) => {
    const actor = await requireOwnPractitioner(request, context, request.params.id);
    const secretary = await changeSecretaryRights(context.db, actor, request.params.secretaryId, request.body.rights, askerOf(request, context));
    return { secretary };
  });

  api.delete('/practice/practitioners/:id/secretaries/:secretaryId', {
    schema: { summary: 'Revokes a secretary’s access to this practitioner', tags, params: secretaryParams, response: { 204: z.null() } },
  }, async (request, reply) => {
    const actor = await requireOwnPractitioner(request, context, request.params.id);
    await revokeSecretary(context.db, actor, request.params.secretaryId, askerOf(request, context));
    return reply.status(204).send(null);
  });
};
