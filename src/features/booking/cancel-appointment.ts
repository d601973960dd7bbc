/**
 * « Annuler le RDV » (SPEC D3, D6): online only strictly more than 4 hours before the start, else the practice's
 * phone; a started appointment is past and stays as it is (nothing is ever deleted). Cancelling twice answers the
 * same cancelled appointment. One transaction under the practitioner's lock frees the time for everyone at once.
 */
import type { Db } from '../../platform/db/database.ts';
import type { Language } from '../../platform/i18n/catalogue.ts';
import { cancellationPolicy, isLateCancellation } from './domain/cancellation.ts';
import { BookingTargetNotFound, CancelTooLate } from './errors.ts';
import { AppointmentPast } from './my-appointments-errors.ts';
import { findAppointmentState, practicePhone, type AppointmentState } from './my-appointments.ts';
import { inPractitionerTransaction } from './transaction.ts';
import { enqueueAppointmentNotification } from '../notifications/index.ts';

/** Cancels the appointment (already checked to be the caller's, or named by a valid link); idempotent. */
export async function cancelAppointment(db: Db, target: AppointmentState, lang: Language, now: Date): Promise<void> {
  await inPractitionerTransaction(db, target.practitionerId, async (trx) => {
    const appointment = await findAppointmentState(trx, target.id, true);
    if (!appointment) throw new BookingTargetNotFound('appointment_not_found');
    if (appointment.status === 'cancelled') return;
    ensureCancellableOnline(appointment, lang, now, (phone) => new CancelTooLate(phone));
    await trx.updateTable('appointments').set({
      status: 'cancelled',
      cancelled_at: now,
      cancelled_by: 'patient',
      late_cancellation: isLateCancellation(appointment.start, now),
    }).where('id', '=', appointment.id).execute();
    await enqueueAppointmentNotification(trx, { appointmentId: appointment.id, event: 'cancelled', now });
  });
}

/**
 * A booked appointment may be given up online (cancelled, or moved away from) only more than 4 hours ahead:
 * past ones are refused, close ones name the practice's phone through `tooLate`.
 */
export function ensureCancellableOnline(
  appointment: AppointmentState, lang: Language, now: Date, tooLate: (phone: string) => Error,
): void {
  if (appointment.status !== 'booked') throw new AppointmentPast();
  const policy = cancellationPolicy(appointment.start, now);
  if (policy === 'past') throw new AppointmentPast();
  if (policy === 'phone_only') throw tooLate(practicePhone(appointment.phone, lang));
}
