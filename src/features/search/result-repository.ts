/**
 * What a results card shows (SPEC B3, B7): name, specialty, sector, the listed place, whether video consultations
 * are offered, and the reason whose next slots are shown. SQL fragments joined to the page of results
 * (search-repository.ts), so that a page and its cards take one query.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Sector } from '../../platform/db/schema.ts';
import type { Language } from '../../platform/i18n/catalogue.ts';

export interface ResultCardRow {
  practitionerId: string;
  title: 'DR' | 'PR' | null;
  firstName: string;
  lastName: string;
  specialty: string;
  sector: Sector;
  onlineBooking: boolean;
  phone: string | null;
  video: boolean;
  placeId: string;
  placeName: string | null;
  address: string;
  postalCode: string;
  city: string;
  latitude: number;
  longitude: number;
  /** The reason whose slots are shown: the chosen kind (or a video one) offered online at that place, else the first. */
  reasonId: string | null;
}

export interface ReasonPreference {
  /** Reason-kind code chosen by the patient, if any. */
  kind: string | null;
  video: boolean;
}

/** Columns and joins of the cards, for rows `page(id, place_id)`. */
export interface ResultCardsSql {
  columns: RawBuilder<unknown>;
  joins: RawBuilder<unknown>;
}

/** The cards of the practitioners of `page`, labelled in `lang`, showing the slots of the preferred reason. */
export function resultCardsSql(preference: ReasonPreference, lang: Language): ResultCardsSql {
  const label = sql.ref(lang === 'en' ? 's.label_en' : 's.label_fr');
  const kindCondition = preference.kind ? sql`and r.kind_code = ${preference.kind}` : sql``;
  const videoCondition = preference.video ? sql`and r.video` : sql``;
  return {
    columns: sql`p.id::text as "practitionerId", p.title, p.first_name as "firstName", p.last_name as "lastName",
      ${label} as specialty, p.sector, p.online_booking and pl.online_booking as "onlineBooking", coalesce(pl.phone, p.phone) as phone,
      exists (select 1 from visit_reasons r where r.practitioner_id = p.id and r.online_bookable and r.video) as video,
      pl.id::text as "placeId", pl.name as "placeName", pl.address, pl.postal_code as "postalCode", c.name as city,
      pl.latitude, pl.longitude,
      case when p.online_booking and pl.online_booking then (
        select r.id::text from visit_reasons r
         where r.practitioner_id = p.id and r.online_bookable ${kindCondition} ${videoCondition}
           and exists (select 1 from opening_rules o
                        where o.practitioner_id = p.id and o.place_id = pl.id and o.reason_ids @> array[r.id])
         order by r.position, r.id limit 1)
      end as "reasonId"`,
    joins: sql`join practitioners p on p.id = page.id
      join specialties s on s.code = p.specialty_code
      join places pl on pl.id = page.place_id
      join communes c on c.code = pl.commune_code`,
  };
}
