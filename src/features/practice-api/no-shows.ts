/**
 * « Patient absent » declared by the practice (SPEC D5): the appointment becomes a no-show; the third one with the
 * same practitioner blocks that patient's online booking with them (the booking rules count them, domain/rules.ts).
 * One transaction under the practitioner's lock, like every write to an agenda.
 */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { countsTowardBlock, forgivenAtOf, inPractitionerTransaction } from '../booking/index.ts';
import { enqueueAppointmentNotification } from '../notifications/index.ts';
import { AppointmentNotStarted, AppointmentWasCancelled, NotThisPracticesRecord } from './errors.ts';
import { isUuid } from './ids.ts';

export interface DeclaredNoShow {
  appointmentId: string;
  declaredAt: Date;
  /** No-shows of this patient with this practitioner since last unblocked, this one included (0 without a patient). */
  noShowsWithPatient: number;
}

/** Declares the practitioner's started appointment missed; declaring it again changes nothing. */
export async function declareNoShow(db: Db, practitionerId: string, appointmentId: string, now: Date): Promise<DeclaredNoShow> {
  if (!isUuid(appointmentId)) throw new NotThisPracticesRecord('appointment_not_found');
  return inPractitionerTransaction(db, practitionerId, async (trx) => {
    const appointment = await trx.selectFrom('appointments')
      .select(['id', 'status', 'starts_at', 'patient_id', 'no_show_declared_at'])
      .where('id', '=', appointmentId)
      .where('practitioner_id', '=', practitionerId)
      .where('status', '<>', 'held')
      .forUpdate()
      .executeTakeFirst();
    if (!appointment) throw new NotThisPracticesRecord('appointment_not_found');
    if (appointment.status === 'cancelled') throw new AppointmentWasCancelled();
    let declaredAt = appointment.no_show_declared_at ?? now;
    if (appointment.status !== 'no_show') {
      if (appointment.starts_at.getTime() > now.getTime()) throw new AppointmentNotStarted();
      await trx.updateTable('appointments').set({ status: 'no_show', no_show_declared_at: now }).where('id', '=', appointmentId).execute();
      await enqueueAppointmentNotification(trx, { appointmentId, event: 'no_show', now });
      declaredAt = now;
    }
    const noShowsWithPatient = appointment.patient_id === null ? 0 : await countNoShows(trx, practitionerId, appointment.patient_id);
    return { appointmentId, declaredAt, noShowsWithPatient };
  });
}

/** The patient's no-shows that count toward the block with this practitioner (D5, after an unblock: J4). */
async function countNoShows(trx: Db, practitionerId: string, patientId: string): Promise<number> {
  const { rows: [row] } = await sql<{ count: number }>`
    select count(*)::int as count from appointments a
     where a.practitioner_id = ${practitionerId} and a.patient_id = ${patientId} and a.status = 'no_show'
       and ${countsTowardBlock('a', forgivenAtOf(sql.val(practitionerId), sql.val(patientId)))}`.execute(trx);
  return row!.count;
}
