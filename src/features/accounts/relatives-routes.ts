/** « Mes proches » routes (docs/api-accounts.md): thin handlers; every one needs a session and sees only its relatives. */
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { FeatureRoutes } from '../../platform/http/app.ts';
import { requireAccount } from './sessions.ts';
import { addRelative, listRelatives, removeRelative, updateRelative } from './relatives-service.ts';

const relativeSchema = z.object({
  id: z.string(),
  civility: z.enum(['mme', 'm']).nullable(),
  firstName: z.string(),
  lastName: z.string(),
  birthDate: z.string().meta({ description: 'YYYY-MM-DD' }),
  email: z.string().nullable(),
  phone: z.string().nullable().meta({ description: 'E.164' }),
  phoneDisplay: z.string().nullable(),
  minor: z.boolean().meta({ description: 'Under 18 at today’s Paris date' }),
});

const errorSchema = z.object({ error: z.string(), message: z.string() });

/** Field schemas shared with « Mon compte »: a catalogue key names the sentence of each refusal. */
export const civilityField = z.enum(['mme', 'm'], { error: 'myaccount.error.civility_invalid' }).nullable();
export const firstNameField = z.string({ error: 'myaccount.error.first_name_required' }).max(200, { error: 'myaccount.error.name_too_long' });
export const lastNameField = z.string({ error: 'myaccount.error.last_name_required' }).max(200, { error: 'myaccount.error.name_too_long' });
export const birthDateField = z.string({ error: 'myaccount.error.birth_date_invalid' })
  .max(10, { error: 'myaccount.error.birth_date_invalid' })
  .meta({ description: 'YYYY-MM-DD, not in the future, at most 120 years ago' });
const emailField = z.string({ error: 'myaccount.error.email_invalid' }).max(320, { error: 'myaccount.error.email_invalid' }).nullable()
  .meta({ description: 'Own email of an adult relative; empty or null: none' });
const phoneField = z.string({ error: 'myaccount.error.phone_invalid' }).max(60, { error: 'myaccount.error.phone_invalid' }).nullable()
  .meta({ description: 'Own phone of an adult relative (any French or + form); empty or null: none' });

const relativeBody = z.object({
  civility: civilityField.optional(),
  firstName: firstNameField,
  lastName: lastNameField,
  birthDate: birthDateField,
  email: emailField.optional(),
  phone: phoneField.optional(),
});

const idParams = z.object({ id: z.string().max(100).meta({ description: 'Relative id (another account’s: 404)' }) });

export const relativesRoutes: FeatureRoutes = (app, context) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db, now } = context;

  api.get('/relatives', {
    schema: {
      summary: '« Mes proches »: the account’s relatives (not the holder)',
      tags: ['accounts'],
      response: { 200: z.object({ relatives: z.array(relativeSchema) }), 401: errorSchema },
    },
  }, async (request, reply) => {
    const { accountId } = await requireAccount(request, context);
    reply.header('cache-control', 'no-store');
    return { relatives: await listRelatives(db, accountId, now()) };
  });

  api.post('/relatives', {
    schema: {
      summary: 'Adds a relative (contacts only for adults)',
      tags: ['accounts'],
      body: relativeBody,
      response: { 201: z.object({ relative: relativeSchema }), 400: errorSchema, 401: errorSchema },
    },
  }, async (request, reply) => {
    const { accountId } = await requireAccount(request, context);
    const relative = await addRelative(db, accountId, request.body, now());
    return reply.status(201).send({ relative });
  });

  api.patch('/relatives/:id', {
    schema: {
      summary: 'Edits a relative (absent fields unchanged)',
      tags: ['accounts'],
      params: idParams,
      body: relativeBody.partial(),
      response: { 200: z.object({ relative: relativeSchema }), 400: errorSchema, 401: errorSchema, 404: errorSchema },
    },
  }, async (request) => {
    const { accountId } = await requireAccount(request, context);
    return { relative: await updateRelative(db, accountId, request.params.id, request.body, now()) };
  });

  api.delete('/relatives/:id', {
    schema: {
      summary: 'Removes a relative (kept, hidden, when appointments need it)',
      tags: ['accounts'],
      params: idParams,
      response: { 204: z.null(), 401: errorSchema, 404: errorSchema },
    },
  }, async (request, reply) => {
    const { accountId } = await requireAccount(request, context);
    await removeRelative(db, accountId, request.params.id, now());
    return reply.status(204).send(null);
  });
};
