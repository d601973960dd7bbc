/** Password reset routes (docs/api-accounts.md « Password reset », A5): no session needed, CSRF token still required. */
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { FeatureRoutes } from '../../platform/http/app.ts';
import { translate } from '../../platform/i18n/catalogue.ts';
import { checkResetLink, confirmPasswordReset, requestPasswordReset } from './password-reset-service.ts';
import { clearSessionCookie } from './sessions.ts';

const errorSchema = z.object({ error: z.string(), message: z.string() });
const tokenField = z.string({ error: 'password_reset.error.link_gone' }).max(200, { error: 'password_reset.error.link_gone' });

export const passwordResetRoutes: FeatureRoutes = (app, context) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { now } = context;

  api.post('/auth/password-reset', {
    schema: {
      summary: 'Sends a reset link (valid 30 min) when email and phone match an account; the same 202 either way',
      tags: ['accounts'],
      body: z.object({
        email: z.string({ error: 'myaccount.error.email_invalid' }).max(320, { error: 'myaccount.error.email_invalid' }),
        phone: z.string({ error: 'myaccount.error.phone_invalid' }).max(60, { error: 'myaccount.error.phone_invalid' }),
      }),
      response: { 202: z.object({ message: z.string() }), 400: errorSchema, 429: errorSchema },
    },
  }, async (request, reply) => {
    const email = await requestPasswordReset(context, request.body, { now: now(), ip: request.ip });
    reply.status(202).send({ message: translate(request.lang, 'password_reset.accepted') });
    // After the answer, so that neither its timing nor a delivery failure tells whether an account matched.
    if (email) {
      context.delivery.sendEmail(email).catch((error: unknown) => {
        request.log.warn({ delivery: { kind: email.kind, reason: (error as Error).name } }, 'password reset email not delivered');
      });
    }
    return reply;
  });

  api.post('/auth/password-reset/check', {
    schema: {
      summary: 'Whether a reset link can still be used (410 when expired or used)',
      tags: ['accounts'],
      body: z.object({ token: tokenField }),
      response: { 200: z.object({ valid: z.literal(true) }), 410: errorSchema },
    },
  }, async (request) => {
    await checkResetLink(context, request.body.token, now());
    return { valid: true as const };
  });

  api.post('/auth/password-reset/confirm', {
    schema: {
      summary: 'Sets the new password through the link; every session and trusted device of the account ends',
      tags: ['accounts'],
      body: z.object({
        token: tokenField,
        password: z.string({ error: 'password.problem.too_short' }).max(1024, { error: 'password.problem.too_long' }),
      }),
      response: { 204: z.null(), 400: errorSchema, 410: errorSchema },
    },
  }, async (request, reply) => {
    await confirmPasswordReset(context, request.body, { now: now(), ip: request.ip });
    clearSessionCookie(reply);
    return reply.status(204).send(null);
  });
};
