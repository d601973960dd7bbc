/** Zod schemas of the booking API (docs/api-booking.md): requests validated, answers documented at /api/docs. */
import { z } from 'zod';
import { isLocalDate } from '../availability/index.ts';

/** A decimal id of a practitioner, place or reason; 18 digits always fit a bigint. */
export const decimalId = z.string().regex(/^[0-9]{1,18}$/).meta({ description: 'Decimal id', example: '42' });

export const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);

/** A UTC instant as the calendar gives it ('2026-03-02T08:30:00.000Z'); an offset is accepted too. */
export const instant = z.string().max(40)
  .refine((text) => /^\d{4}-\d{2}-\d{2}T/.test(text) && isLocalDate(text.slice(0, 10)) && !Number.isNaN(Date.parse(text)))
  .meta({ description: 'ISO 8601 instant', example: '2026-03-02T08:30:00.000Z' });

/** Refusals: `error` (kind), `code` (refusal), the translated `message`, and the refusal's details. */
export const refusalSchema = z.looseObject({ error: z.string(), code: z.string().optional(), message: z.string() });

const placeSchema = z.object({
  id: z.string(), name: z.string().nullable(), address: z.string(), postalCode: z.string(), city: z.string(),
});

export const holdViewSchema = z.object({
  id: z.string(),
  expiresAt: z.string(),
  start: z.string(),
  end: z.string(),
  practitioner: z.object({ id: z.string(), name: z.string(), specialty: z.string() }),
  place: placeSchema,
  reason: z.object({
    id: z.string(), label: z.string(), video: z.boolean(), priceCents: z.number().int(), instructions: z.string().nullable(),
    referralRequired: z.boolean(), minAgeYears: z.number().int().nullable(), maxAgeYears: z.number().int().nullable(),
  }),
  earlierVideo: z.object({
    start: z.string(), reasonId: z.string(), placeId: z.string().meta({ description: 'The place whose agenda offers it' }),
  }).nullable().meta({ description: 'An earlier free video consultation of the practitioner (C10)' }),
  replacement: z.boolean().meta({ description: 'Given by the practitioner’s replacement (C1 blue dot)' }),
  moving: z.string().nullable().meta({ description: 'The appointment this hold would replace (D2), as asked' }),
});

export const appointmentViewSchema = z.object({
  id: z.string(),
  status: z.enum(['booked', 'cancelled', 'no_show', 'done']),
  start: z.string(),
  end: z.string(),
  practitioner: z.object({ id: z.string(), name: z.string(), specialty: z.string(), phone: z.string().nullable() }),
  place: placeSchema,
  reason: z.object({ id: z.string(), label: z.string(), video: z.boolean(), priceCents: z.number().int() }),
  patient: z.object({ id: z.string(), firstName: z.string().nullable(), lastName: z.string().nullable(), isHolder: z.boolean() }),
  cancellation: z.enum(['online', 'phone_only', 'past']),
  replacement: z.boolean(),
  bookedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
});

export const holdRequestSchema = z.object({
  practitionerId: decimalId,
  placeId: decimalId,
  reasonId: decimalId,
  start: instant,
  moving: uuid.optional(),
});

const civility = z.enum(['mme', 'm']);
const name = z.string().max(200);
const date = z.string().max(10).meta({ description: 'YYYY-MM-DD' });

export const confirmationSchema = z.object({
  holdId: uuid,
  holdToken: z.string().max(100).optional(),
  patient: z.discriminatedUnion('kind', [
    z.object({
      kind: z.literal('self'),
      identity: z.object({ civility: civility.nullable().optional(), firstName: name, lastName: name, birthDate: date }).optional(),
    }),
    z.object({ kind: z.literal('relative'), relativeId: uuid }),
    z.object({
      kind: z.literal('new_relative'),
      relative: z.object({
        civility: civility.nullable().optional(), firstName: name, lastName: name, birthDate: date,
        email: z.string().max(300).nullable().optional(), phone: z.string().max(40).nullable().optional(),
      }),
    }),
  ]),
  acceptInstructions: z.boolean().optional(),
  referringPractitionerId: decimalId.optional(),
  eightDayRule: z.literal('replace').optional(),
});

export type ConfirmationBody = z.infer<typeof confirmationSchema>;
