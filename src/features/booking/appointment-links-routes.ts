/**
 * The pages opened from message links (docs/api-booking.md « Links from messages », SPEC D4): read, cancel and move
 * an appointment with the link's token alone, no session needed. The token comes in the body, never in a URL.
 */
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { FeatureRoutes } from '../../platform/http/app.ts';
import { configuredLinkKey, openAppointmentLink } from './appointment-links.ts';
import { cancelAppointment } from './cancel-appointment.ts';
import { moveAppointment } from './move-appointment.ts';
import { appointmentViewSchema, decimalId, refusalSchema, uuid } from './schemas.ts';
import { loadAppointmentViews } from './views.ts';

const token = z.string().max(200).meta({ description: 'The token from the link’s fragment (#jeton=…)' });
const oneAppointment = z.object({ appointment: appointmentViewSchema });
const refusals = { 400: refusalSchema, 403: refusalSchema, 404: refusalSchema, 409: refusalSchema, 410: refusalSchema } as const;

export const appointmentLinkRoutes: FeatureRoutes = (app, context) => {
  const { db, now } = context;
  const api = app.withTypeProvider<ZodTypeProvider>();
  // A malformed CRENEAU_LINK_KEY stops the start here rather than failing the first link.
  configuredLinkKey();

  api.post('/appointment-links/read', {
    schema: {
      summary: 'The appointment a message link names, and what the link is for (move or cancel)',
      tags: ['booking'],
      body: z.object({ token }),
      response: { 200: z.object({ appointment: appointmentViewSchema, purpose: z.enum(['move', 'cancel']) }), ...refusals },
    },
  }, async (request, reply) => {
    const at = now();
    const opened = await openAppointmentLink(db, request.body.token, at);
    const [appointment] = await loadAppointmentViews(db, [opened.appointment.id], request.lang, at);
    reply.header('cache-control', 'no-store');
    return { appointment: appointment!, purpose: opened.purpose };
  });

  api.post('/appointment-links/cancel', {
    schema: {
      summary: 'Cancel from a cancel link (more than 4 hours before, else 409 cancel_too_late with the phone)',
      tags: ['booking'],
      body: z.object({ token }),
      response: { 200: oneAppointment, ...refusals },
    },
  }, async (request) => {
    const at = now();
    const opened = await openAppointmentLink(db, request.body.token, at, 'cancel');
    await cancelAppointment(db, opened.appointment, request.lang, at);
    const [appointment] = await loadAppointmentViews(db, [opened.appointment.id], request.lang, at);
    return { appointment: appointment! };
  });

  api.post('/appointment-links/move', {
    schema: {
      summary: 'Move from a move link to a time held in the same agenda (the hold’s token proves it is this browser’s)',
      tags: ['booking'],
      body: z.object({
        token,
        holdId: uuid,
        holdToken: z.string().max(100).optional(),
        acceptInstructions: z.boolean().optional(),
        referringPractitionerId: decimalId.optional(),
      }),
      response: { 200: oneAppointment, ...refusals },
    },
  }, async (request) => {
    const at = now();
    const { holdId, holdToken, acceptInstructions, referringPractitionerId } = request.body;
    const opened = await openAppointmentLink(db, request.body.token, at, 'move');
    const movedId = await moveAppointment(db, {
      target: opened.appointment, holdId, holdToken: holdToken ?? null, acceptInstructions, referringPractitionerId,
      lang: request.lang, now: at,
    });
    const [appointment] = await loadAppointmentViews(db, [movedId], request.lang, at);
    return { appointment: appointment! };
  });
};
