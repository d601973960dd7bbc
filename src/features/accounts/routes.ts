/** Authentication routes (docs/api-accounts.md « Session », « Sign-up », « Login »): thin handlers over the services. */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { FeatureRoutes, RouteContext } from '../../platform/http/app.ts';
import { ensureCsrfToken } from '../../platform/http/csrf.ts';
import { accountViewSchema, readAccountView } from './account-view.ts';
import { codeSentSchema } from './codes.ts';
import { completeLogin, logIn, resendLoginCode } from './login.ts';
import { recordSecurityEvent } from './security-events.ts';
import { clearSessionCookie, currentAccount, endAllSessions, endSession, requireAccount } from './sessions.ts';
import { changeSignupPhone, completeSignup, resendSignupCode, startSignup, type Asker } from './signup.ts';
import { clearDeviceCookie } from './trusted-devices.ts';

const text = (max: number, error: 'accounts.error.phone_invalid' | 'accounts.error.email_invalid' | 'accounts.error.password_required' | 'accounts.error.code_format') =>
  z.string({ error }).max(max, { error });

const signupBody = z.object({
  phone: text(100, 'accounts.error.phone_invalid'),
  email: text(320, 'accounts.error.email_invalid'),
  emailConfirmation: text(320, 'accounts.error.email_invalid'),
  password: text(1024, 'accounts.error.password_required'),
  acceptTerms: z.boolean().optional(),
  acceptPrivacy: z.boolean().optional(),
});
export const idParams = z.object({ id: z.string().max(100) });
export const verifyBody = z.object({ code: text(20, 'accounts.error.code_format'), rememberDevice: z.boolean().optional() });
/** The login's wire shapes, shared with the practitioner space's staff login (docs/api-practice.md). */
export const loginBody = z.object({
  email: text(320, 'accounts.error.email_invalid'),
  password: text(1024, 'accounts.error.password_required'),
  rememberDevice: z.boolean().optional(),
});
export const loginResendBody = z.object({ channel: z.enum(['email', 'sms']).optional() }).optional();
export const codeRequiredBody = z.object({ status: z.literal('code_required'), challenge: codeSentSchema });
const accountBody = z.object({ account: accountViewSchema });
const signedInBody = z.object({ status: z.literal('signed_in'), account: accountViewSchema });
const tags = ['accounts'];

/** The clock, client IP and page language of a request. */
function askerOf(request: FastifyRequest, context: RouteContext): Asker {
  return { now: context.now(), ip: request.ip, language: request.lang };
}

export const authRoutes: FeatureRoutes = (app, context) => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/session', {
    schema: {
      summary: 'The signed-in account (or null) and the CSRF token to send as X-CSRF-Token',
      tags,
      response: { 200: z.object({ account: accountViewSchema.nullable(), csrfToken: z.string() }) },
    },
  }, async (request, reply) => {
    const csrfToken = await ensureCsrfToken(request, reply, context.db);
    const signedIn = await currentAccount(request, context);
    const account = signedIn ? (await readAccountView(context.db, signedIn.accountId)) ?? null : null;
    reply.header('cache-control', 'no-store');
    return { account, csrfToken };
  });

  api.post('/auth/signup', {
    schema: { summary: 'Sign-up (A1): sends a code to the phone', tags, body: signupBody, response: { 201: codeSentSchema } },
  }, async (request, reply) => reply.status(201).send(await startSignup(context, request.body, askerOf(request, context))));

  api.post('/auth/signup/:id/resend', {
    schema: {
      summary: 'A new sign-up code, by SMS or voice call (« Recevoir un appel »), after 2 minutes', tags, params: idParams,
      body: z.object({ channel: z.enum(['sms', 'voice']).optional() }).optional(), response: { 200: codeSentSchema },
    },
  }, async (request) => resendSignupCode(context, request.params.id, request.body?.channel, askerOf(request, context)));

  api.post('/auth/signup/:id/phone', {
    schema: {
      summary: '« Changer de numéro » during sign-up: a code to the new number', tags, params: idParams,
      body: z.object({ phone: text(100, 'accounts.error.phone_invalid') }), response: { 200: codeSentSchema },
    },
  }, async (request) => changeSignupPhone(context, request.params.id, request.body.phone, askerOf(request, context)));

  api.post('/auth/signup/:id/verify', {
    schema: { summary: 'The phone code creates the account and signs in (A2)', tags, params: idParams, body: verifyBody, response: { 201: accountBody } },
  }, async (request, reply) => {
    const account = await completeSignup(context, request, reply, { signupId: request.params.id, ...request.body }, askerOf(request, context));
    return reply.status(201).send({ account });
  });

  api.post('/auth/login', {
    schema: {
      summary: 'Login (A4): signed in on a trusted device, else a code by email', tags,
      body: loginBody,
      response: { 200: signedInBody, 202: codeRequiredBody },
    },
  }, async (request, reply) => {
    const outcome = await logIn(context, request, reply, request.body, askerOf(request, context));
    return outcome.status === 'signed_in' ? reply.status(200).send(outcome) : reply.status(202).send(outcome);
  });

  api.post('/auth/login/:id/resend', {
    schema: {
      summary: 'The login code again, by email or SMS', tags, params: idParams,
      body: loginResendBody, response: { 200: codeSentSchema },
    },
  }, async (request) => resendLoginCode(context, request.params.id, request.body?.channel, askerOf(request, context)));

  api.post('/auth/login/:id/verify', {
    schema: { summary: 'The login code signs in', tags, params: idParams, body: verifyBody, response: { 200: signedInBody } },
  }, async (request, reply) => {
    const outcome = await completeLogin(context, request, reply, { challengeId: request.params.id, ...request.body }, askerOf(request, context));
    if (outcome.status !== 'signed_in') throw new Error('a verified login code always signs in');
    return reply.status(200).send(outcome);
  });

  api.post('/auth/logout', {
    schema: { summary: '« Déconnexion »: ends this session', tags, response: { 204: z.null() } },
  }, async (request, reply) => {
    const signedIn = await currentAccount(request, context);
    if (signedIn) {
      const now = context.now();
      await context.db.transaction().execute(async (trx) => {
        await endSession(trx, reply, signedIn);
        await recordSecurityEvent(trx, { accountId: signedIn.accountId, event: 'logout', ip: request.ip, at: now });
      });
    }
    clearSessionCookie(reply);
    return reply.status(204).send(null);
  });

  api.post('/auth/logout-all', {
    schema: { summary: 'Ends every session and trusted device of the account', tags, response: { 204: z.null() } },
  }, async (request, reply) => {
    const signedIn = await requireAccount(request, context);
    const now = context.now();
    await context.db.transaction().execute(async (trx) => {
      await endAllSessions(trx, signedIn.accountId);
      await recordSecurityEvent(trx, { accountId: signedIn.accountId, event: 'logout_all', ip: request.ip, at: now });
    });
    clearSessionCookie(reply);
    clearDeviceCookie(reply);
    return reply.status(204).send(null);
  });
};
