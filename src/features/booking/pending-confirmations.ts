/**
 * C9, after the question is put to the practice's software (confirm-appointment/pending.ts): the patient's page
 * reads where it stands, and the practice's software lists what waits and answers it (docs/api-booking.md
 * « Practices that confirm from their own software »). An answer is written under the practitioner's lock; accepting
 * books with the request stored then, exactly as a confirmation would have (`booking_confirm`).
 */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { displayPhone } from '../accounts/domain/phone.ts';
import { enqueueAppointmentNotification } from '../notifications/index.ts';
import type { StoredRequest } from './confirm-appointment/pending.ts';
import { writeConfirmation } from './confirm-appointment/repository.ts';
import { ConfirmationExpired, ConfirmationNotFound } from './errors.ts';
import { deleteHold } from './repository.ts';
import { inPractitionerTransaction } from './transaction.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type PendingStatus =
  | { status: 'waiting'; answerBy: Date }
  | { status: 'booked'; appointmentId: string }
  | { status: 'refused' }
  | { status: 'timed_out'; phone: string | null };

/** Where the account's booking request stands; another account's, or none → ConfirmationNotFound (404). */
export async function readPendingStatus(db: Db, accountId: string, holdId: string, now: Date): Promise<PendingStatus> {
  if (!UUID.test(holdId)) throw new ConfirmationNotFound();
  const { rows: [row] } = await sql<{ outcome: 'accepted' | 'refused' | null; answerBy: Date; phone: string | null }>`
    select c.outcome, c.answer_by as "answerBy", coalesce(pl.phone, p.phone) as phone
      from pending_confirmations c
      join practitioners p on p.id = c.practitioner_id
      left join places pl on pl.id = (c.request->>'placeId')::bigint
     where c.hold_id = ${holdId} and c.account_id = ${accountId}`.execute(db);
  if (!row) throw new ConfirmationNotFound();
  if (row.outcome === 'accepted') return { status: 'booked', appointmentId: holdId };
  if (row.outcome === 'refused') return { status: 'refused' };
  if (now.getTime() >= row.answerBy.getTime()) return { status: 'timed_out', phone: row.phone ? displayPhone(row.phone) : null };
  return { status: 'waiting', answerBy: row.answerBy };
}

export interface WaitingConfirmation {
  holdId: string; requestedAt: Date; answerBy: Date; start: Date; end: Date; placeId: string; reasonId: string;
  patient: { firstName: string | null; lastName: string | null; birthDate: string | null };
}

/** The practitioner's requests still waiting for an answer (before `answerBy`, hold still there), oldest first. */
export async function listWaitingConfirmations(db: Db, practitionerId: string, now: Date): Promise<WaitingConfirmation[]> {
  const { rows } = await sql<Omit<WaitingConfirmation, 'patient'> & { firstName: string | null; lastName: string | null; birthDate: string | null }>`
    select c.hold_id as "holdId", c.requested_at as "requestedAt", c.answer_by as "answerBy", a.starts_at as start,
           a.ends_at as end, a.place_id::text as "placeId", a.reason_id::text as "reasonId",
           pt.first_name as "firstName", pt.last_name as "lastName", pt.birth_date::text as "birthDate"
      from pending_confirmations c
      join appointments a on a.id = c.hold_id and a.status = 'held'
      join patients pt on pt.id = (c.request->>'patientId')::uuid
     where c.practitioner_id = ${practitionerId} and c.outcome is null and c.answer_by > ${now}
     order by c.requested_at, c.hold_id`.execute(db);
  return rows.map(({ firstName, lastName, birthDate, ...request }) => ({ ...request, patient: { firstName, lastName, birthDate } }));
}

export type PracticeAnswer =
  | { outcome: 'accepted'; appointment: { id: string; start: Date; end: Date } }
  | { outcome: 'refused' };

/**
 * The practice software's answer: accepting books the slot with its messages (E1), refusing releases the hold at
 * once. A request already answered answers the same again; after `answerBy` → ConfirmationExpired (410).
 */
export async function answerConfirmation(
  db: Db, practitionerId: string, holdId: string, accept: boolean, now: Date,
): Promise<PracticeAnswer> {
  if (!UUID.test(holdId)) throw new ConfirmationNotFound();
  return inPractitionerTransaction(db, practitionerId, async (trx) => {
    const asked = await trx.selectFrom('pending_confirmations')
      .select(['account_id', 'idempotency_key', 'request', 'answer_by', 'outcome'])
      .where('hold_id', '=', holdId).where('practitioner_id', '=', practitionerId)
      .forUpdate()
      .executeTakeFirst();
    if (!asked) throw new ConfirmationNotFound();
    if (asked.outcome === 'accepted') return { outcome: 'accepted', appointment: await appointmentTimes(trx, holdId) };
    if (asked.outcome === 'refused') return { outcome: 'refused' };
    if (now.getTime() >= asked.answer_by.getTime()) throw new ConfirmationExpired();
    if (!accept) {
      await deleteHold(trx, holdId);
      await markAnswered(trx, holdId, 'refused', now);
      return { outcome: 'refused' };
    }
    const request = asked.request as StoredRequest;
    const written = await writeConfirmation(trx, {
      holdId, practitionerId, accountId: asked.account_id, holdToken: null, patientId: request.patientId,
      idempotencyKey: asked.idempotency_key, referringPractitionerId: request.referringPractitionerId,
      instructionsAcceptedAt: request.instructionsAcceptedAt ? new Date(request.instructionsAcceptedAt) : null,
      replacedIds: request.replacedIds, fileToLink: request.fileToLink, planned: null, now,
    });
    // The hold released by the patient meanwhile, or their relative removed: nothing can be booked any more.
    if (written.outcome !== 'booked') throw new ConfirmationExpired();
    await enqueueAppointmentNotification(trx, { appointmentId: holdId, event: 'booked', now });
    for (const id of request.replacedIds) await enqueueAppointmentNotification(trx, { appointmentId: id, event: 'cancelled', now });
    await markAnswered(trx, holdId, 'accepted', now);
    return { outcome: 'accepted', appointment: await appointmentTimes(trx, holdId) };
  });
}

async function markAnswered(trx: Db, holdId: string, outcome: 'accepted' | 'refused', now: Date): Promise<void> {
  await trx.updateTable('pending_confirmations').set({ outcome, answered_at: now }).where('hold_id', '=', holdId).execute();
}

async function appointmentTimes(db: Db, appointmentId: string): Promise<{ id: string; start: Date; end: Date }> {
  return db.selectFrom('appointments').select(['id', 'starts_at as start', 'ends_at as end'])
    .where('id', '=', appointmentId).executeTakeFirstOrThrow();
}
