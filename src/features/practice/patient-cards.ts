/**
 * The practice's view of a patient (docs/api-practice.md « PatientCard »): its file (identity as the practice knows
 * it, blocks, E4 switch) and, when linked, the Créneau patient behind it — contacts, and the account holder when the
 * patient is a relative (A7) — and whether online booking is refused: blocked by the practice, or after three
 * no-shows declared since the patient was last unblocked (D5, J4). One query for any number of files or patients.
 */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { countsTowardBlock, NO_SHOWS_BEFORE_BLOCK } from '../booking/index.ts';

export interface PatientCard {
  fileId: string | null;
  patientId: string | null;
  civility: 'mme' | 'm' | null;
  firstName: string;
  lastName: string;
  birthDate: string | null;
  email: string | null;
  phone: string | null;
  linkedAccount: boolean;
  /** Blocked on purpose by the practice. */
  blocked: boolean;
  /** Online booking refused after three no-shows (D5); unblocking lifts it too. */
  blockedAfterNoShows: boolean;
  notificationsOff: boolean;
  /** No-shows declared by this practitioner since the patient was last unblocked (the history lists them all). */
  noShows: number;
  /** When unblocking last forgave the no-shows declared before it, or null. */
  noShowsForgivenAt: string | null;
  relativeOf: { firstName: string | null; lastName: string | null; email: string | null; phone: string | null } | null;
}

type CardRow = Omit<PatientCard, 'blockedAfterNoShows' | 'noShowsForgivenAt'> & {
  noShowsForgivenAt: Date | null;
  position: number;
};

/** The cards of these files and Créneau patients (of this practitioner only), files first in the given order. */
export async function loadPatientCards(
  db: Db, practitionerId: string, refs: { fileIds?: readonly string[]; patientIds?: readonly string[] },
): Promise<PatientCard[]> {
  const fileIds = [...(refs.fileIds ?? [])];
  const patientIds = [...(refs.patientIds ?? [])];
  if (!fileIds.length && !patientIds.length) return [];
  const { rows } = await sql<CardRow>`
    with refs as (
      select pf.id as file_id, pf.patient_id, array_position(${fileIds}::uuid[], pf.id) as position
        from patient_files pf where pf.practitioner_id = ${practitionerId} and pf.id = any(${fileIds}::uuid[])
      union
      select pf.id, pt.id, ${fileIds.length} + array_position(${patientIds}::uuid[], pt.id)
        from patients pt left join patient_files pf on pf.practitioner_id = ${practitionerId} and pf.patient_id = pt.id
       where pt.id = any(${patientIds}::uuid[])
    )
    select distinct on (coalesce(r.file_id::text, r.patient_id::text))
           r.file_id as "fileId", r.patient_id as "patientId", coalesce(pf.civility, pt.civility) as civility,
           coalesce(pf.first_name, pt.first_name, '') as "firstName", coalesce(pf.last_name, pt.last_name, '') as "lastName",
           coalesce(pf.birth_date, pt.birth_date) as "birthDate",
           coalesce(pf.email, case when pt.is_holder then ac.email else pt.email end) as email,
           coalesce(pf.phone, case when pt.is_holder then ac.phone else pt.phone end) as phone,
           pt.account_id is not null as "linkedAccount",
           pf.blocked_at is not null as blocked,
           coalesce(pf.notifications_off, false) as "notificationsOff",
           (select count(*)::int from appointments a
             where a.practitioner_id = ${practitionerId} and a.status = 'no_show'
               and (a.patient_id = r.patient_id or a.patient_file_id = r.file_id)
               and ${countsTowardBlock('a', sql.ref('pf.no_shows_forgiven_at'))}) as "noShows",
           pf.no_shows_forgiven_at as "noShowsForgivenAt",
           case when pt.is_holder = false and pt.account_id is not null
                then json_build_object('firstName', h.first_name, 'lastName', h.last_name, 'email', ac.email, 'phone', ac.phone)
           end as "relativeOf",
           r.position
      from refs r
      left join patient_files pf on pf.id = r.file_id
      left join patients pt on pt.id = r.patient_id
      left join accounts ac on ac.id = pt.account_id
      left join patients h on h.account_id = pt.account_id and h.is_holder
     order by coalesce(r.file_id::text, r.patient_id::text), r.position`.execute(db);
  return rows.sort((a, b) => a.position - b.position).map(({ position: _, noShowsForgivenAt, ...card }) => ({
    ...card,
    blockedAfterNoShows: card.noShows >= NO_SHOWS_BEFORE_BLOCK,
    noShowsForgivenAt: noShowsForgivenAt?.toISOString() ?? null,
  }));
}
