/**
 * How the practice names the person an appointment is for, in SQL over `pt` (the Créneau patient, left joined) and
 * `pf` (the practice's file, left joined): the patient's own name when Créneau knows it, else the file's.
 */
import { sql } from 'kysely';

export const patientNameSql = sql<string | null>`nullif(trim(
  case when pt.first_name is not null or pt.last_name is not null
       then coalesce(pt.first_name, '') || ' ' || coalesce(pt.last_name, '')
       else coalesce(pf.first_name, '') || ' ' || coalesce(pf.last_name, '') end), '')`;
