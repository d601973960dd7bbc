/**
 * Bookings in bulk for the notification crash test and bench: accounts, holders and booked appointments written
 * directly (hashing passwords and holding slots is not what they measure), then each booking's intents written by
 * the real `enqueueAppointmentNotification`, in transactions of several bookings — the booking path's last step.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../src/platform/db/database.ts';
import { insertAgenda, insertReferenceRows, type AgendaFixture } from '../../src/features/availability/agenda-fixtures.ts';
import { enqueueAppointmentNotification } from '../../src/features/notifications/index.ts';

export interface SeededBooking {
  appointmentId: string;
  email: string;
  practitionerId: string;
  accountId: string;
  patientId: string;
  start: Date;
}

/** Practitioners to spread the appointments over (30-minute slots back to back, never overlapping). */
export async function seedAgendas(db: Db, count: number): Promise<AgendaFixture[]> {
  await insertReferenceRows(db);
  const agendas: AgendaFixture[] = [];
  for (let i = 0; i < count; i++) agendas.push(await insertAgenda(db, { weekdays: [] }));
  return agendas;
}

/**
 * `count` booked appointments (from `firstStart`, 30 minutes apart per agenda), each for a new account with its own
 * email and a landline (no SMS reminders: the crash test and the bench count emails). Not yet notified.
 */
export async function seedBookedAppointments(
  db: Db, agendas: readonly AgendaFixture[], count: number, firstStart: Date, offset = 0,
): Promise<SeededBooking[]> {
  const tag = randomBytes(4).toString('hex');
  const emails = Array.from({ length: count }, (_, i) => `bench-${tag}-${i}@example.fr`);
  const { rows: accounts } = await sql<{ id: string; email: string }>`
    insert into accounts (email, phone, phone_kind, phone_verified_at, password_hash, terms_accepted_at, privacy_accepted_at)
    select e, '+33240000000', 'landline', now(), 'not-a-hash', now(), now() from unnest(${emails}::text[]) as e
    returning id, email`.execute(db);
  const { rows: patients } = await sql<{ id: string; account_id: string }>`
    insert into patients (account_id, is_holder, first_name, last_name, birth_date)
    select id, true, 'Camille', 'Martin', '1990-04-12' from unnest(${accounts.map((a) => a.id)}::uuid[]) as id
    returning id, account_id`.execute(db);
  const patientOf = new Map(patients.map((p) => [p.account_id, p.id]));
  const rows = accounts.map((account, i) => {
    const agenda = agendas[(offset + i) % agendas.length]!;
    const slot = Math.floor((offset + i) / agendas.length);
    const start = new Date(firstStart.getTime() + slot * 30 * 60_000);
    return { agenda, start, end: new Date(start.getTime() + 30 * 60_000), accountId: account.id, patientId: patientOf.get(account.id)! };
  });
  const { rows: appointments } = await sql<{ id: string; account_id: string; practitioner_id: string; patient_id: string; starts_at: Date }>`
    insert into appointments (practitioner_id, place_id, reason_id, starts_at, ends_at, status, patient_id, account_id, booked_at)
    select p, pl, r, s, e, 'booked', pt, ac, now()
      from unnest(${rows.map((r) => r.agenda.practitionerId)}::bigint[], ${rows.map((r) => r.agenda.placeId)}::bigint[],
                  ${rows.map((r) => r.agenda.reasonId)}::bigint[], ${rows.map((r) => r.start.toISOString())}::timestamptz[],
                  ${rows.map((r) => r.end.toISOString())}::timestamptz[], ${rows.map((r) => r.patientId)}::uuid[],
                  ${rows.map((r) => r.accountId)}::uuid[]) as t(p, pl, r, s, e, pt, ac)
    returning id, account_id, practitioner_id::text, patient_id, starts_at`.execute(db);
  const emailOf = new Map(accounts.map((a) => [a.id, a.email]));
  return appointments.map((a) => ({
    appointmentId: a.id, email: emailOf.get(a.account_id)!, practitionerId: a.practitioner_id, accountId: a.account_id,
    patientId: a.patient_id, start: a.starts_at,
  }));
}

/** Writes the « booked » intents of these appointments, `perTransaction` bookings per transaction; returns each commit's time. */
export async function notifyBooked(db: Db, bookings: readonly SeededBooking[], now: () => Date, perTransaction = 50): Promise<number[]> {
  const committedAt: number[] = [];
  for (let i = 0; i < bookings.length; i += perTransaction) {
    const chunk = bookings.slice(i, i + perTransaction);
    await db.transaction().execute(async (trx) => {
      const at = now();
      for (const booking of chunk) await enqueueAppointmentNotification(trx, { appointmentId: booking.appointmentId, event: 'booked', now: at });
    });
    const committed = Date.now();
    for (let j = 0; j < chunk.length; j++) committedAt.push(committed);
  }
  return committedAt;
}
