/**
 * Zod schemas of the practitioner space's agenda and settings (docs/api-practice.md « Agenda and settings »):
 * requests validated with catalogue keys as messages (the app translates the first one), answers documented.
 */
import { z } from 'zod';
import { isLocalDate } from '../availability/index.ts';

export const refusalSchema = z.looseObject({ error: z.string(), code: z.string().optional(), message: z.string() });
export const refusals = { 400: refusalSchema, 401: refusalSchema, 403: refusalSchema, 404: refusalSchema, 409: refusalSchema } as const;

/** Ids in paths stay plain text: a malformed one is « not found » (404), like another practitioner's. */
export const pathId = z.string().max(100);

/** A decimal id in a body (a place, a reason). */
export const decimalId = z.string({ error: 'error.field_invalid' }).regex(/^[0-9]{1,18}$/, { error: 'error.field_invalid' });

/** A Paris date of this century (further dates are typing mistakes, and would meet calendar arithmetic's limits). */
const localDate = z.string({ error: 'practice.settings.error.date' })
  .regex(/^20\d{2}-\d{2}-\d{2}$/, { error: 'practice.settings.error.date' })
  .refine(isLocalDate, { error: 'practice.settings.error.date' });
const wallTime = z.string({ error: 'practice.settings.error.time' })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, { error: 'practice.settings.error.time' });

/** A UTC instant (an offset is accepted too). */
export const instant = z.string({ error: 'error.field_invalid' }).max(40)
  .refine((text) => /^\d{4}-\d{2}-\d{2}T/.test(text) && isLocalDate(text.slice(0, 10)) && !Number.isNaN(Date.parse(text)),
    { error: 'error.field_invalid' });

const shortText = (max: number, error: 'practice.settings.error.label' | 'practice.settings.error.place_name' | 'practice.settings.error.address') =>
  z.string({ error }).trim().min(1, { error }).max(max, { error });

// ---- settings ----

export const placeInputSchema = z.object({
  name: z.string({ error: 'practice.settings.error.place_name' }).max(100, { error: 'practice.settings.error.place_name' }).nullable().optional(),
  address: shortText(200, 'practice.settings.error.address'),
  postalCode: z.string({ error: 'error.field_invalid' }).regex(/^\d{5}$/, { error: 'practice.settings.error.postal_code_mismatch' }),
  communeCode: z.string({ error: 'practice.settings.error.commune_unknown' }).regex(/^[0-9][0-9AB][0-9]{3}$/, { error: 'practice.settings.error.commune_unknown' }),
  phone: z.string().max(40).nullable().optional(),
  onlineBooking: z.boolean().optional(),
});
export const placePatchSchema = placeInputSchema.partial();

export const placeSchema = z.object({
  id: z.string(), name: z.string().nullable(), address: z.string(), postalCode: z.string(), communeCode: z.string(),
  city: z.string(), phone: z.string().nullable(), onlineBooking: z.boolean(),
});

const age = z.number({ error: 'practice.settings.error.age' }).int({ error: 'practice.settings.error.age' })
  .min(0, { error: 'practice.settings.error.age' }).max(120, { error: 'practice.settings.error.age' }).nullable();
const instructions = z.string({ error: 'practice.settings.error.instructions' })
  .max(2000, { error: 'practice.settings.error.instructions' }).nullable();

export const reasonInputSchema = z.object({
  labelFr: shortText(100, 'practice.settings.error.label'),
  labelEn: z.string({ error: 'practice.settings.error.label' }).max(100, { error: 'practice.settings.error.label' }).nullable().optional(),
  kindCode: z.string({ error: 'practice.settings.error.kind_unknown' }).max(60, { error: 'practice.settings.error.kind_unknown' }).nullable().optional(),
  durationMinutes: z.number({ error: 'practice.settings.error.duration' }).int({ error: 'practice.settings.error.duration' })
    .min(5, { error: 'practice.settings.error.duration' }).max(480, { error: 'practice.settings.error.duration' }),
  priceCents: z.number({ error: 'practice.settings.error.price' }).int({ error: 'practice.settings.error.price' })
    .min(0, { error: 'practice.settings.error.price' }).max(10_000_000, { error: 'practice.settings.error.price' }),
  onlineBookable: z.boolean().optional(),
  newPatients: z.boolean().optional(),
  minAgeYears: age.optional(),
  maxAgeYears: age.optional(),
  referralRequired: z.boolean().optional(),
  video: z.boolean().optional(),
  capacity: z.number({ error: 'practice.settings.error.capacity' }).int({ error: 'practice.settings.error.capacity' })
    .min(1, { error: 'practice.settings.error.capacity' }).max(50, { error: 'practice.settings.error.capacity' }).optional(),
  notifications: z.boolean().optional(),
  instructionsFr: instructions.optional(),
  instructionsEn: instructions.optional(),
  position: z.number().int().min(0).max(10_000).optional(),
});
export const reasonPatchSchema = reasonInputSchema.partial();

export const reasonSchema = z.object({
  id: z.string(), labelFr: z.string(), labelEn: z.string(), kindCode: z.string().nullable(), durationMinutes: z.number().int(),
  priceCents: z.number().int(), onlineBookable: z.boolean(), newPatients: z.boolean(), minAgeYears: z.number().int().nullable(),
  maxAgeYears: z.number().int().nullable(), referralRequired: z.boolean(), video: z.boolean(), capacity: z.number().int(),
  notifications: z.boolean(), instructionsFr: z.string().nullable(), instructionsEn: z.string().nullable(), position: z.number().int(),
});

export const openingHoursInputSchema = z.object({
  rules: z.array(z.object({
    weekday: z.number({ error: 'practice.settings.error.weekday' }).int({ error: 'practice.settings.error.weekday' })
      .min(1, { error: 'practice.settings.error.weekday' }).max(7, { error: 'practice.settings.error.weekday' }),
    start: wallTime,
    end: wallTime,
    reasonIds: z.array(decimalId).max(100),
    validFrom: localDate.nullable().optional(),
    validUntil: localDate.nullable().optional(),
  }), { error: 'error.field_invalid' }).max(200, { error: 'practice.settings.error.too_many_rules' }),
});

export const openingRuleSchema = z.object({
  id: z.string(), placeId: z.string(), weekday: z.number().int(), start: z.string(), end: z.string(),
  reasonIds: z.array(z.string()), validFrom: z.string().nullable(), validUntil: z.string().nullable(),
});

export const periodInputSchema = z.object({
  from: localDate,
  to: localDate,
  fromTime: wallTime.optional(),
  toTime: wallTime.optional(),
});
const personName = z.string({ error: 'myaccount.error.name_invalid' }).trim().min(1, { error: 'myaccount.error.name_invalid' })
  .max(100, { error: 'myaccount.error.name_too_long' });
export const replacementInputSchema = periodInputSchema.extend({ firstName: personName, lastName: personName });

const periodSchema = {
  id: z.string(), start: z.string(), end: z.string(), from: z.string(), fromTime: z.string(), to: z.string(), toTime: z.string(),
};
export const absenceSchema = z.object(periodSchema);
export const replacementSchema = z.object({ ...periodSchema, firstName: z.string(), lastName: z.string() });

export const outsideHoursSchema = z.object({
  id: z.string(), start: z.string(), end: z.string(), placeId: z.string(),
  reason: z.object({ id: z.string(), label: z.string() }),
  patient: z.object({ name: z.string() }).nullable(),
  why: z.enum(['closed', 'absence', 'holiday']),
});

// ---- agenda ----

export const agendaQuerySchema = z.object({
  from: z.string({ error: 'practice.agenda.error.from' }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'practice.agenda.error.from' })
    .refine(isLocalDate, { error: 'practice.agenda.error.from' }).optional(),
  days: z.enum(['1', '7'], { error: 'practice.agenda.error.days' }).optional(),
});

const statusSchema = z.enum(['booked', 'no_show', 'done', 'cancelled']);

export const agendaAppointmentSchema = z.object({
  id: z.string(), start: z.string(), end: z.string(), status: statusSchema, source: z.enum(['online', 'practice']),
  placeId: z.string(), reason: z.object({ id: z.string(), label: z.string() }),
  patient: z.object({ name: z.string() }).nullable(), replacement: z.boolean(),
  cancelledBy: z.enum(['patient', 'practice']).nullable(),
});

export const agendaSchema = z.object({
  practitionerId: z.string(),
  from: z.string(),
  days: z.number().int(),
  timeZone: z.literal('Europe/Paris'),
  calendar: z.array(z.object({
    date: z.string(), holiday: z.string().nullable(),
    opening: z.array(z.object({ start: z.string(), end: z.string(), placeId: z.string(), reasonIds: z.array(z.string()) })),
  })),
  appointments: z.array(agendaAppointmentSchema),
  holds: z.array(z.object({ start: z.string(), end: z.string(), placeId: z.string(), expiresAt: z.string(), label: z.string() })),
  freeSlots: z.array(z.object({
    start: z.string(), end: z.string(), placeId: z.string(), reasonId: z.string(), replacement: z.boolean(), remaining: z.number().int(),
  })),
  absences: z.array(absenceSchema),
  replacements: z.array(replacementSchema),
});

export const patientCardSchema = z.object({
  fileId: z.string().nullable(), patientId: z.string().nullable(), civility: z.enum(['mme', 'm']).nullable(),
  firstName: z.string(), lastName: z.string(), birthDate: z.string().nullable(), email: z.string().nullable(),
  phone: z.string().nullable(), linkedAccount: z.boolean(), blocked: z.boolean(), blockedAfterNoShows: z.boolean(),
  notificationsOff: z.boolean(), noShows: z.number().int(), noShowsForgivenAt: z.string().nullable(),
  relativeOf: z.object({
    firstName: z.string().nullable(), lastName: z.string().nullable(), email: z.string().nullable(), phone: z.string().nullable(),
  }).nullable(),
});

export const appointmentDetailSchema = z.object({
  appointment: agendaAppointmentSchema.extend({
    place: z.object({ id: z.string(), name: z.string().nullable(), address: z.string(), postalCode: z.string(), city: z.string() }),
    reason: z.object({ id: z.string(), label: z.string(), durationMinutes: z.number().int(), priceCents: z.number().int(), video: z.boolean() }),
    bookedAt: z.string().nullable(), cancelledAt: z.string().nullable(), noShowDeclaredAt: z.string().nullable(),
    movedTo: z.string().nullable(),
  }),
  patient: patientCardSchema.nullable(),
  history: z.array(z.object({
    id: z.string(), start: z.string(), end: z.string(), status: statusSchema, reason: z.object({ id: z.string(), label: z.string() }),
  })),
});

// ---- patients and desk bookings ----

const optionalContact = z.string().max(254).nullable().optional();
export const patientFileInputSchema = z.object({
  civility: z.enum(['mme', 'm'], { error: 'myaccount.error.civility_invalid' }).nullable().optional(),
  firstName: z.string({ error: 'myaccount.error.first_name_required' }).max(200),
  lastName: z.string({ error: 'myaccount.error.last_name_required' }).max(200),
  birthDate: z.string().max(20).nullable().optional(),
  email: optionalContact,
  phone: optionalContact,
});

export const patientFilePatchSchema = patientFileInputSchema.partial().extend({
  blocked: z.boolean().optional(),
  notificationsOff: z.boolean().optional(),
});

export const patientSwitchesSchema = z.object({ blocked: z.boolean().optional(), notificationsOff: z.boolean().optional() });

export const patientsQuerySchema = z.object({
  q: z.string({ error: 'practice.patients.error.query' }).trim().min(2, { error: 'practice.patients.error.query' })
    .max(100, { error: 'practice.patients.error.query' }),
});

export const deskBookingSchema = z.object({
  placeId: decimalId,
  reasonId: decimalId,
  start: instant,
  patient: z.union([
    z.object({ fileId: z.string().max(100) }).strict(),
    z.object({ patientId: z.string().max(100) }).strict(),
    z.object({ new: patientFileInputSchema }).strict(),
  ], { error: 'error.field_invalid' }),
});

export const moveSchema = z.object({ start: instant, placeId: decimalId.optional(), reasonId: decimalId.optional() });

export const noShowSchema = z.object({
  appointmentId: z.string(), status: z.literal('no_show'), declaredAt: z.string(), noShowsWithPatient: z.number().int(),
});
