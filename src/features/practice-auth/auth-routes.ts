/** Staff session, login and invitation routes (docs/api-practice.md « Session and login », « Invitations »): thin handlers. */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { FeatureRoutes, RouteContext } from '../../platform/http/app.ts';
import { ensureCsrfToken } from '../../platform/http/csrf.ts';
import { codeSentSchema } from '../accounts/codes.ts';
import { codeRequiredBody, idParams, loginBody, loginResendBody, verifyBody } from '../accounts/routes.ts';
import { recordSecurityEvent } from '../accounts/security-events.ts';
import type { Asker } from '../accounts/signup.ts';
import { acceptInvitation, checkInvitation } from './invitations.ts';
import { StaffNotSignedIn } from './errors.ts';
import { currentStaffSession } from './staff-session.ts';
import { changeStaffPassword, logOutStaffEverywhere } from './staff-password.ts';
import { clearStaffDeviceCookie, clearStaffSessionCookie, deleteStaffSession } from './staff-session-store.ts';
import { logInStaff, resendStaffCode, verifyStaffCode } from './staff-login.ts';
import { readStaffView, staffViewSchema } from './staff-view.ts';

type TextError = 'accounts.error.password_required' | 'practice_auth.error.token_required' | 'myaccount.error.password_required' | 'password.problem.too_long';
const text = (max: number, error: TextError) => z.string({ error }).max(max, { error });

const tokenBody = { token: text(200, 'practice_auth.error.token_required') };
const signedInBody = z.object({ status: z.literal('signed_in'), staff: staffViewSchema });
const tags = ['practice: staff authentication'];

/** The clock, client IP and page language of a request. */
export function askerOf(request: FastifyRequest, context: RouteContext): Asker {
  return { now: context.now(), ip: request.ip, language: request.lang };
}

export const staffAuthRoutes: FeatureRoutes = (app, context) => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/practice/session', {
    schema: {
      summary: 'The signed-in staff login (or null) and the CSRF token to send as X-CSRF-Token', tags,
      response: { 200: z.object({ staff: staffViewSchema.nullable(), csrfToken: z.string() }) },
    },
  }, async (request, reply) => {
    const csrfToken = await ensureCsrfToken(request, reply, context.db);
    const session = await currentStaffSession(request, context);
    const staff = session ? (await readStaffView(context.db, session)) ?? null : null;
    reply.header('cache-control', 'no-store');
    return { staff, csrfToken };
  });

  api.post('/practice/auth/login', {
    schema: {
      summary: 'Staff login: signed in on a trusted device, else a code (SMS to a mobile on file, else email)', tags,
      body: loginBody, response: { 200: signedInBody, 202: codeRequiredBody },
    },
  }, async (request, reply) => {
    const outcome = await logInStaff(context, request, reply, request.body, askerOf(request, context));
    return reply.status(outcome.status === 'signed_in' ? 200 : 202).send(outcome);
  });

  api.post('/practice/auth/login/:id/resend', {
    schema: {
      summary: 'The staff login code again, by email or by phone', tags, params: idParams,
      body: loginResendBody, response: { 200: codeSentSchema },
    },
  }, async (request) => resendStaffCode(context, request.params.id, request.body?.channel, askerOf(request, context)));

  api.post('/practice/auth/login/:id/verify', {
    schema: {
      summary: 'The staff login code signs in', tags, params: idParams, body: verifyBody, response: { 200: signedInBody },
    },
  }, async (request, reply) => {
    const outcome = await verifyStaffCode(context, request, reply, { challengeId: request.params.id, ...request.body }, askerOf(request, context));
    return reply.status(200).send(outcome);
  });

  api.post('/practice/auth/logout', {
    schema: { summary: 'Ends this staff session', tags, response: { 204: z.null() } },
  }, async (request, reply) => {
    const session = await currentStaffSession(request, context);
    if (session) {
      const now = context.now();
      await context.db.transaction().execute(async (trx) => {
        await deleteStaffSession(trx, session.tokenHash);
        await recordSecurityEvent(trx, { accountId: null, staffId: session.staffId, event: 'logout', ip: request.ip, at: now, details: { space: 'practice' } });
      });
    }
    clearStaffSessionCookie(reply);
    return reply.status(204).send(null);
  });

  api.post('/practice/auth/logout-all', {
    schema: { summary: 'Ends every session and trusted device of the staff login', tags, response: { 204: z.null() } },
  }, async (request, reply) => {
    const session = await currentStaffSession(request, context);
    if (!session) throw new StaffNotSignedIn();
    await logOutStaffEverywhere(context.db, session.staffId, { now: context.now(), ip: request.ip });
    clearStaffSessionCookie(reply);
    clearStaffDeviceCookie(reply);
    return reply.status(204).send(null);
  });

  api.post('/practice/account/password', {
    schema: {
      summary: 'Changes the staff password (A3): other sessions and trusted devices end, this session gets a new token', tags,
      body: z.object({
        currentPassword: text(1024, 'myaccount.error.password_required').min(1, { error: 'myaccount.error.password_required' }),
        newPassword: z.string({ error: 'password.problem.too_short' }).max(1024, { error: 'password.problem.too_long' }),
      }),
      response: { 204: z.null() },
    },
  }, async (request, reply) => {
    const session = await currentStaffSession(request, context);
    if (!session) throw new StaffNotSignedIn();
    await changeStaffPassword(context.db, reply, session, request.body, { now: context.now(), ip: request.ip });
    return reply.status(204).send(null);
  });

  api.post('/practice/invitations/check', {
    schema: {
      summary: 'Who a live invitation link is for (410 when expired or used)', tags, body: z.object(tokenBody),
      response: { 200: z.object({ email: z.string(), firstName: z.string(), lastName: z.string(), role: z.enum(['practitioner', 'secretary']) }) },
    },
  }, async (request) => checkInvitation(context.db, request.body.token, context.now()));

  api.post('/practice/invitations/accept', {
    schema: {
      summary: 'Sets the password of the invited login (A3) and activates it; then the person logs in', tags,
      body: z.object({ ...tokenBody, password: text(1024, 'accounts.error.password_required') }), response: { 204: z.null() },
    },
  }, async (request, reply) => {
    await acceptInvitation(context, request.body, askerOf(request, context));
    return reply.status(204).send(null);
  });
};
