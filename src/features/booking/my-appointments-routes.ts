/**
 * « Mes rendez-vous » (docs/api-booking.md): list, details, move and cancel. Thin handlers: every route needs a
 * session and sees only the appointments of the account's patients; the services do the work in one transaction.
 * There is no delete (D6).
 */
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { FeatureRoutes } from '../../platform/http/app.ts';
import { requireAccount } from '../accounts/sessions.ts';
import { cancelAppointment } from './cancel-appointment.ts';
import { moveAppointment } from './move-appointment.ts';
import { listMyAppointments, readMyAppointment, requireOwnAppointment } from './my-appointments.ts';
import { appointmentViewSchema, decimalId, refusalSchema, uuid } from './schemas.ts';
import { loadAppointmentViews } from './views.ts';

const idParams = z.object({ id: z.string().max(100).meta({ description: 'Appointment id (another account’s or malformed: 404)' }) });
const oneAppointment = z.object({ appointment: appointmentViewSchema });

export const myAppointmentsRoutes: FeatureRoutes = (app, context) => {
  const { db, now } = context;
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/appointments', {
    schema: {
      summary: '« Mes rendez-vous »: appointments of the holder and relatives, upcoming soonest first, past most recent first',
      tags: ['booking'],
      response: { 200: z.object({ upcoming: z.array(appointmentViewSchema), past: z.array(appointmentViewSchema) }), 401: refusalSchema },
    },
  }, async (request, reply) => {
    const { accountId } = await requireAccount(request, context);
    reply.header('cache-control', 'no-store');
    return listMyAppointments(db, accountId, request.lang, now());
  });

  api.get('/appointments/:id', {
    schema: {
      summary: 'One appointment of the account',
      tags: ['booking'],
      params: idParams,
      response: { 200: oneAppointment, 401: refusalSchema, 404: refusalSchema },
    },
  }, async (request, reply) => {
    const { accountId } = await requireAccount(request, context);
    reply.header('cache-control', 'no-store');
    return { appointment: await readMyAppointment(db, accountId, request.params.id, request.lang, now()) };
  });

  api.post('/appointments/:id/move', {
    schema: {
      summary: '« Déplacer le RDV » (D2): the held new time becomes the appointment and the old one is cancelled, at once',
      description: 'The hold must be the caller’s, live, with the same practitioner (taken with `moving: id`). '
        + 'Refused under 4 hours (409 move_too_late with the phone) and for past or cancelled appointments (409).',
      tags: ['booking'],
      params: idParams,
      body: z.object({
        holdId: uuid,
        acceptInstructions: z.boolean().optional().meta({ description: 'When the new reason carries instructions' }),
        referringPractitionerId: decimalId.optional().meta({ description: 'When the new reason needs a referral' }),
      }),
      response: { 200: oneAppointment, 400: refusalSchema, 401: refusalSchema, 403: refusalSchema, 404: refusalSchema, 409: refusalSchema, 410: refusalSchema },
    },
  }, async (request) => {
    const { accountId } = await requireAccount(request, context);
    const at = now();
    const target = await requireOwnAppointment(db, accountId, request.params.id);
    const { holdId, acceptInstructions, referringPractitionerId } = request.body;
    const movedId = await moveAppointment(db, {
      target, holdId, holdToken: null, acceptInstructions, referringPractitionerId, lang: request.lang, now: at,
    });
    const [appointment] = await loadAppointmentViews(db, [movedId], request.lang, at);
    return { appointment: appointment! };
  });

  api.post('/appointments/:id/cancel', {
    schema: {
      summary: '« Annuler le RDV » (D3): online strictly more than 4 hours before; cancelling again answers the same',
      description: 'Under 4 hours: 409 cancel_too_late with the practice’s phone; started: 409 appointment_past.',
      tags: ['booking'],
      params: idParams,
      response: { 200: oneAppointment, 401: refusalSchema, 404: refusalSchema, 409: refusalSchema },
    },
  }, async (request) => {
    const { accountId } = await requireAccount(request, context);
    const at = now();
    const target = await requireOwnAppointment(db, accountId, request.params.id);
    await cancelAppointment(db, target, request.lang, at);
    const [appointment] = await loadAppointmentViews(db, [target.id], request.lang, at);
    return { appointment: appointment! };
  });
};
