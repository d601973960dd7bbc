/**
 * Blocking a patient on purpose (SPEC C5, J4): the practice's file on the patient carries `blocked_at`, which the
 * booking rules read; unblocking also forgives the no-shows declared so far (`no_shows_forgiven_at`, D5), so that it
 * lifts a block after three no-shows too. A practice may only block its own patients: someone with an appointment in
 * its agenda.
 * The file is created on first use with the patient's identity as Créneau knows it (the practice may correct it later).
 */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { countsTowardBlock, inPractitionerTransaction, NO_SHOWS_BEFORE_BLOCK } from '../booking/index.ts';
import { isUuid } from './ids.ts';
import { NotThisPracticesRecord } from './errors.ts';

/** Blocks online booking of the patient with the practitioner; blocking again keeps the first date. */
export async function blockPatient(db: Db, practitionerId: string, patientId: string, now: Date): Promise<void> {
  await changeBlock(db, practitionerId, patientId, now);
}

/** Lets the patient book online again: the practice's block is lifted and the no-shows so far forgiven (J4, D5). */
export async function unblockPatient(db: Db, practitionerId: string, patientId: string, now: Date): Promise<void> {
  if (!isUuid(patientId)) throw new NotThisPracticesRecord('patient_not_found');
  await inPractitionerTransaction(db, practitionerId, async (trx) => {
    await liftBlock(trx, await ensurePatientFile(trx, practitionerId, patientId), now);
  });
}

/** Sets `blocked_at` on the practitioner's file of the patient, creating the file if needed. */
async function changeBlock(db: Db, practitionerId: string, patientId: string, blockedAt: Date): Promise<void> {
  if (!isUuid(patientId)) throw new NotThisPracticesRecord('patient_not_found');
  await inPractitionerTransaction(db, practitionerId, async (trx) => {
    const fileId = await ensurePatientFile(trx, practitionerId, patientId);
    await trx.updateTable('patient_files')
      .set((eb) => ({ blocked_at: eb.fn.coalesce('blocked_at', eb.val(blockedAt)) }))
      .where('id', '=', fileId)
      .execute();
  });
}

/**
 * « Débloquer » inside the caller's transaction: a file blocked either way — by the practice, or by three no-shows
 * (D5) — loses its block and the no-shows declared so far stop counting; a file not blocked is left as it is.
 */
export async function liftBlock(trx: Db, fileId: string, now: Date): Promise<void> {
  await sql`
    update patient_files f set blocked_at = null, no_shows_forgiven_at = ${now}
     where f.id = ${fileId}
       and (f.blocked_at is not null
            or (select count(*) from appointments a
                 where a.practitioner_id = f.practitioner_id and a.status = 'no_show'
                   and (a.patient_id = f.patient_id or a.patient_file_id = f.id)
                   and ${countsTowardBlock('a', sql.ref('f.no_shows_forgiven_at'))}) >= ${NO_SHOWS_BEFORE_BLOCK})`.execute(trx);
}

/**
 * The practitioner's file on a patient of its agenda (inside the caller's transaction), created from the patient's
 * identity as Créneau knows it when missing; someone without an appointment here is « not found ».
 */
export async function ensurePatientFile(trx: Db, practitionerId: string, patientId: string): Promise<string> {
  if (!isUuid(patientId)) throw new NotThisPracticesRecord('patient_not_found');
  const existing = await trx.selectFrom('patient_files').select('id')
    .where('practitioner_id', '=', practitionerId).where('patient_id', '=', patientId)
    .executeTakeFirst();
  if (existing) return existing.id;
  await ensureKnownPatient(trx, practitionerId, patientId);
  const patient = await trx.selectFrom('patients')
    .select(['first_name', 'last_name', 'birth_date', 'email', 'phone'])
    .where('id', '=', patientId)
    .executeTakeFirstOrThrow();
  const created = await trx.insertInto('patient_files').values({
    practitioner_id: practitionerId,
    patient_id: patientId,
    first_name: patient.first_name ?? '',
    last_name: patient.last_name ?? '',
    birth_date: patient.birth_date,
    email: patient.email,
    phone: patient.phone,
  }).returning('id').executeTakeFirstOrThrow();
  return created.id;
}

/** A patient is the practice's own when it has an appointment (not a mere hold) in its agenda. */
async function ensureKnownPatient(trx: Db, practitionerId: string, patientId: string): Promise<void> {
  const known = await trx.selectFrom('appointments').select('id')
    .where('practitioner_id', '=', practitionerId)
    .where('patient_id', '=', patientId)
    .where('status', '<>', 'held')
    .limit(1)
    .executeTakeFirst();
  if (!known) throw new NotThisPracticesRecord('patient_not_found');
}
