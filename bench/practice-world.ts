/**
 * The world of `npm run bench:practice`: busy agendas written in a few set-based statements (40 appointments of
 * 15 minutes a day, Monday to Saturday, four weeks past and five ahead, on the practices' patient files), and one
 * practitioner alone in Strasbourg for the « hours change → next search » check.
 */
import { sql } from 'kysely';
import type { Db } from '../src/platform/db/database.ts';
import { addDays, localDateAt } from '../src/features/availability/index.ts';

const FILES_PER_PRACTITIONER = 150;

export interface BusyWorld {
  /** The practitioner whose agenda is read (the 7 days from today). */
  busiest: string;
  appointments: number;
  perWeekOfBusiest: number;
  holds: number;
}

/** `count` general practitioners in Nantes, each with a full agenda around the week of `monday`. */
export async function createBusyAgendas(db: Db, count: number, monday: string, now: Date): Promise<BusyWorld> {
  const localToday = localDateAt(now.getTime());
  const { rows } = await sql<{ id: string }>`
    insert into practitioners (rpps, civility, title, first_name, last_name, profession_code, specialty_code, sector, phone)
    select lpad((90000000000 + g)::text, 11, '0'), 'MME', 'DR', 'Claire', 'Occupée' || g, '10', 'SM54', '1', '+33240000000'
      from generate_series(1, ${count}) g
    returning id::text`.execute(db);
  const ids = rows.map((row) => row.id);
  await sql`
    insert into places (practitioner_id, address, postal_code, commune_code, latitude, longitude)
    select id, (id % 90 + 1) || ' rue de Strasbourg', '44000', '44109', 47.2181 + (id % 50) * 0.001, -1.5528
      from practitioners where id = any(${ids}::bigint[])`.execute(db);
  await sql`
    insert into visit_reasons (practitioner_id, name_fr, name_en, duration_minutes, price_cents, position)
    select p.id, v.name_fr, v.name_en, v.minutes, v.price, v.position
      from practitioners p
     cross join (values ('Consultation', 'Consultation', 15, 2650, 0), ('Suivi', 'Follow-up', 30, 2650, 1),
                        ('Première consultation', 'First consultation', 45, 5000, 2)) v(name_fr, name_en, minutes, price, position)
     where p.id = any(${ids}::bigint[])`.execute(db);
  await sql`
    insert into opening_rules (practitioner_id, place_id, weekday, start_time, end_time, reason_ids)
    select pl.practitioner_id, pl.id, w, t.start_time, t.end_time,
           (select array_agg(r.id) from visit_reasons r where r.practitioner_id = pl.practitioner_id)
      from places pl
     cross join generate_series(1, 6) w
     cross join (values (time '08:00', time '12:30'), (time '13:30', time '19:30')) t(start_time, end_time)
     where pl.practitioner_id = any(${ids}::bigint[])`.execute(db);
  await sql`
    insert into patient_files (practitioner_id, first_name, last_name, birth_date, phone)
    select p.id, (array['Léa','Hugo','Chloé','Louis','Emma','Jules','Inès','Noah'])[1 + f % 8], 'Patient' || chr(65 + f % 26) || chr(65 + (f / 26) % 26),
           date '1950-01-01' + (f * 97 % 25000), '+3361' || lpad((p.id * 1000 + f)::text, 7, '0')
      from practitioners p cross join generate_series(1, ${FILES_PER_PRACTITIONER}) f
     where p.id = any(${ids}::bigint[])`.execute(db);
  const first = addDays(monday, -28);
  const last = addDays(monday, 34);
  await sql`
    insert into appointments (practitioner_id, place_id, reason_id, starts_at, ends_at, status, source, patient_file_id,
                              booked_at, no_show_declared_at, cancelled_at, cancelled_by)
    select p.id, pl.id, r.id, s.start, s.start + interval '15 minutes',
           case when s.cancelled then 'cancelled' when s.start >= ${now} then 'booked' when (n + d::date - date '2000-01-01') % 20 = 0 then 'no_show' else 'done' end,
           case when n % 3 = 0 then 'practice' else 'online' end,
           f.ids[1 + (n * 7 + (d::date - date '2000-01-01')) % ${FILES_PER_PRACTITIONER}],
           s.start - interval '10 days',
           case when not s.cancelled and s.start < ${now} and (n + d::date - date '2000-01-01') % 20 = 0 then s.start + interval '1 hour' end,
           case when s.cancelled then s.start - interval '2 days' end,
           case when s.cancelled then 'patient' end
      from practitioners p
      join places pl on pl.practitioner_id = p.id
      join lateral (select id from visit_reasons where practitioner_id = p.id order by duration_minutes limit 1) r on true
      join lateral (select array_agg(id order by id) as ids from patient_files where practitioner_id = p.id) f on true
     cross join generate_series(${first}::date, ${last}::date, interval '1 day') d
     cross join generate_series(0, 41) n
     cross join lateral (
       select ((d::date + case when n < 18 then time '08:00' + n * interval '15 minutes'
                               when n < 40 then time '13:30' + (n - 18) * interval '15 minutes'
                               else time '09:00' + (n - 40) * interval '4 hours' end) at time zone 'Europe/Paris') as start,
              n >= 40 as cancelled) s
     where extract(isodow from d) < 7 and p.id = any(${ids}::bigint[])`.execute(db);
  const busiest = ids[0]!;
  // A few patients confirming online right now, on the evening gap (19:00–19:30) of the coming days.
  const holds = await sql`
    insert into appointments (practitioner_id, place_id, reason_id, starts_at, ends_at, status, hold_expires_at)
    select pl.practitioner_id, pl.id, r.id, s.start, s.start + interval '15 minutes', 'held', ${new Date(now.getTime() + 14 * 60_000)}
      from places pl
      join lateral (select id from visit_reasons where practitioner_id = pl.practitioner_id order by duration_minutes limit 1) r on true
     cross join generate_series(1, 3) k
     cross join lateral (select ((${localToday}::date + k + time '19:00') at time zone 'Europe/Paris') as start) s
     where pl.practitioner_id = ${busiest} and s.start > ${now}`.execute(db);
  const { rows: [counts] } = await sql<{ all: string; week: string }>`
    select (select count(*) from appointments) as all,
           (select count(*) from appointments where practitioner_id = ${busiest} and status <> 'held'
               and starts_at >= (${localToday}::date at time zone 'Europe/Paris')
               and starts_at < ((${localToday}::date + 7) at time zone 'Europe/Paris')) as week`.execute(db);
  return { busiest, appointments: Number(counts!.all), perWeekOfBusiest: Number(counts!.week), holds: Number(holds.numAffectedRows ?? 0) };
}

/** One practitioner alone in Strasbourg, open every day all day for one 15-minute reason. */
export async function createSearchedAgenda(db: Db) {
  const { rows: [practitioner] } = await sql<{ id: string }>`
    insert into practitioners (rpps, civility, title, first_name, last_name, profession_code, specialty_code, sector)
    values ('99999999999', 'M', 'DR', 'Jean', 'Cherché', '10', 'SM54', '1') returning id::text`.execute(db);
  const practitionerId = practitioner!.id;
  const place = await db.insertInto('places').values({
    practitioner_id: practitionerId, address: '1 place Kléber', postal_code: '67000', commune_code: '67482', latitude: 48.5834, longitude: 7.7458,
  }).returning('id').executeTakeFirstOrThrow();
  const reason = await db.insertInto('visit_reasons').values({
    practitioner_id: practitionerId, name_fr: 'Consultation', name_en: 'Consultation', duration_minutes: 15, price_cents: 2650,
  }).returning('id').executeTakeFirstOrThrow();
  await sql`insert into opening_rules (practitioner_id, place_id, weekday, start_time, end_time, reason_ids)
    select ${practitionerId}, ${place.id}, w, '00:00', '24:00', array[${reason.id}::bigint] from generate_series(1, 7) w`.execute(db);
  const { rows: [specialty] } = await sql<{ slug: string }>`select slug from specialties where code = 'SM54'`.execute(db);
  return { practitionerId, placeId: place.id, reasonId: reason.id, communeCode: '67482', specialtySlug: specialty!.slug };
}
