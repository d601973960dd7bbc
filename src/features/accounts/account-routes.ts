/** « Mon compte » routes (docs/api-accounts.md): thin handlers; every one acts on the session's own account only. */
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { FeatureRoutes } from '../../platform/http/app.ts';
import { confirmEmailChange, confirmPhoneChange, startEmailChange, startPhoneChange } from './account-contact.ts';
import { deleteAccount } from './account-deletion.ts';
import { changePassword } from './account-password.ts';
import { getAccount, updateAccount } from './account-service.ts';
import { accountViewSchema } from './account-view.ts';
import { codeSentSchema } from './codes.ts';
import { birthDateField, civilityField, firstNameField, lastNameField } from './relatives-routes.ts';
import { clearSessionCookie, requireAccount, rotateSession, type SignedIn } from './sessions.ts';
import { clearDeviceCookie } from './trusted-devices.ts';

const errorSchema = z.object({ error: z.string(), message: z.string() });
const accountResponse = z.object({ account: accountViewSchema });

/** A password as typed to confirm a change: never trimmed, bounded so that hashing stays cheap. */
const passwordField = z.string({ error: 'myaccount.error.password_required' })
  .min(1, { error: 'myaccount.error.password_required' })
  .max(1024, { error: 'myaccount.error.password_required' });

const addressText = (max: number) => z.string({ error: 'myaccount.error.address_incomplete' }).max(max, { error: 'myaccount.error.address_too_long' }).nullish();

const accountPatch = z.object({
  civility: civilityField.optional(),
  firstName: firstNameField.nullable().optional().meta({ description: 'null erases it' }),
  lastName: lastNameField.nullable().optional().meta({ description: 'null erases it' }),
  birthDate: birthDateField.nullable().optional().meta({ description: 'null erases it' }),
  address: z.object({ line: addressText(400), postalCode: addressText(40), city: addressText(200) }, { error: 'myaccount.error.address_incomplete' })
    .nullable()
    .optional()
    .meta({ description: 'Street, postal code and city; all empty or null erases the address' }),
  language: z.enum(['fr', 'en'], { error: 'myaccount.error.language_invalid' }).optional(),
  careHistoryEnabled: z.boolean({ error: 'error.field_invalid' }).optional(),
});

const codeBody = z.object({ code: z.string({ error: 'accounts.error.code_format' }).max(20, { error: 'accounts.error.code_format' }) });
const changeParams = z.object({ id: z.string().max(100).meta({ description: 'CodeSent.id of the change' }) });

export const accountRoutes: FeatureRoutes = (app, context) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db, now } = context;

  /** The rotation a privilege change runs inside its transaction. */
  const rotation = (request: FastifyRequest, reply: FastifyReply, signedIn: SignedIn, at: Date) =>
    (trx: Transaction<Database>) => rotateSession(trx, request, reply, signedIn, at);

  api.get('/account', {
    schema: { summary: '« Mon compte »', tags: ['accounts'], response: { 200: accountResponse, 401: errorSchema } },
  }, async (request, reply) => {
    const { accountId } = await requireAccount(request, context);
    reply.header('cache-control', 'no-store');
    return { account: await getAccount(db, accountId) };
  });

  api.patch('/account', {
    schema: {
      summary: 'Edits identity, address, language and the care-history switch (absent fields unchanged)',
      tags: ['accounts'],
      body: accountPatch,
      response: { 200: accountResponse, 400: errorSchema, 401: errorSchema },
    },
  }, async (request) => {
    const { accountId } = await requireAccount(request, context);
    return { account: await updateAccount(db, accountId, request.body, now()) };
  });

  api.post('/account/password', {
    schema: {
      summary: 'Changes the password: other sessions and trusted devices end, this session gets a new token',
      tags: ['accounts'],
      body: z.object({ currentPassword: passwordField, newPassword: z.string({ error: 'password.problem.too_short' }).max(1024, { error: 'password.problem.too_long' }) }),
      response: { 204: z.null(), 400: errorSchema, 401: errorSchema, 429: errorSchema },
    },
  }, async (request, reply) => {
    const signedIn = await requireAccount(request, context);
    const at = now();
    await changePassword(context, signedIn, request.body, { now: at, ip: request.ip, rotateSession: rotation(request, reply, signedIn, at) });
    return reply.status(204).send(null);
  });

  api.post('/account/phone', {
    schema: {
      summary: 'Starts a phone change: a code by SMS (mobile) or voice call (landline) to the new number',
      tags: ['accounts'],
      body: z.object({ phone: z.string({ error: 'myaccount.error.phone_invalid' }).max(60, { error: 'myaccount.error.phone_invalid' }) }),
      response: { 202: codeSentSchema, 400: errorSchema, 401: errorSchema, 429: errorSchema },
    },
  }, async (request, reply) => {
    const { accountId } = await requireAccount(request, context);
    const sent = await startPhoneChange(context, accountId, request.body.phone, { now: now(), ip: request.ip });
    return reply.status(202).send(sent);
  });

  api.post('/account/phone/:id/verify', {
    schema: {
      summary: 'Confirms the new phone with its code; the session gets a new token',
      tags: ['accounts'],
      params: changeParams,
      body: codeBody,
      response: { 200: accountResponse, 400: errorSchema, 401: errorSchema, 410: errorSchema, 429: errorSchema },
    },
  }, async (request, reply) => {
    const signedIn = await requireAccount(request, context);
    const at = now();
    const account = await confirmPhoneChange(context, signedIn.accountId, { id: request.params.id, code: request.body.code }, {
      now: at, ip: request.ip, rotateSession: rotation(request, reply, signedIn, at),
    });
    return { account };
  });

  api.post('/account/email', {
    schema: {
      summary: 'Starts an email change: typed twice, a code goes to the new address',
      tags: ['accounts'],
      body: z.object({
        email: z.string({ error: 'myaccount.error.email_invalid' }).max(320, { error: 'myaccount.error.email_invalid' }),
        emailConfirmation: z.string({ error: 'myaccount.error.emails_differ' }).max(320, { error: 'myaccount.error.emails_differ' }),
      }),
      response: { 202: codeSentSchema, 400: errorSchema, 401: errorSchema, 409: errorSchema, 429: errorSchema },
    },
  }, async (request, reply) => {
    const { accountId } = await requireAccount(request, context);
    const sent = await startEmailChange(context, accountId, request.body, { now: now(), ip: request.ip });
    return reply.status(202).send(sent);
  });

  api.post('/account/email/:id/verify', {
    schema: {
      summary: 'Confirms the new email with its code; the old address is told; the session gets a new token',
      tags: ['accounts'],
      params: changeParams,
      body: codeBody,
      response: { 200: accountResponse, 400: errorSchema, 401: errorSchema, 409: errorSchema, 410: errorSchema, 429: errorSchema },
    },
  }, async (request, reply) => {
    const signedIn = await requireAccount(request, context);
    const at = now();
    const account = await confirmEmailChange(context, signedIn.accountId, { id: request.params.id, code: request.body.code }, {
      now: at, ip: request.ip, rotateSession: rotation(request, reply, signedIn, at),
    });
    return { account };
  });

  api.delete('/account', {
    schema: {
      summary: 'Deletes the account (password required): personal data erased, rows appointments need kept pseudonymised',
      tags: ['accounts'],
      body: z.object({ password: passwordField }),
      response: { 204: z.null(), 400: errorSchema, 401: errorSchema, 409: errorSchema, 429: errorSchema },
    },
  }, async (request, reply) => {
    const { accountId } = await requireAccount(request, context);
    await deleteAccount(context, accountId, request.body.password, { now: now(), ip: request.ip });
    clearSessionCookie(reply);
    clearDeviceCookie(reply);
    return reply.status(204).send(null);
  });
};
