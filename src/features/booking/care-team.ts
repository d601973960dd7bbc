/**
 * « Mon équipe soignante » (SPEC A8): the practitioners the account's patients (holder and relatives) have booked
 * with — a booked, seen or missed appointment; cancelled ones do not count. Removing one from the list hides it
 * without touching any appointment; a booking made after the removal shows it again.
 * « Activer l'historique » (accounts.care_history_enabled) widens the list to everyone ever consulted; switched off,
 * it holds practitioners with an upcoming appointment or one that started within the last 12 months
 * (docs/decisions.md « Booking — managing appointments »).
 */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { Language } from '../../platform/i18n/catalogue.ts';
import { practitionerDisplayName } from '../practitioners/domain/display-name.ts';
import { NotInCareTeam } from './my-appointments-errors.ts';

/** Without the history switched on, the list forgets practitioners last seen longer ago than this. */
export const CARE_TEAM_RECENT_MONTHS = 12;

export interface CareTeamMember {
  id: string;
  name: string;
  specialty: string;
  /** The commune of the place of the latest appointment with them. */
  city: string;
  /** Start of the latest appointment that has begun, or null when they have only upcoming ones. */
  lastAppointment: string | null;
}

interface CareTeamRow {
  id: string;
  title: 'DR' | 'PR' | null;
  firstName: string;
  lastName: string;
  specialty: string;
  city: string;
  lastAppointment: Date | null;
}

/** The account's care team, latest appointment first, and whether the history is switched on. */
export async function listCareTeam(
  db: Db, accountId: string, lang: Language, now: Date,
): Promise<{ practitioners: CareTeamMember[]; historyEnabled: boolean }> {
  const account = await db.selectFrom('accounts').select('care_history_enabled').where('id', '=', accountId).executeTakeFirst();
  const historyEnabled = account?.care_history_enabled ?? false;
  const recentSince = monthsBefore(now, CARE_TEAM_RECENT_MONTHS);
  const { rows } = await sql<CareTeamRow>`
    with team as (
      select a.practitioner_id,
             max(a.starts_at) filter (where a.starts_at <= ${now}) as last_appointment,
             max(a.starts_at) as latest_start,
             bool_or(a.status = 'booked' and a.starts_at > ${now}) as has_upcoming,
             max(coalesce(a.booked_at, a.created_at)) as latest_booked_at,
             (array_agg(a.place_id order by a.starts_at desc))[1] as latest_place_id
        from appointments a
        join patients pt on pt.id = a.patient_id
       where pt.account_id = ${accountId} and a.status in ('booked', 'done', 'no_show')
       group by a.practitioner_id
    )
    select p.id::text as id, p.title, p.first_name as "firstName", p.last_name as "lastName",
           ${sql.ref(lang === 'en' ? 's.label_en' : 's.label_fr')} as specialty, c.name as city,
           team.last_appointment as "lastAppointment"
      from team
      join practitioners p on p.id = team.practitioner_id
      join specialties s on s.code = p.specialty_code
      join places pl on pl.id = team.latest_place_id
      join communes c on c.code = pl.commune_code
      left join care_team_hidden h on h.account_id = ${accountId} and h.practitioner_id = team.practitioner_id
     where (h.hidden_at is null or h.hidden_at < team.latest_booked_at)
       and (${historyEnabled} or team.has_upcoming or team.latest_start >= ${recentSince})
     order by team.latest_start desc, p.id`.execute(db);
  return { practitioners: rows.map(toMember), historyEnabled };
}

/** Hides the practitioner from the account's list (appointments untouched); hiding again moves the date on. */
export async function hideFromCareTeam(db: Db, accountId: string, practitionerId: string, now: Date): Promise<void> {
  if (!/^[0-9]{1,18}$/.test(practitionerId)) throw new NotInCareTeam();
  const { rows } = await sql<{ found: number }>`
    select 1 as found from appointments a join patients pt on pt.id = a.patient_id
     where pt.account_id = ${accountId} and a.practitioner_id = ${practitionerId}::bigint
       and a.status in ('booked', 'done', 'no_show')
     limit 1`.execute(db);
  if (!rows.length) throw new NotInCareTeam();
  await db.insertInto('care_team_hidden')
    .values({ account_id: accountId, practitioner_id: practitionerId, hidden_at: now })
    .onConflict((oc) => oc.columns(['account_id', 'practitioner_id']).doUpdateSet({ hidden_at: now }))
    .execute();
}

function toMember(row: CareTeamRow): CareTeamMember {
  return {
    id: row.id,
    name: practitionerDisplayName(row),
    specialty: row.specialty,
    city: row.city,
    lastAppointment: row.lastAppointment?.toISOString() ?? null,
  };
}

/** The same instant `months` calendar months earlier (UTC arithmetic: a day either way does not matter here). */
function monthsBefore(now: Date, months: number): Date {
  const earlier = new Date(now);
  earlier.setUTCMonth(earlier.getUTCMonth() - months);
  return earlier;
}
