/**
 * GET /api/practitioners/:id/availability (docs/api.md): validate, then ask the service.
 * Invalid input answers 400 with a sentence naming the parameter, in the request's language.
 */
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { FeatureRoutes } from '../../platform/http/app.ts';
import type { MessageKey } from '../../platform/i18n/catalogue.ts';
import { integerParam } from '../../platform/http/query-params.ts';
import { isLocalDate } from './domain/zoned-time.ts';
import { getAvailabilityCalendar } from './service.ts';

const DEFAULT_DAYS = 7;

/** Zod messages carry catalogue keys; the app's error handler turns the first one into a translated 400. */
const missingOr = (key: MessageKey) => ({ error: (issue: { input?: unknown }) => (issue.input === undefined ? 'availability.error.missing' : key) });

/** A decimal id of a practitioner, place or reason; 18 digits always fit a bigint. */
const idSchema = z.string(missingOr('availability.error.invalid_id'))
  .regex(/^[0-9]{1,18}$/, { error: 'availability.error.invalid_id' })
  .meta({ description: 'Decimal id', example: '42' });

const querySchema = z.object({
  place: idSchema,
  reason: idSchema,
  from: z.string({ error: 'availability.error.invalid_from' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'availability.error.invalid_from' })
    .refine(isLocalDate, { error: 'availability.error.invalid_from' })
    .optional()
    .meta({ description: 'First Paris date, YYYY-MM-DD; default and minimum: today; at most one year ahead' }),
  days: integerParam(1, 28, 'availability.error.invalid_days')
    .optional()
    .meta({ description: 'Number of days, 1–28 (default 7)' }),
});

const slotSchema = z.object({
  start: z.string(),
  end: z.string(),
  replacement: z.boolean().meta({ description: 'Given by the practitioner’s replacement (blue dot)' }),
  remaining: z.number().int().meta({ description: 'Places left on the slot (group motives have more than one)' }),
});

const calendarSchema = z.object({
  practitionerId: z.string(),
  placeId: z.string(),
  reasonId: z.string(),
  from: z.string(),
  days: z.number().int(),
  calendar: z.array(z.object({ date: z.string(), slots: z.array(slotSchema) })),
  nextAvailableDate: z.string().nullable(),
});

const errorSchema = z.object({ error: z.string(), message: z.string() });


export const availabilityRoutes: FeatureRoutes = (app, { db, now }) => {
  app.withTypeProvider<ZodTypeProvider>().get('/practitioners/:id/availability', {
    schema: {
      summary: 'Free slots of a practitioner for one place and visit reason, day by day',
      tags: ['availability'],
      params: z.object({ id: idSchema }),
      querystring: querySchema,
      response: { 200: calendarSchema, 400: errorSchema, 404: errorSchema },
    },
  }, async (request) => {
    const { place, reason, from, days } = request.query;
    return getAvailabilityCalendar(db, {
      practitionerId: request.params.id, placeId: place, reasonId: reason, from, days: days ?? DEFAULT_DAYS, now: now(),
    });
  });
};
