/** What the practitioner page shows (SPEC B5): the practitioner, its places and its online-bookable reasons. */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { Sector } from '../../platform/db/schema.ts';
import type { Language } from '../../platform/i18n/catalogue.ts';
import type { ProfessionKind } from './domain/reimbursement.ts';

export interface PractitionerRow {
  id: string;
  rpps: string;
  civility: 'M' | 'MME';
  title: 'DR' | 'PR' | null;
  firstName: string;
  lastName: string;
  professionCode: string;
  professionLabel: string;
  professionKind: ProfessionKind;
  specialtyCode: string;
  specialtySlug: string;
  specialtyLabel: string;
  sector: Sector;
  carteVitale: boolean;
  tiersPayant: boolean;
  paymentMethods: string[];
  languages: string[];
  onlineBooking: boolean;
  phone: string | null;
  presentation: string | null;
}

export interface PlaceRow {
  id: string;
  name: string | null;
  address: string;
  postalCode: string;
  city: string;
  latitude: number;
  longitude: number;
  phone: string | null;
}

export interface ReasonRow {
  id: string;
  name: string;
  durationMinutes: number;
  priceCents: number;
  video: boolean;
  newPatients: boolean;
  minAgeYears: number | null;
  maxAgeYears: number | null;
  referralRequired: boolean;
  capacity: number;
  instructions: string | null;
  placeIds: string[];
}

const labelIn = (lang: Language, table: string) => sql.ref(`${table}.${lang === 'en' ? 'label_en' : 'label_fr'}`);

export async function findPractitioner(db: Db, id: string, lang: Language): Promise<PractitionerRow | null> {
  const { rows } = await sql<PractitionerRow>`
    select p.id::text as id, p.rpps, p.civility, p.title, p.first_name as "firstName", p.last_name as "lastName",
           pr.code as "professionCode", ${labelIn(lang, 'pr')} as "professionLabel", pr.kind as "professionKind",
           s.code as "specialtyCode", s.slug as "specialtySlug", ${labelIn(lang, 's')} as "specialtyLabel",
           p.sector, p.carte_vitale as "carteVitale", p.tiers_payant as "tiersPayant", p.payment_methods as "paymentMethods",
           p.languages, p.online_booking as "onlineBooking", p.phone, p.presentation
      from practitioners p
      join professions pr on pr.code = p.profession_code
      join specialties s on s.code = p.specialty_code
     where p.id = ${id}::bigint`.execute(db);
  return rows[0] ?? null;
}

/** The practitioner's places of consultation, with the place's phone or else the practitioner's. */
export async function listPlaces(db: Db, practitionerId: string): Promise<PlaceRow[]> {
  const { rows } = await sql<PlaceRow>`
    select pl.id::text as id, pl.name, pl.address, pl.postal_code as "postalCode", c.name as city,
           pl.latitude, pl.longitude, coalesce(pl.phone, p.phone) as phone
      from places pl
      join practitioners p on p.id = pl.practitioner_id
      join communes c on c.code = pl.commune_code
     where pl.practitioner_id = ${practitionerId}::bigint
     order by pl.id`.execute(db);
  return rows;
}

/** Online-bookable reasons, each with the places whose opening rules (not yet expired on `today`) offer it. */
export async function listBookableReasons(db: Db, practitionerId: string, lang: Language, now: Date): Promise<ReasonRow[]> {
  const en = lang === 'en';
  const { rows } = await sql<ReasonRow>`
    select r.id::text as id, ${sql.ref(en ? 'r.name_en' : 'r.name_fr')} as name, r.duration_minutes as "durationMinutes",
           r.price_cents as "priceCents", r.video, r.new_patients as "newPatients", r.min_age_years as "minAgeYears",
           r.max_age_years as "maxAgeYears", r.referral_required as "referralRequired", r.capacity,
           ${en ? sql`coalesce(r.instructions_en, r.instructions_fr)` : sql`r.instructions_fr`} as instructions,
           array(select o.place_id::text from opening_rules o
                  where o.practitioner_id = r.practitioner_id and o.reason_ids @> array[r.id]
                    and (o.valid_until is null or o.valid_until >= (${now}::timestamptz at time zone 'Europe/Paris')::date)
                  group by o.place_id order by o.place_id) as "placeIds"
      from visit_reasons r
     where r.practitioner_id = ${practitionerId}::bigint and r.online_bookable
     order by r.position, r.id`.execute(db);
  return rows;
}
