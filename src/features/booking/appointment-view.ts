/**
 * AppointmentView (docs/api-booking.md « Shapes »): an appointment as the patient sees it — practitioner, place,
 * visit reason, who it is for, and how it may still be cancelled (D3). Read in one query for any set of appointments.
 */
import { sql, type RawBuilder } from 'kysely';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import type { AppointmentStatus } from '../../platform/db/schema.ts';
import type { Language } from '../../platform/i18n/catalogue.ts';
import { practitionerDisplayName } from '../practitioners/domain/display-name.ts';
import { cancellationPolicy } from './domain/cancellation.ts';

export const appointmentViewSchema = z.object({
  id: z.string(),
  status: z.enum(['booked', 'cancelled', 'no_show', 'done']),
  start: z.string(),
  end: z.string(),
  practitioner: z.object({ id: z.string(), name: z.string(), specialty: z.string(), phone: z.string().nullable() }),
  place: z.object({ id: z.string(), name: z.string().nullable(), address: z.string(), postalCode: z.string(), city: z.string() }),
  reason: z.object({ id: z.string(), label: z.string(), video: z.boolean(), priceCents: z.number().int() }),
  patient: z.object({ id: z.string(), firstName: z.string().nullable(), lastName: z.string().nullable(), isHolder: z.boolean() }),
  cancellation: z.enum(['online', 'phone_only', 'past']).meta({ description: 'D3: online only more than 4 h before' }),
  replacement: z.boolean().meta({ description: 'Given by the practitioner’s replacement (C1)' }),
  bookedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
});

export type AppointmentView = z.infer<typeof appointmentViewSchema>;

/** The columns an AppointmentView is made of. */
export interface AppointmentViewRow {
  id: string;
  status: AppointmentStatus;
  start: Date;
  end: Date;
  bookedAt: Date | null;
  cancelledAt: Date | null;
  practitionerId: string;
  title: 'DR' | 'PR' | null;
  firstName: string;
  lastName: string;
  specialty: string;
  phone: string | null;
  placeId: string;
  placeName: string | null;
  address: string;
  postalCode: string;
  city: string;
  reasonId: string;
  reasonLabel: string;
  video: boolean;
  priceCents: number;
  patientId: string;
  patientFirstName: string | null;
  patientLastName: string | null;
  isHolder: boolean;
  replacement: boolean;
}

/** The API shape of a row; `now` decides how it may be cancelled. A hold is never an appointment (callers filter). */
export function toAppointmentView(row: AppointmentViewRow, now: Date): AppointmentView {
  return {
    id: row.id,
    status: row.status === 'held' ? 'booked' : row.status,
    start: row.start.toISOString(),
    end: row.end.toISOString(),
    practitioner: {
      id: row.practitionerId,
      name: practitionerDisplayName({ title: row.title, firstName: row.firstName, lastName: row.lastName }),
      specialty: row.specialty,
      phone: row.phone,
    },
    place: { id: row.placeId, name: row.placeName, address: row.address, postalCode: row.postalCode, city: row.city },
    reason: { id: row.reasonId, label: row.reasonLabel, video: row.video, priceCents: row.priceCents },
    patient: { id: row.patientId, firstName: row.patientFirstName, lastName: row.patientLastName, isHolder: row.isHolder },
    cancellation: cancellationPolicy(row.start, now),
    replacement: row.replacement,
    bookedAt: row.bookedAt?.toISOString() ?? null,
    cancelledAt: row.cancelledAt?.toISOString() ?? null,
  };
}

/** Which appointments to read: by id, or every one of an account's patients (holder and relatives, removed ones too). */
export type AppointmentSelection = { ids: readonly string[] } | { accountId: string };

/**
 * The rows of the selected appointments (never holds), soonest first. The phone is the place's, else the
 * practitioner's: the number a patient calls to cancel under 4 hours.
 */
export async function readAppointmentRows(db: Db, selection: AppointmentSelection, lang: Language): Promise<AppointmentViewRow[]> {
  if ('ids' in selection) selection = { ids: selection.ids.filter(isUuid) };
  if ('ids' in selection && selection.ids.length === 0) return [];
  const { rows } = await sql<AppointmentViewRow>`
    select a.id, a.status, a.starts_at as start, a.ends_at as "end", a.booked_at as "bookedAt", a.cancelled_at as "cancelledAt",
           p.id::text as "practitionerId", p.title, p.first_name as "firstName", p.last_name as "lastName",
           ${sql.ref(lang === 'en' ? 's.label_en' : 's.label_fr')} as specialty, coalesce(pl.phone, p.phone) as phone,
           pl.id::text as "placeId", pl.name as "placeName", pl.address, pl.postal_code as "postalCode", c.name as city,
           r.id::text as "reasonId", ${sql.ref(lang === 'en' ? 'r.name_en' : 'r.name_fr')} as "reasonLabel", r.video,
           r.price_cents as "priceCents",
           pt.id as "patientId", pt.first_name as "patientFirstName", pt.last_name as "patientLastName", pt.is_holder as "isHolder",
           exists (select 1 from replacements rp
                    where rp.practitioner_id = a.practitioner_id and rp.starts_at <= a.starts_at and a.starts_at < rp.ends_at) as replacement
      from appointments a
      join patients pt on pt.id = a.patient_id
      join practitioners p on p.id = a.practitioner_id
      join specialties s on s.code = p.specialty_code
      join places pl on pl.id = a.place_id
      join communes c on c.code = pl.commune_code
      join visit_reasons r on r.id = a.reason_id
     where a.status <> 'held' and ${selectionCondition(selection)}
     order by a.starts_at, a.id`.execute(db);
  return rows;
}

/** Whether `text` can be an appointment id (anything else is simply not found, never a database error). */
export function isUuid(text: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text);
}

function selectionCondition(selection: AppointmentSelection): RawBuilder<unknown> {
  if ('ids' in selection) return sql`a.id = any(${[...selection.ids]}::uuid[])`;
  return sql`pt.account_id = ${selection.accountId}::uuid`;
}

/** The views of the selected appointments, soonest first. */
export async function readAppointmentViews(
  db: Db, selection: AppointmentSelection, lang: Language, now: Date,
): Promise<AppointmentView[]> {
  const rows = await readAppointmentRows(db, selection, lang);
  return rows.map((row) => toAppointmentView(row, now));
}

/** One appointment's view, or null (unknown id or a hold). */
export async function readAppointmentView(db: Db, id: string, lang: Language, now: Date): Promise<AppointmentView | null> {
  const [view] = await readAppointmentViews(db, { ids: [id] }, lang, now);
  return view ?? null;
}
