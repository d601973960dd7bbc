/**
 * One appointment as the practice opens it (docs/api-practice.md « AppointmentDetail »): the appointment, the patient
 * (holder or relative, contacts, the holder of a relative) and its history with THIS practitioner only.
 */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { Language } from '../../platform/i18n/catalogue.ts';
import type { AgendaAppointment, AgendaStatus } from './agenda.ts';
import { isUuid } from './ids.ts';
import { PracticeRecordNotFound } from './errors.ts';
import { loadPatientCards, type PatientCard } from './patient-cards.ts';
import { patientNameSql } from './patient-names.ts';

export interface AppointmentDetail {
  appointment: AgendaAppointment & {
    place: { id: string; name: string | null; address: string; postalCode: string; city: string };
    reason: { id: string; label: string; durationMinutes: number; priceCents: number; video: boolean };
    bookedAt: string | null;
    cancelledAt: string | null;
    noShowDeclaredAt: string | null;
    movedTo: string | null;
  };
  patient: PatientCard | null;
  history: { id: string; start: string; end: string; status: AgendaStatus; reason: { id: string; label: string } }[];
}

interface DetailRow {
  id: string; start: Date; end: Date; status: AgendaStatus; source: 'online' | 'practice';
  placeId: string; placeName: string | null; address: string; postalCode: string; city: string;
  reasonId: string; reasonLabel: string; durationMinutes: number; priceCents: number; video: boolean;
  patientName: string | null; replacement: boolean; cancelledBy: 'patient' | 'practice' | null;
  bookedAt: Date | null; cancelledAt: Date | null; noShowDeclaredAt: Date | null; movedTo: string | null;
  patientId: string | null; fileId: string | null;
}

const HISTORY_LIMIT = 100;

/** The practitioner's appointment (never a hold) with its patient and their history here; else 404. */
export async function readAppointmentDetail(db: Db, practitionerId: string, appointmentId: string, lang: Language): Promise<AppointmentDetail> {
  if (!isUuid(appointmentId)) throw new PracticeRecordNotFound('appointment_not_found');
  const label = sql.ref(lang === 'en' ? 'r.name_en' : 'r.name_fr');
  const { rows: [row] } = await sql<DetailRow>`
    select a.id, a.starts_at as start, a.ends_at as end, a.status, a.source,
           pl.id::text as "placeId", pl.name as "placeName", pl.address, pl.postal_code as "postalCode", c.name as city,
           r.id::text as "reasonId", ${label} as "reasonLabel", r.duration_minutes as "durationMinutes",
           r.price_cents as "priceCents", r.video,
           ${patientNameSql} as "patientName",
           exists (select 1 from replacements x where x.practitioner_id = a.practitioner_id
                      and x.starts_at < a.ends_at and x.ends_at > a.starts_at) as replacement,
           a.cancelled_by as "cancelledBy", a.booked_at as "bookedAt", a.cancelled_at as "cancelledAt",
           a.no_show_declared_at as "noShowDeclaredAt", a.replaced_by as "movedTo",
           a.patient_id as "patientId",
           coalesce(a.patient_file_id, (select f.id from patient_files f
                                         where f.practitioner_id = a.practitioner_id and f.patient_id = a.patient_id)) as "fileId"
      from appointments a
      join places pl on pl.id = a.place_id
      join communes c on c.code = pl.commune_code
      join visit_reasons r on r.id = a.reason_id
     where a.id = ${appointmentId} and a.practitioner_id = ${practitionerId} and a.status <> 'held'`.execute(db);
  if (!row) throw new PracticeRecordNotFound('appointment_not_found');
  const [patient] = row.fileId
    ? await loadPatientCards(db, practitionerId, { fileIds: [row.fileId] })
    : await loadPatientCards(db, practitionerId, { patientIds: row.patientId ? [row.patientId] : [] });
  return {
    appointment: {
      id: row.id, start: row.start.toISOString(), end: row.end.toISOString(), status: row.status, source: row.source,
      placeId: row.placeId,
      place: { id: row.placeId, name: row.placeName, address: row.address, postalCode: row.postalCode, city: row.city },
      reason: { id: row.reasonId, label: row.reasonLabel, durationMinutes: row.durationMinutes, priceCents: row.priceCents, video: row.video },
      patient: row.patientName ? { name: row.patientName } : null,
      replacement: row.replacement, cancelledBy: row.cancelledBy,
      bookedAt: row.bookedAt?.toISOString() ?? null, cancelledAt: row.cancelledAt?.toISOString() ?? null,
      noShowDeclaredAt: row.noShowDeclaredAt?.toISOString() ?? null, movedTo: row.movedTo,
    },
    patient: patient ?? null,
    history: await readHistory(db, practitionerId, row, lang),
  };
}

/** The patient's other appointments with this practitioner (moves shown once, at their new time), most recent first. */
async function readHistory(db: Db, practitionerId: string, row: DetailRow, lang: Language): Promise<AppointmentDetail['history']> {
  if (!row.patientId && !row.fileId) return [];
  const label = sql.ref(lang === 'en' ? 'r.name_en' : 'r.name_fr');
  const { rows } = await sql<{ id: string; start: Date; end: Date; status: AgendaStatus; reasonId: string; reasonLabel: string }>`
    select a.id, a.starts_at as start, a.ends_at as end, a.status, r.id::text as "reasonId", ${label} as "reasonLabel"
      from appointments a join visit_reasons r on r.id = a.reason_id
     where a.practitioner_id = ${practitionerId} and a.id <> ${row.id} and a.status <> 'held'
       and not (a.status = 'cancelled' and a.replaced_by is not null)
       and (a.patient_id = ${row.patientId} or a.patient_file_id = ${row.fileId})
     order by a.starts_at desc, a.id
     limit ${HISTORY_LIMIT}`.execute(db);
  return rows.map((history) => ({
    id: history.id, start: history.start.toISOString(), end: history.end.toISOString(), status: history.status,
    reason: { id: history.reasonId, label: history.reasonLabel },
  }));
}
