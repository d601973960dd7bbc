/**
 * How the practice names the person an appointment `a` is for, in SQL: the Créneau patient's own name when Créneau
 * knows it, else the practice file's. Scalar subqueries on primary keys, so that a week view looks up its ~250
 * people by index instead of hashing whole tables.
 */
import { sql } from 'kysely';

export const patientNameSql = sql<string | null>`coalesce(
  (select nullif(trim(coalesce(pt.first_name, '') || ' ' || coalesce(pt.last_name, '')), '')
     from patients pt where pt.id = a.patient_id),
  (select nullif(trim(pf.first_name || ' ' || pf.last_name), '') from patient_files pf where pf.id = a.patient_file_id))`;
