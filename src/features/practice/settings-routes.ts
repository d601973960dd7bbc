/**
 * Settings of the practitioner space (SPEC J1, J2, B7): places, visit reasons, weekly opening hours, absences and
 * replacements. Reading needs `view`, changing `edit_settings`; changes of hours, reasons and absences answer the
 * appointments now outside the hours (nothing is ever cancelled by them).
 */
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { FeatureRoutes } from '../../platform/http/app.ts';
import { addAbsence, addReplacement, removeAbsence, removeReplacement } from './absences.ts';
import { decimalIdOr404 } from './ids.ts';
import { replaceOpeningHours } from './opening-hours.ts';
import { createPlace, updatePlace } from './places.ts';
import {
  absenceSchema, openingHoursInputSchema, openingRuleSchema, outsideHoursSchema, pathId, periodInputSchema, placeInputSchema,
  placePatchSchema, placeSchema, reasonInputSchema, reasonPatchSchema, reasonSchema, refusals, replacementInputSchema,
  replacementSchema,
} from './schemas.ts';
import { readSettings, setConfirmsFromSoftware } from './settings.ts';
import { createReason, deleteReason, updateReason } from './visit-reasons.ts';

const practitionerParams = z.object({ practitionerId: pathId });
const edit = { practiceRight: 'edit_settings' as const };
const settingsSchema = z.object({
  places: z.array(placeSchema), reasons: z.array(reasonSchema), openingHours: z.array(openingRuleSchema),
  absences: z.array(absenceSchema), replacements: z.array(replacementSchema), confirmsFromSoftware: z.boolean(),
});

export const settingsRoutes: FeatureRoutes = (app, { db, now }) => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/settings', {
    schema: {
      summary: 'Places, visit reasons, weekly opening hours, absences and replacements of the practitioner',
      tags: ['practice'],
      params: practitionerParams,
      response: {
        200: settingsSchema,
        ...refusals,
      },
    },
  }, async (request) => readSettings(db, request.params.practitionerId, now()));

  api.patch('/settings', {
    config: edit,
    schema: {
      summary: 'Whether online bookings wait for the practice’s own software to accept them (C9)', tags: ['practice'],
      params: practitionerParams, body: z.object({ confirmsFromSoftware: z.boolean({ error: 'error.field_invalid' }) }),
      response: {
        200: settingsSchema,
        ...refusals,
      },
    },
  }, async (request) => {
    await setConfirmsFromSoftware(db, request.params.practitionerId, request.body.confirmsFromSoftware);
    return readSettings(db, request.params.practitionerId, now());
  });

  api.post('/places', {
    config: edit,
    schema: {
      summary: 'Add a place of consultation', tags: ['practice'], params: practitionerParams, body: placeInputSchema,
      response: { 201: z.object({ place: placeSchema }), ...refusals },
    },
  }, async (request, reply) => {
    return reply.status(201).send({ place: await createPlace(db, request.params.practitionerId, request.body) });
  });

  api.patch('/places/:placeId', {
    config: edit,
    schema: {
      summary: 'Change a place (address, phone, online booking on/off)', tags: ['practice'],
      params: practitionerParams.extend({ placeId: pathId }), body: placePatchSchema,
      response: { 200: z.object({ place: placeSchema }), ...refusals },
    },
  }, async (request) => {
    const placeId = decimalIdOr404(request.params.placeId, 'place_not_found');
    return { place: await updatePlace(db, request.params.practitionerId, placeId, request.body) };
  });

  api.post('/reasons', {
    config: edit,
    schema: {
      summary: 'Add a visit reason (J2)', tags: ['practice'], params: practitionerParams, body: reasonInputSchema,
      response: { 201: z.object({ reason: reasonSchema }), ...refusals },
    },
  }, async (request, reply) => {
    return reply.status(201).send({ reason: await createReason(db, request.params.practitionerId, request.body) });
  });

  api.patch('/reasons/:reasonId', {
    config: edit,
    schema: {
      summary: 'Change a visit reason; answers the appointments now outside the hours', tags: ['practice'],
      params: practitionerParams.extend({ reasonId: pathId }), body: reasonPatchSchema,
      response: { 200: z.object({ reason: reasonSchema, outsideHours: z.array(outsideHoursSchema) }), ...refusals },
    },
  }, async (request) => {
    const reasonId = decimalIdOr404(request.params.reasonId, 'reason_not_found');
    return updateReason(db, request.params.practitionerId, reasonId, request.body, request.lang, now());
  });

  api.delete('/reasons/:reasonId', {
    config: edit,
    schema: {
      summary: 'Delete a visit reason no appointment names', tags: ['practice'],
      params: practitionerParams.extend({ reasonId: pathId }), response: { 204: z.null(), ...refusals },
    },
  }, async (request, reply) => {
    await deleteReason(db, request.params.practitionerId, decimalIdOr404(request.params.reasonId, 'reason_not_found'));
    return reply.status(204).send(null);
  });

  api.put('/places/:placeId/opening-hours', {
    config: edit,
    schema: {
      summary: 'Replace the weekly opening hours of a place; answers the appointments now outside the hours', tags: ['practice'],
      params: practitionerParams.extend({ placeId: pathId }), body: openingHoursInputSchema,
      response: { 200: z.object({ openingHours: z.array(openingRuleSchema), outsideHours: z.array(outsideHoursSchema) }), ...refusals },
    },
  }, async (request) => {
    const placeId = decimalIdOr404(request.params.placeId, 'place_not_found');
    const intervals = request.body.rules.map((rule) => ({ ...rule, validFrom: rule.validFrom ?? null, validUntil: rule.validUntil ?? null }));
    return replaceOpeningHours(db, request.params.practitionerId, placeId, intervals, request.lang, now());
  });

  api.post('/absences', {
    config: edit,
    schema: {
      summary: 'Close the agenda over a period; answers the appointments now outside the hours', tags: ['practice'],
      params: practitionerParams, body: periodInputSchema,
      response: { 201: z.object({ absence: absenceSchema, outsideHours: z.array(outsideHoursSchema) }), ...refusals },
    },
  }, async (request, reply) => {
    return reply.status(201).send(await addAbsence(db, request.params.practitionerId, request.body, request.lang, now()));
  });

  api.delete('/absences/:absenceId', {
    config: edit,
    schema: {
      summary: 'Delete an absence', tags: ['practice'],
      params: practitionerParams.extend({ absenceId: pathId }), response: { 204: z.null(), ...refusals },
    },
  }, async (request, reply) => {
    await removeAbsence(db, request.params.practitionerId, decimalIdOr404(request.params.absenceId, 'absence_not_found'));
    return reply.status(204).send(null);
  });

  api.post('/replacements', {
    config: edit,
    schema: {
      summary: 'Record a replacement’s period (blue dot on the patient calendar, C1)', tags: ['practice'],
      params: practitionerParams, body: replacementInputSchema,
      response: { 201: z.object({ replacement: replacementSchema }), ...refusals },
    },
  }, async (request, reply) => {
    return reply.status(201).send({ replacement: await addReplacement(db, request.params.practitionerId, request.body, now()) });
  });

  api.delete('/replacements/:replacementId', {
    config: edit,
    schema: {
      summary: 'Delete a replacement’s period', tags: ['practice'],
      params: practitionerParams.extend({ replacementId: pathId }), response: { 204: z.null(), ...refusals },
    },
  }, async (request, reply) => {
    await removeReplacement(db, request.params.practitionerId, decimalIdOr404(request.params.replacementId, 'replacement_not_found'));
    return reply.status(204).send(null);
  });
};
