/**
 * The practice-side API (docs/api-booking.md « Practice side »), until issue 6's practitioner space: every route
 * needs `Authorization: Bearer <practice token>` (a preHandler names the practitioner) and touches only that
 * practitioner's appointments and patients; anything else is 404.
 */
import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { FeatureRoutes } from '../../platform/http/app.ts';
import { answerConfirmation, listWaitingConfirmations } from '../booking/index.ts';
import { requirePractice, type PracticeCaller } from './practice-auth.ts';
import { declareNoShow } from './no-shows.ts';
import { blockPatient, unblockPatient } from './patient-blocks.ts';

const refusalSchema = z.looseObject({ error: z.string(), code: z.string().optional(), message: z.string() });
const refusals = { 401: refusalSchema, 404: refusalSchema, 409: refusalSchema } as const;

/** The practitioner each request acts for, set by the preHandler. */
const callers = new WeakMap<FastifyRequest, PracticeCaller>();

function callerOf(request: FastifyRequest): PracticeCaller {
  const caller = callers.get(request);
  if (!caller) throw new Error('practice routes run behind requirePractice');
  return caller;
}

export const practiceRoutes: FeatureRoutes = async (app, context) => {
  const { db, now } = context;
  await app.register(async (practice) => {
    practice.addHook('preHandler', async (request) => {
      callers.set(request, await requirePractice(request, db));
    });
    const api = practice.withTypeProvider<ZodTypeProvider>();

    api.post('/appointments/:id/no-show', {
      schema: {
        summary: 'Declare a started appointment missed (D5); the third no-show blocks online booking with this practitioner',
        tags: ['practice'],
        params: z.object({ id: z.string().max(100) }),
        response: {
          200: z.object({
            appointmentId: z.string(),
            status: z.literal('no_show'),
            declaredAt: z.string(),
            noShowsWithPatient: z.number().int().meta({ description: 'No-shows of this patient with this practitioner' }),
          }),
          ...refusals,
        },
      },
    }, async (request) => {
      const declared = await declareNoShow(db, callerOf(request).practitionerId, request.params.id, now());
      return {
        appointmentId: declared.appointmentId,
        status: 'no_show' as const,
        declaredAt: declared.declaredAt.toISOString(),
        noShowsWithPatient: declared.noShowsWithPatient,
      };
    });

    const patientParams = z.object({ patientId: z.string().max(100) });

    api.post('/patients/:patientId/block', {
      schema: {
        summary: 'Block a patient of this practice from booking online (C5)',
        tags: ['practice'],
        params: patientParams,
        response: { 204: z.null(), ...refusals },
      },
    }, async (request, reply) => {
      await blockPatient(db, callerOf(request).practitionerId, request.params.patientId, now());
      return reply.status(204).send(null);
    });

    api.post('/patients/:patientId/unblock', {
      schema: {
        summary: 'Let a patient book online again: lifts the practice’s block and forgives the no-shows declared so far (D5)',
        tags: ['practice'],
        params: patientParams,
        response: { 204: z.null(), ...refusals },
      },
    }, async (request, reply) => {
      await unblockPatient(db, callerOf(request).practitionerId, request.params.patientId, now());
      return reply.status(204).send(null);
    });

    api.get('/confirmations', {
      schema: {
        summary: 'Online bookings waiting for this practice’s software to accept them (C9), oldest first',
        tags: ['practice'],
        response: {
          200: z.object({
            confirmations: z.array(z.object({
              holdId: z.string(), requestedAt: z.string(), answerBy: z.string(), start: z.string(), end: z.string(),
              placeId: z.string(), reasonId: z.string(),
              patient: z.object({ firstName: z.string().nullable(), lastName: z.string().nullable(), birthDate: z.string().nullable() }),
            })),
          }),
          ...refusals,
        },
      },
    }, async (request) => {
      const waiting = await listWaitingConfirmations(db, callerOf(request).practitionerId, now());
      return {
        confirmations: waiting.map(({ requestedAt, answerBy, start, end, ...rest }) => ({
          ...rest, requestedAt: requestedAt.toISOString(), answerBy: answerBy.toISOString(), start: start.toISOString(), end: end.toISOString(),
        })),
      };
    });

    api.post('/confirmations/:holdId', {
      schema: {
        summary: 'Accept (the booking is written, with its messages) or refuse (the hold is released) an online booking (C9)',
        tags: ['practice'],
        params: z.object({ holdId: z.string().max(100) }),
        body: z.object({ accept: z.boolean() }),
        response: {
          200: z.object({ appointment: z.object({ id: z.string(), status: z.literal('booked'), start: z.string(), end: z.string() }) }),
          204: z.null(),
          410: refusalSchema,
          ...refusals,
        },
      },
    }, async (request, reply) => {
      const answer = await answerConfirmation(db, callerOf(request).practitionerId, request.params.holdId, request.body.accept, now());
      if (answer.outcome === 'refused') return reply.status(204).send(null);
      const { id, start, end } = answer.appointment;
      return reply.status(200).send({ appointment: { id, status: 'booked' as const, start: start.toISOString(), end: end.toISOString() } });
    });
  }, { prefix: '/practice' });
};
