/**
 * Erasing patient rows (a deleted relative, a deleted account): a row that other records still need
 * (an appointment, D6) is kept with its personal data erased; a row nothing points at is deleted.
 * Which tables point at `patients` is read from the PostgreSQL catalog, so later features
 * (appointments, documents…) are honoured without this file knowing them.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';

interface PatientReference {
  schema_name: string;
  table_name: string;
  column_name: string;
}

/**
 * Single-column foreign keys to `patients(id)` that keep their row attached (no action, restrict, cascade):
 * a reference that would merely be set null on deletion does not need the patient row.
 */
async function referencesToPatients(db: Kysely<Database>): Promise<PatientReference[]> {
  const result = await sql<PatientReference>`
    select n.nspname as schema_name, t.relname as table_name, a.attname as column_name
    from pg_constraint c
    join pg_class t on t.oid = c.conrelid
    join pg_namespace n on n.oid = t.relnamespace
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
    where c.contype = 'f'
      and c.confrelid = 'patients'::regclass
      and cardinality(c.conkey) = 1
      and c.confdeltype not in ('n', 'd')
    order by 1, 2, 3`.execute(db);
  return result.rows;
}

/** The ids among `patientIds` that some other row still references. Lock the patient rows first (see callers). */
export async function referencedPatientIds(db: Kysely<Database>, patientIds: readonly string[]): Promise<Set<string>> {
  if (patientIds.length === 0) return new Set();
  const references = await referencesToPatients(db);
  if (references.length === 0) return new Set();
  const isReferenced = sql.join(
    references.map((r) => sql`exists (select 1 from ${sql.id(r.schema_name, r.table_name)} x where x.${sql.id(r.column_name)} = p.id)`),
    sql` or `,
  );
  const result = await sql<{ id: string }>`
    select p.id from patients p where p.id = any(${[...patientIds]}::uuid[]) and (${isReferenced})`.execute(db);
  return new Set(result.rows.map((row) => row.id));
}

/** Locks patient rows so that no booking can attach to them while we decide (bookings take a key-share lock). */
export async function lockPatients(db: Kysely<Database>, patientIds: readonly string[]): Promise<void> {
  if (patientIds.length === 0) return;
  await db.selectFrom('patients').select('id').where('id', 'in', [...patientIds]).forUpdate().execute();
}

/** Every personal field of the rows erased; the row itself stays for the records that point at it (D6). */
export async function pseudonymisePatients(db: Kysely<Database>, patientIds: readonly string[], now: Date): Promise<void> {
  if (patientIds.length === 0) return;
  await db
    .updateTable('patients')
    .set({
      account_id: null,
      civility: null,
      first_name: null,
      last_name: null,
      birth_date: null,
      email: null,
      phone: null,
      phone_kind: null,
      address_line: null,
      postal_code: null,
      city: null,
      removed_at: sql<Date>`coalesce(removed_at, ${now})`,
      pseudonymised_at: now,
      updated_at: now,
    })
    .where('id', 'in', [...patientIds])
    .execute();
}

/**
 * Erases patient rows: deletes those nothing references, pseudonymises the others. The caller's
 * transaction must have locked them (lockPatients) so that the check stays true until commit.
 */
export async function erasePatients(
  db: Kysely<Database>,
  patientIds: readonly string[],
  now: Date,
): Promise<{ deleted: number; pseudonymised: number }> {
  const referenced = await referencedPatientIds(db, patientIds);
  const unreferenced = patientIds.filter((id) => !referenced.has(id));
  if (unreferenced.length > 0) await db.deleteFrom('patients').where('id', 'in', unreferenced).execute();
  await pseudonymisePatients(db, [...referenced], now);
  return { deleted: unreferenced.length, pseudonymised: referenced.size };
}
