/**
 * Zod schemas of the search endpoints (docs/api.md), from which the OpenAPI document is generated.
 * Validation messages are catalogue keys, turned into a translated 400 by `invalidParameter` (routes.ts).
 */
import { z } from 'zod';
import { integerParam } from '../../platform/http/query-params.ts';
import { withoutControlCharacters } from './domain/query-text.ts';

export const SECTORS = ['1', '2', '2-optam', '2-optam-co', 'conventionne', 'non-conventionne'] as const;
export const AVAILABLE_WITHIN_DAYS = ['1', '3', '7', '14'] as const;

/** Typed text: trimmed, 1–100 characters. */
export const typedQuerySchema = z.string({ error: 'search.error.query_length' })
  .transform(withoutControlCharacters)
  .pipe(z.string().trim().min(1, { error: 'search.error.query_length' }).max(100, { error: 'search.error.query_length' }));

/** Optional free text of a search, 0–100 characters once trimmed. */
const optionalText = (description: string) => z.string({ error: 'search.error.text_too_long' })
  .transform(withoutControlCharacters)
  .pipe(z.string().trim().max(100, { error: 'search.error.text_too_long' }))
  .optional()
  .meta({ description });

/** A slug or reason-kind code as the suggestions give them. */
const code = (description: string) => z.string({ error: 'search.error.invalid_code' })
  .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/i, { error: 'search.error.invalid_code' })
  .optional()
  .meta({ description });

export const suggestQuerySchema = z.object({ q: typedQuerySchema.meta({ description: 'Typed text, 1–100 characters' }) });

export const searchQuerySchema = z.object({
  what: optionalText('A specialty, a visit reason or a practitioner/establishment name'),
  specialty: code('Specialty slug (from a suggestion); wins over `what`'),
  place: z.string({ error: 'search.error.invalid_code' })
    .regex(/^(\d{5}|2[AB]\d{3})$/i, { error: 'search.error.invalid_code' })
    .optional()
    .meta({ description: 'INSEE commune code of a picked place suggestion; wins over `where`' }),
  where: optionalText('Typed place: a postal code (5 digits, read as a postal code first), a label « Nantes (44000) » or a commune name'),
  availableWithin: z.enum(AVAILABLE_WITHIN_DAYS, { error: 'search.error.invalid_available_within' }).optional()
    .meta({ description: 'Only practitioners with a free slot within that many days (today is the first)' }),
  sector: z.string({ error: 'search.error.invalid_sector' })
    .max(100, { error: 'search.error.invalid_sector' })
    .transform((list) => list.split(',').map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(z.enum(SECTORS, { error: 'search.error.invalid_sector' })))
    .optional()
    .meta({ description: 'Comma list of 1, 2, 2-optam, 2-optam-co, conventionne, non-conventionne' }),
  reason: code('Reason-kind code (« motif »)'),
  language: z.string({ error: 'search.error.invalid_language' })
    .regex(/^[a-z]{2}$/i, { error: 'search.error.invalid_language' })
    .transform((s) => s.toLowerCase())
    .optional()
    .meta({ description: 'ISO 639-1 code of a spoken language' }),
  video: z.enum(['true', 'false'], { error: 'search.error.invalid_video' }).optional()
    .meta({ description: '`true`: only practitioners offering a video consultation' }),
  page: integerParam(1, 100, 'search.error.invalid_page')
    .optional()
    .meta({ description: 'Page of 10 results, 1–100' }),
});

const specialtySuggestion = z.object({ code: z.string(), slug: z.string(), label: z.string() });
const reasonSuggestion = z.object({ code: z.string(), label: z.string(), specialtySlug: z.string().nullable() });
const practitionerSuggestion = z.object({ id: z.string(), name: z.string(), specialty: z.string(), city: z.string().nullable() });
const establishmentSuggestion = z.object({ name: z.string(), practitionerId: z.string(), city: z.string().nullable() });

export const suggestionsSchema = z.object({
  specialties: z.array(specialtySuggestion),
  reasons: z.array(reasonSuggestion),
  practitioners: z.array(practitionerSuggestion),
  establishments: z.array(establishmentSuggestion),
});

export const placeSuggestionsSchema = z.object({
  places: z.array(z.object({
    code: z.string().meta({ description: 'INSEE commune code' }),
    name: z.string(),
    postalCode: z.string(),
    departement: z.string(),
    label: z.string().meta({ description: '« Nantes (44000) »' }),
    latitude: z.number(),
    longitude: z.number(),
  })),
});

const slotSchema = z.object({ start: z.string(), end: z.string(), replacement: z.boolean() });

export const searchResponseSchema = z.object({
  query: z.object({
    specialty: z.object({ slug: z.string(), label: z.string() }).nullable(),
    place: z.object({ code: z.string(), name: z.string(), postalCode: z.string() }).nullable(),
    radiusKm: z.number().nullable().meta({ description: 'Radius listed around the place; null without a place' }),
    unresolved: z.enum(['place', 'what']).nullable(),
  }),
  total: z.number().int(),
  page: z.number().int(),
  pageCount: z.number().int(),
  results: z.array(z.object({
    practitionerId: z.string(),
    name: z.string(),
    specialty: z.string(),
    sector: z.enum(SECTORS),
    place: z.object({
      id: z.string(), name: z.string().nullable(), address: z.string(), postalCode: z.string(), city: z.string(),
      latitude: z.number(), longitude: z.number(),
    }),
    distanceKm: z.number().nullable().meta({ description: 'Null without a place' }),
    video: z.boolean(),
    onlineBooking: z.boolean(),
    phone: z.string().nullable(),
    reasonId: z.string().nullable().meta({ description: 'Reason of `nextSlots`; null when nothing is bookable online' }),
    nextSlots: z.array(slotSchema),
    nextAvailability: z.string().nullable(),
  })),
});

export const errorSchema = z.object({ error: z.string(), message: z.string() });
