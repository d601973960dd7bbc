/**
 * Appointments made, moved and cancelled by the practice (SPEC J3, D2, D3, C8): each ONE transaction under the
 * practitioner's agenda lock, like online holds and confirmations, and the exclusion constraint has the last word —
 * a desk booking racing a patient on one slot ends with exactly one of them, the other a clean 409 « slot_taken ».
 * The practice may book outside the online rules (new patients, reasons not bookable online, outside opening hours),
 * never on time already taken. There is no 4-hour rule for the practice; the patient is notified (E5).
 */
import type { Db } from '../../platform/db/database.ts';
import { deleteExpiredHolds, findSessionGroup, fitsCapacity, slotGroupFor, SlotTaken } from '../booking/index.ts';
import { enqueueAppointmentNotification } from '../notifications/index.ts';
import { ensurePatientFile } from '../practice-api/index.ts';
import { inAgendaTransaction } from './agenda-writes.ts';
import { isUuid } from './ids.ts';
import { AppointmentNotCancellable, AppointmentNotMovable, PracticeRecordNotFound, StartInPast, StartTooFar } from './errors.ts';
import { openPatientFile, type PatientFileInput } from './patient-files.ts';

/** Further ahead is a typing mistake (a follow-up a year later is common; ten years is not). */
const MAX_AHEAD_MS = 2 * 366 * 86_400_000;

export type DeskPatient = { fileId: string } | { patientId: string } | { new: PatientFileInput };

export interface DeskBooking {
  placeId: string;
  reasonId: string;
  start: Date;
  patient: DeskPatient;
}

interface Slot {
  placeId: string;
  reasonId: string;
  start: Date;
}

/** Who an appointment is for: the practice's file, and the Créneau patient and account behind it when linked. */
interface BookedFor {
  fileId: string | null;
  patientId: string | null;
  accountId: string | null;
}


/** Books a desk or phone appointment; returns its id. */
export async function createDeskAppointment(db: Db, practitionerId: string, booking: DeskBooking, now: Date): Promise<string> {
  ensureBookableStart(booking.start, now);
  return inAgendaTransaction(db, practitionerId, async (trx) => {
    await deleteExpiredHolds(trx, now, practitionerId);
    const who = await resolveDeskPatient(trx, practitionerId, booking.patient, now);
    const id = await insertBooked(trx, practitionerId, booking, who, { source: 'practice', now });
    await enqueueAppointmentNotification(trx, { appointmentId: id, event: 'booked', now });
    return id;
  });
}

/** Moves an upcoming booked appointment: a new one at the new time, the old one cancelled by the practice. */
export async function moveByPractice(
  db: Db, practitionerId: string, appointmentId: string, target: { start: Date; placeId?: string; reasonId?: string }, now: Date,
): Promise<string> {
  if (!isUuid(appointmentId)) throw new PracticeRecordNotFound('appointment_not_found');
  ensureBookableStart(target.start, now);
  return inAgendaTransaction(db, practitionerId, async (trx) => {
    await deleteExpiredHolds(trx, now, practitionerId);
    const old = await findOwnAppointment(trx, practitionerId, appointmentId);
    if (old.status !== 'booked' || old.starts_at.getTime() <= now.getTime()) throw new AppointmentNotMovable();
    // Cancelled first, so that the new time may overlap the old one.
    await trx.updateTable('appointments').set({ status: 'cancelled', cancelled_at: now, cancelled_by: 'practice' })
      .where('id', '=', old.id).execute();
    const sameReason = (target.reasonId ?? old.reason_id) === old.reason_id;
    const newId = await insertBooked(trx, practitionerId, {
      placeId: target.placeId ?? old.place_id, reasonId: target.reasonId ?? old.reason_id, start: target.start,
    }, { fileId: old.patient_file_id, patientId: old.patient_id, accountId: old.account_id }, {
      source: old.source, now,
      referringPractitionerId: old.referring_practitioner_id,
      instructionsAcceptedAt: sameReason ? old.instructions_accepted_at : null,
    });
    await trx.updateTable('appointments').set({ replaced_by: newId }).where('id', '=', old.id).execute();
    await enqueueAppointmentNotification(trx, { appointmentId: newId, event: 'moved', now });
    return newId;
  });
}

/** Cancels an upcoming booked appointment for the practice; cancelling again changes nothing. */
export async function cancelByPractice(db: Db, practitionerId: string, appointmentId: string, now: Date): Promise<void> {
  if (!isUuid(appointmentId)) throw new PracticeRecordNotFound('appointment_not_found');
  await inAgendaTransaction(db, practitionerId, async (trx) => {
    const appointment = await findOwnAppointment(trx, practitionerId, appointmentId);
    if (appointment.status === 'cancelled') return;
    if (appointment.status !== 'booked' || appointment.starts_at.getTime() <= now.getTime()) throw new AppointmentNotCancellable();
    await trx.updateTable('appointments').set({ status: 'cancelled', cancelled_at: now, cancelled_by: 'practice' })
      .where('id', '=', appointment.id).execute();
    await enqueueAppointmentNotification(trx, { appointmentId: appointment.id, event: 'cancelled', now });
  });
}

/** The practice books from now on, at most two years ahead. */
function ensureBookableStart(start: Date, now: Date): void {
  if (start.getTime() < now.getTime()) throw new StartInPast();
  if (start.getTime() - now.getTime() > MAX_AHEAD_MS) throw new StartTooFar();
}

/** The practitioner's appointment (never a hold), locked for this transaction; else 404. */
async function findOwnAppointment(trx: Db, practitionerId: string, appointmentId: string) {
  const row = await trx.selectFrom('appointments')
    .select([
      'id', 'status', 'starts_at', 'place_id', 'reason_id', 'source', 'patient_id', 'account_id', 'patient_file_id',
      'referring_practitioner_id', 'instructions_accepted_at',
    ])
    .where('id', '=', appointmentId).where('practitioner_id', '=', practitionerId).where('status', '<>', 'held')
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new PracticeRecordNotFound('appointment_not_found');
  return row;
}

/** The file the desk booking is made on, and the Créneau patient and account behind it. */
async function resolveDeskPatient(trx: Db, practitionerId: string, patient: DeskPatient, now: Date): Promise<BookedFor> {
  let fileId: string;
  if ('new' in patient) fileId = (await openPatientFile(trx, practitionerId, patient.new, now)).fileId;
  else if ('patientId' in patient) fileId = await ensurePatientFile(trx, practitionerId, patient.patientId);
  else fileId = patient.fileId;
  if (!isUuid(fileId)) throw new PracticeRecordNotFound('patient_not_found');
  const file = await trx.selectFrom('patient_files as pf')
    .leftJoin('patients as pt', 'pt.id', 'pf.patient_id')
    .select(['pf.id', 'pf.patient_id', 'pt.account_id'])
    .where('pf.id', '=', fileId).where('pf.practitioner_id', '=', practitionerId)
    .executeTakeFirst();
  if (!file) throw new PracticeRecordNotFound('patient_not_found');
  return { fileId: file.id, patientId: file.patient_id, accountId: file.account_id ?? null };
}

/**
 * Inserts a booked row at `slot` for the reason's duration: a group reason (C7) joins the session already on that
 * exact slot while places are left; any other overlap is refused by the exclusion constraint (23P01 → SlotTaken).
 */
async function insertBooked(
  trx: Db, practitionerId: string, slot: Slot, who: BookedFor,
  extra: { source: 'online' | 'practice'; now: Date; referringPractitionerId?: string | null; instructionsAcceptedAt?: Date | null },
): Promise<string> {
  const place = await trx.selectFrom('places').select('id')
    .where('id', '=', slot.placeId).where('practitioner_id', '=', practitionerId).executeTakeFirst();
  if (!place) throw new PracticeRecordNotFound('place_not_found');
  const reason = await trx.selectFrom('visit_reasons').select(['id', 'duration_minutes', 'capacity'])
    .where('id', '=', slot.reasonId).where('practitioner_id', '=', practitionerId).executeTakeFirst();
  if (!reason) throw new PracticeRecordNotFound('reason_not_found');
  const end = new Date(slot.start.getTime() + reason.duration_minutes * 60_000);
  const slotGroup = await groupOf(trx, practitionerId, slot, end, reason.capacity);
  const row = await trx.insertInto('appointments').values({
    practitioner_id: practitionerId,
    place_id: slot.placeId,
    reason_id: slot.reasonId,
    starts_at: slot.start,
    ends_at: end,
    status: 'booked',
    booked_at: extra.now,
    source: extra.source,
    patient_file_id: who.fileId,
    patient_id: who.patientId,
    account_id: who.accountId,
    referring_practitioner_id: extra.referringPractitionerId ?? null,
    instructions_accepted_at: extra.instructionsAcceptedAt ?? null,
    ...(slotGroup ? { slot_group: slotGroup } : {}),
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** The group session to join for a reason with capacity > 1 (full → SlotTaken), or null for a one-patient reason. */
async function groupOf(trx: Db, practitionerId: string, slot: Slot, end: Date, capacity: number): Promise<string | null> {
  if (capacity <= 1) return null;
  const session = { practitionerId, placeId: slot.placeId, reasonId: slot.reasonId, start: slot.start, end };
  const group = await findSessionGroup(trx, session);
  if (group !== null) {
    const live = await trx.selectFrom('appointments').select((eb) => eb.fn.countAll<string>().as('count'))
      .where('practitioner_id', '=', practitionerId).where('slot_group', '=', group).where('status', 'in', ['held', 'booked'])
      .executeTakeFirstOrThrow();
    if (!fitsCapacity(Number(live.count), capacity)) throw new SlotTaken();
  }
  return slotGroupFor({ id: slot.reasonId, capacity }, slot.start, group);
}
