/**
 * The agenda of the practitioner space (SPEC J1, J3, D5): day and week views, an appointment's detail, the
 * appointments outside the hours [view]; desk and phone bookings, moves, cancellations, no-shows [book].
 */
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { FeatureRoutes } from '../../platform/http/app.ts';
import { declareNoShow } from '../practice-api/index.ts';
import { readAgenda } from './agenda.ts';
import { readAppointmentDetail } from './appointment-detail.ts';
import { cancelByPractice, createDeskAppointment, moveByPractice } from './desk-bookings.ts';
import { findOutsideHours } from './outside-hours.ts';
import {
  agendaQuerySchema, agendaSchema, appointmentDetailSchema, deskBookingSchema, moveSchema, noShowSchema, outsideHoursSchema,
  pathId, refusals,
} from './schemas.ts';

const practitionerParams = z.object({ practitionerId: pathId });
const appointmentParams = practitionerParams.extend({ appointmentId: pathId });
const book = { practiceRight: 'book' as const };

export const agendaRoutes: FeatureRoutes = (app, { db, now }) => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/agenda', {
    schema: {
      summary: 'Day or week view: opening intervals, appointments, holds (no patient data), free slots, absences (Europe/Paris)',
      tags: ['practice'], params: practitionerParams, querystring: agendaQuerySchema,
      response: { 200: agendaSchema, ...refusals },
    },
  }, async (request) => {
    const { from, days } = request.query;
    return readAgenda(db, request.params.practitionerId, { from, days: days === '1' ? 1 : 7 }, request.lang, now());
  });

  api.get('/appointments/outside-hours', {
    schema: {
      summary: 'Upcoming booked appointments the opening hours, reasons and absences no longer cover',
      tags: ['practice'], params: practitionerParams,
      response: { 200: z.object({ appointments: z.array(outsideHoursSchema) }), ...refusals },
    },
  }, async (request) => ({ appointments: await findOutsideHours(db, request.params.practitionerId, request.lang, now()) }));

  api.get('/appointments/:appointmentId', {
    schema: {
      summary: 'An appointment with its patient and their history with this practitioner',
      tags: ['practice'], params: appointmentParams, response: { 200: appointmentDetailSchema, ...refusals },
    },
  }, async (request) => readAppointmentDetail(db, request.params.practitionerId, request.params.appointmentId, request.lang));

  api.post('/appointments', {
    config: book,
    schema: {
      summary: 'Book an appointment for a patient who phoned or came to the desk (J3)',
      tags: ['practice'], params: practitionerParams, body: deskBookingSchema,
      response: { 201: appointmentDetailSchema, ...refusals },
    },
  }, async (request, reply) => {
    const { practitionerId } = request.params;
    const { start, ...booking } = request.body;
    const id = await createDeskAppointment(db, practitionerId, { ...booking, start: new Date(start) }, now());
    return reply.status(201).send(await readAppointmentDetail(db, practitionerId, id, request.lang));
  });

  api.post('/appointments/:appointmentId/move', {
    config: book,
    schema: {
      summary: 'Move an upcoming appointment (the patient is notified); answers the new appointment',
      tags: ['practice'], params: appointmentParams, body: moveSchema, response: { 200: appointmentDetailSchema, ...refusals },
    },
  }, async (request) => {
    const { practitionerId, appointmentId } = request.params;
    const { start, ...target } = request.body;
    const id = await moveByPractice(db, practitionerId, appointmentId, { ...target, start: new Date(start) }, now());
    return readAppointmentDetail(db, practitionerId, id, request.lang);
  });

  api.post('/appointments/:appointmentId/cancel', {
    config: book,
    schema: {
      summary: 'Cancel an upcoming appointment (the patient is notified)',
      tags: ['practice'], params: appointmentParams, response: { 200: appointmentDetailSchema, ...refusals },
    },
  }, async (request) => {
    const { practitionerId, appointmentId } = request.params;
    await cancelByPractice(db, practitionerId, appointmentId, now());
    return readAppointmentDetail(db, practitionerId, appointmentId, request.lang);
  });

  api.post('/appointments/:appointmentId/no-show', {
    config: book,
    schema: {
      summary: 'Declare a started appointment missed (D5); the third no-show blocks online booking with this practitioner',
      tags: ['practice'], params: appointmentParams, response: { 200: noShowSchema, ...refusals },
    },
  }, async (request) => {
    const declared = await declareNoShow(db, request.params.practitionerId, request.params.appointmentId, now());
    return {
      appointmentId: declared.appointmentId, status: 'no_show' as const, declaredAt: declared.declaredAt.toISOString(),
      noShowsWithPatient: declared.noShowsWithPatient,
    };
  });
};
