/**
 * Which declared no-shows count toward the block of online booking (D5): those declared after the practice last
 * unblocked the patient (`patient_files.no_shows_forgiven_at`, J4). Every count that feeds the rule or shows it —
 * booking, the practice's answers and cards, the no-show email — uses this one condition.
 */
import { sql, type RawBuilder } from 'kysely';

/**
 * SQL: the no-show row `appointment` (an alias of appointments) was declared after `forgivenAt` (null: never
 * forgiven); a row without a declaration date (imported ones) counts by its start.
 */
export function countsTowardBlock(appointment: string, forgivenAt: RawBuilder<unknown>): RawBuilder<boolean> {
  const declared = sql`coalesce(${sql.ref(`${appointment}.no_show_declared_at`)}, ${sql.ref(`${appointment}.starts_at`)})`;
  return sql<boolean>`${declared} > coalesce(${forgivenAt}, '-infinity'::timestamptz)`;
}

/** SQL: when the practitioner's file on that patient last forgave its no-shows (null: never, or no file). */
export function forgivenAtOf(practitionerId: RawBuilder<unknown>, patientId: RawBuilder<unknown>): RawBuilder<Date | null> {
  return sql<Date | null>`(select f.no_shows_forgiven_at from patient_files f
                            where f.practitioner_id = ${practitionerId} and f.patient_id = ${patientId})`;
}
