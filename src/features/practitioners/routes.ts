/** GET /api/practitioners/:id (docs/api.md): the practitioner page. Unknown or malformed ids answer 404. */
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { FeatureRoutes } from '../../platform/http/app.ts';
import { SECTOR_EXPLANATION_KEYS } from './domain/reimbursement.ts';
import { getPractitionerPage } from './service.ts';

const sectorSchema = z.enum(['1', '2', '2-optam', '2-optam-co', 'conventionne', 'non-conventionne']);

const placeSchema = z.object({
  id: z.string(),
  name: z.string().nullable().meta({ description: 'Establishment name, if any' }),
  address: z.string(),
  postalCode: z.string(),
  city: z.string(),
  latitude: z.number(),
  longitude: z.number(),
  phone: z.string().nullable(),
});

const reasonSchema = z.object({
  id: z.string(),
  name: z.string(),
  durationMinutes: z.number().int(),
  priceCents: z.number().int(),
  video: z.boolean(),
  newPatients: z.boolean(),
  minAgeYears: z.number().int().nullable(),
  maxAgeYears: z.number().int().nullable(),
  referralRequired: z.boolean(),
  capacity: z.number().int(),
  instructions: z.string().nullable(),
  placeIds: z.array(z.string()).meta({ description: 'Places whose opening rules offer the reason' }),
});

export const practitionerPageSchema = z.object({
  id: z.string(),
  rpps: z.string(),
  civility: z.enum(['M', 'MME']),
  title: z.enum(['DR', 'PR']).nullable(),
  firstName: z.string(),
  lastName: z.string(),
  name: z.string().meta({ description: 'Public name, e.g. « Dr Hélène Dupont »' }),
  profession: z.object({ code: z.string(), label: z.string() }),
  specialty: z.object({ code: z.string(), slug: z.string(), label: z.string() }),
  sector: sectorSchema,
  reimbursement: z.object({
    rate: z.union([z.literal(70), z.literal(60)]).meta({ description: 'Percent of the base tariff reimbursed within the coordinated care pathway' }),
    overruns: z.enum(['none', 'limited', 'free', 'not-covered']),
    explanationKey: z.enum(SECTOR_EXPLANATION_KEYS).meta({ description: 'Catalogue key of the sector explanation (B6)' }),
    flatParticipationCents: z.number().int().nullable()
      .meta({ description: 'Flat participation left to the patient per doctor consultation; null for other professions' }),
  }),
  carteVitale: z.boolean(),
  tiersPayant: z.boolean(),
  paymentMethods: z.array(z.string()),
  languages: z.array(z.string()),
  onlineBooking: z.boolean(),
  phone: z.string().nullable(),
  presentation: z.string().nullable(),
  places: z.array(placeSchema),
  reasons: z.array(reasonSchema).meta({ description: 'Online-bookable reasons only' }),
});

const errorSchema = z.object({ error: z.string(), message: z.string() });

export const practitionerRoutes: FeatureRoutes = (app, { db, now }) => {
  app.withTypeProvider<ZodTypeProvider>().get('/practitioners/:id', {
    schema: {
      summary: 'Practitioner page: specialty, places, fees, sector and reimbursement, bookable reasons',
      tags: ['practitioners'],
      params: z.object({ id: z.string().meta({ description: 'Decimal practitioner id', example: '42' }) }),
      response: { 200: practitionerPageSchema, 404: errorSchema },
    },
  }, async (request) => getPractitionerPage(db, request.params.id, { now: now(), lang: request.lang }));
};
