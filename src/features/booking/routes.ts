/**
 * The booking API (docs/api-booking.md): holds and confirmation. Routes validate and name the caller;
 * the services (holds.ts, confirm-appointment/) do the work in one transaction each.
 */
import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { FeatureRoutes } from '../../platform/http/app.ts';
import { currentAccount, requireAccount } from '../accounts/sessions.ts';
import { createOfferedDaysMemory, forgetOnAgendaChange, onAgendaChange } from '../availability/index.ts';
import { confirmAppointment } from './confirm-appointment/index.ts';
import { holdSlot, readOwnHold, releaseHold, type HoldCaller } from './holds.ts';
import { readPendingStatus } from './pending-confirmations.ts';
import { findReferringPractitioners, REFERRING_PRACTITIONERS_LIMIT } from './referring-practitioners.ts';
import {
  appointmentViewSchema, confirmationSchema, holdRequestSchema, holdViewSchema, refusalSchema, uuid,
} from './schemas.ts';
import { loadAppointmentViews, loadHoldView } from './views.ts';

const pendingSchema = z.object({ holdId: z.string(), answerBy: z.string() });
const pendingStatusSchema = z.union([
  z.object({ status: z.literal('waiting'), answerBy: z.string() }),
  z.object({ status: z.literal('booked'), appointment: appointmentViewSchema }),
  z.object({ status: z.literal('refused') }),
  z.object({ status: z.literal('timed_out'), phone: z.string().nullable() }),
]);

/** The header carrying the token of a hold taken before login. */
const HOLD_TOKEN_HEADER = 'x-hold-token';

export const bookingRoutes: FeatureRoutes = (app, context) => {
  const { db, now, listSlotsCacheMs, agendaChanges = onAgendaChange } = context;
  const api = app.withTypeProvider<ZodTypeProvider>();
  // Holds check the grid on agenda days remembered like the result lists, forgotten at each agenda change.
  const agendaDays = listSlotsCacheMs ? createOfferedDaysMemory(listSlotsCacheMs) : undefined;
  if (agendaDays) {
    const stopListening = forgetOnAgendaChange(agendaChanges, agendaDays);
    app.addHook('onClose', async () => stopListening());
  }

  /** The signed-in account (if any) and the hold token the browser presents (if any). */
  const callerOf = async (request: FastifyRequest): Promise<HoldCaller> => {
    const header = request.headers[HOLD_TOKEN_HEADER];
    return {
      accountId: (await currentAccount(request, context))?.accountId ?? null,
      holdToken: typeof header === 'string' && header.length <= 100 ? header : null,
    };
  };

  api.post('/holds', {
    schema: {
      summary: 'Hold a free slot for 15 minutes (C2), signed in or not',
      tags: ['booking'],
      body: holdRequestSchema,
      response: {
        201: z.object({ hold: holdViewSchema, holdToken: z.string().optional() }),
        400: refusalSchema, 401: refusalSchema, 404: refusalSchema, 409: refusalSchema,
      },
    },
  }, async (request, reply) => {
    const { start, ...key } = request.body;
    const at = now();
    const taken = await holdSlot(db, { ...key, start: new Date(start) }, await callerOf(request), at, request.lang, agendaDays);
    const view = await loadHoldView(db, taken.hold, request.lang, at, key.moving ?? null, taken.details ?? undefined);
    return reply.status(201).send({ hold: view, ...(taken.holdToken ? { holdToken: taken.holdToken } : {}) });
  });

  api.get('/holds/:id', {
    schema: {
      summary: 'A hold of the caller (session, or header X-Hold-Token)',
      tags: ['booking'],
      params: z.object({ id: uuid }),
      response: { 200: z.object({ hold: holdViewSchema }), 404: refusalSchema, 410: refusalSchema },
    },
  }, async (request) => {
    const at = now();
    const hold = await readOwnHold(db, request.params.id, await callerOf(request), at);
    return { hold: await loadHoldView(db, hold, request.lang, at) };
  });

  api.delete('/holds/:id', {
    schema: {
      summary: 'Release a hold of the caller',
      tags: ['booking'],
      params: z.object({ id: uuid }),
      response: { 204: z.null(), 404: refusalSchema },
    },
  }, async (request, reply) => {
    await releaseHold(db, request.params.id, await callerOf(request));
    return reply.status(204).send(null);
  });

  api.post('/appointments', {
    schema: {
      summary: 'Confirm a hold: the appointment for the holder, a relative or a new relative (C3–C9)',
      description: 'Header Idempotency-Key (uuid) required: the same key again answers the same appointment (200). '
        + 'A practitioner confirming from its own software (C9) answers 202 { pending } until it accepts.',
      tags: ['booking'],
      headers: z.looseObject({ 'idempotency-key': uuid }),
      body: confirmationSchema,
      response: {
        200: z.object({ appointment: appointmentViewSchema, replaced: appointmentViewSchema.optional() }),
        201: z.object({ appointment: appointmentViewSchema, replaced: appointmentViewSchema.optional() }),
        202: z.object({ pending: pendingSchema }),
        400: refusalSchema, 401: refusalSchema, 403: refusalSchema, 404: refusalSchema, 409: refusalSchema, 410: refusalSchema,
      },
    },
  }, async (request, reply) => {
    const { accountId } = await requireAccount(request, context);
    const at = now();
    const confirmation = await confirmAppointment(db, {
      accountId, idempotencyKey: request.headers['idempotency-key'].toLowerCase(), body: request.body, lang: request.lang, now: at,
    });
    if ('pending' in confirmation) {
      const { holdId, answerBy } = confirmation.pending;
      return reply.status(202).send({ pending: { holdId, answerBy: answerBy.toISOString() } });
    }
    const [appointment, replaced] = await Promise.all([
      confirmation.view ? [confirmation.view] : loadAppointmentViews(db, [confirmation.appointmentId], request.lang, at),
      loadAppointmentViews(db, confirmation.replacedIds, request.lang, at),
    ]);
    return reply.status(confirmation.replayed ? 200 : 201)
      .send({ appointment: appointment[0]!, ...(replaced.length ? { replaced: replaced[0] } : {}) });
  });

  api.get('/appointments/pending/:holdId', {
    schema: {
      summary: 'Where a booking put to the practice’s own software stands (C9); the page polls it',
      tags: ['booking'],
      params: z.object({ holdId: z.string().max(100) }),
      response: { 200: pendingStatusSchema, 401: refusalSchema, 404: refusalSchema },
    },
  }, async (request) => {
    const { accountId } = await requireAccount(request, context);
    const at = now();
    const pending = await readPendingStatus(db, accountId, request.params.holdId, at);
    switch (pending.status) {
      case 'waiting': return { status: pending.status, answerBy: pending.answerBy.toISOString() };
      case 'booked': {
        const [appointment] = await loadAppointmentViews(db, [pending.appointmentId], request.lang, at);
        return { status: pending.status, appointment: appointment! };
      }
      default: return pending;
    }
  });

  api.get('/referring-practitioners', {
    schema: {
      summary: '« Quel est le praticien qui vous adresse ? »: practitioners by name (at most 10)',
      tags: ['booking'],
      querystring: z.object({ q: z.string().max(100).optional() }),
      response: {
        200: z.object({
          practitioners: z.array(z.object({ id: z.string(), name: z.string(), specialty: z.string(), city: z.string().nullable() }))
            .max(REFERRING_PRACTITIONERS_LIMIT),
        }),
        400: refusalSchema,
      },
    },
  }, async (request) => ({ practitioners: await findReferringPractitioners(db, request.query.q ?? '', request.lang) }));
};
