/**
 * The contract's settings shapes (docs/api-practice.md « Agenda and settings »): places, visit reasons, weekly
 * opening rules, absences and replacements, read from their rows, and the practitioner's own switches.
 */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { periodFields, type PeriodFields } from './domain/periods.ts';

export interface PlaceView {
  id: string; name: string | null; address: string; postalCode: string; communeCode: string; city: string;
  phone: string | null; onlineBooking: boolean;
}

export interface ReasonView {
  id: string; labelFr: string; labelEn: string; kindCode: string | null; durationMinutes: number; priceCents: number;
  onlineBookable: boolean; newPatients: boolean; minAgeYears: number | null; maxAgeYears: number | null;
  referralRequired: boolean; video: boolean; capacity: number; notifications: boolean;
  instructionsFr: string | null; instructionsEn: string | null; position: number;
}

export interface OpeningRuleView {
  id: string; placeId: string; weekday: number; start: string; end: string; reasonIds: string[];
  validFrom: string | null; validUntil: string | null;
}

export type AbsenceView = PeriodFields & { id: string };
export type ReplacementView = PeriodFields & { id: string; firstName: string; lastName: string };

/** The practitioner's places, in creation order; `placeId` narrows to one (none: not the practitioner's). */
export async function readPlaces(db: Db, practitionerId: string, placeId?: string): Promise<PlaceView[]> {
  let query = db.selectFrom('places as pl').innerJoin('communes as c', 'c.code', 'pl.commune_code')
    .select([
      'pl.id', 'pl.name', 'pl.address', 'pl.postal_code as postalCode', 'pl.commune_code as communeCode', 'c.name as city',
      'pl.phone', 'pl.online_booking as onlineBooking',
    ])
    .where('pl.practitioner_id', '=', practitionerId);
  if (placeId !== undefined) query = query.where('pl.id', '=', placeId);
  return query.orderBy('pl.id').execute();
}

/** The practitioner's visit reasons, by position; `reasonId` narrows to one. */
export async function readReasons(db: Db, practitionerId: string, reasonId?: string): Promise<ReasonView[]> {
  let query = db.selectFrom('visit_reasons')
    .select([
      'id', 'name_fr as labelFr', 'name_en as labelEn', 'kind_code as kindCode', 'duration_minutes as durationMinutes',
      'price_cents as priceCents', 'online_bookable as onlineBookable', 'new_patients as newPatients',
      'min_age_years as minAgeYears', 'max_age_years as maxAgeYears', 'referral_required as referralRequired', 'video',
      'capacity', 'notifications', 'instructions_fr as instructionsFr', 'instructions_en as instructionsEn', 'position',
    ])
    .where('practitioner_id', '=', practitionerId);
  if (reasonId !== undefined) query = query.where('id', '=', reasonId);
  return query.orderBy('position').orderBy('id').execute();
}

/** The practitioner's weekly rules, by place, weekday and start; `placeId` narrows to one place. */
export async function readOpeningRules(db: Db, practitionerId: string, placeId?: string): Promise<OpeningRuleView[]> {
  const { rows } = await sql<OpeningRuleView>`
    select id::text, place_id::text as "placeId", weekday, to_char(start_time, 'HH24:MI') as start,
           case when end_time = '24:00' then '24:00' else to_char(end_time, 'HH24:MI') end as end,
           reason_ids::text[] as "reasonIds", valid_from as "validFrom", valid_until as "validUntil"
      from opening_rules
     where practitioner_id = ${practitionerId} ${placeId === undefined ? sql`` : sql`and place_id = ${placeId}`}
     order by place_id, weekday, start_time, valid_from nulls first, id`.execute(db);
  return rows;
}

/** Absences not over at `now` (or one by id), soonest first. */
export async function readAbsences(db: Db, practitionerId: string, now: Date, absenceId?: string): Promise<AbsenceView[]> {
  let query = db.selectFrom('absences').select(['id', 'starts_at', 'ends_at']).where('practitioner_id', '=', practitionerId);
  query = absenceId === undefined ? query.where('ends_at', '>', now) : query.where('id', '=', absenceId);
  const rows = await query.orderBy('starts_at').orderBy('id').execute();
  return rows.map((row) => ({ id: row.id, ...periodFields(row.starts_at, row.ends_at) }));
}

/** Replacements not over at `now` (or one by id), soonest first. */
export async function readReplacements(db: Db, practitionerId: string, now: Date, replacementId?: string): Promise<ReplacementView[]> {
  let query = db.selectFrom('replacements')
    .select(['id', 'replacement_first_name', 'replacement_last_name', 'starts_at', 'ends_at'])
    .where('practitioner_id', '=', practitionerId);
  query = replacementId === undefined ? query.where('ends_at', '>', now) : query.where('id', '=', replacementId);
  const rows = await query.orderBy('starts_at').orderBy('id').execute();
  return rows.map((row) => ({
    id: row.id, firstName: row.replacement_first_name, lastName: row.replacement_last_name, ...periodFields(row.starts_at, row.ends_at),
  }));
}

/** C9: whether the practice's own software accepts each online booking (false for an unknown practitioner). */
export async function readConfirmsFromSoftware(db: Db, practitionerId: string): Promise<boolean> {
  const row = await db.selectFrom('practitioners').select('confirms_from_software').where('id', '=', practitionerId).executeTakeFirst();
  return row?.confirms_from_software ?? false;
}
