/**
 * The practice's patient files (SPEC J3): desk and phone patients, searched or created by the practice. A file is
 * linked to a Créneau patient when the typed email or phone is that account's (or a relative's own contact, A7) AND
 * the name matches a person of that account (and the birth date, when both are known): a practice typing a wrong
 * number never puts its appointments in a stranger's « Mes rendez-vous » (E6). Linked files show the appointments
 * there. Blocks and the E4 switch live on the file too (J4).
 */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { readBirthDate, readName, readOptionalEmail, readOptionalPhone } from '../accounts/account-identity.ts';
import { parisToday } from '../accounts/domain/people.ts';
import { sameIdentity, type PersonIdentity } from '../booking/index.ts';
import { ensurePatientFile, liftBlock } from '../practice-api/index.ts';
import { inAgendaTransaction } from './agenda-writes.ts';
import { isUuid } from './ids.ts';
import { PracticeRecordNotFound } from './errors.ts';
import { loadPatientCards, type PatientCard } from './patient-cards.ts';

export interface PatientFileInput {
  civility?: 'mme' | 'm' | null;
  firstName: string;
  lastName: string;
  birthDate?: string | null;
  email?: string | null;
  phone?: string | null;
}

export interface PatientSwitches {
  blocked?: boolean;
  notificationsOff?: boolean;
}

const SEARCH_LIMIT = 20;

/** The practitioner's files and the Créneau patients who booked with it, matching a name, an email or a phone. */
export async function searchPatients(db: Db, practitionerId: string, query: string): Promise<PatientCard[]> {
  const text = query.trim();
  const like = `%${text.replace(/[\\%_]/g, '\\$&')}%`;
  const digits = text.replace(/\D/g, '').replace(/^0+/, '');
  const phoneLike = digits.length >= 6 ? `%${digits}` : null;
  const email = text.toLowerCase();
  const { rows } = await sql<{ fileId: string | null; patientId: string | null }>`
    (select pf.id as "fileId", pf.patient_id as "patientId"
       from patient_files pf
      where pf.practitioner_id = ${practitionerId}
        and (search_normalize(pf.first_name || ' ' || pf.last_name) like search_normalize(${like})
             or search_normalize(pf.last_name || ' ' || pf.first_name) like search_normalize(${like})
             or pf.email = ${email}
             or (${phoneLike}::text is not null and regexp_replace(pf.phone, '[^0-9]', '', 'g') like ${phoneLike}))
      order by pf.last_name, pf.first_name, pf.id
      limit ${SEARCH_LIMIT})
    union all
    (select null, pt.id
       from patients pt
       left join accounts ac on ac.id = pt.account_id
      where pt.id in (select a.patient_id from appointments a
                       where a.practitioner_id = ${practitionerId} and a.patient_id is not null and a.status <> 'held')
        and not exists (select 1 from patient_files pf where pf.practitioner_id = ${practitionerId} and pf.patient_id = pt.id)
        and (search_normalize(coalesce(pt.first_name, '') || ' ' || coalesce(pt.last_name, '')) like search_normalize(${like})
             or search_normalize(coalesce(pt.last_name, '') || ' ' || coalesce(pt.first_name, '')) like search_normalize(${like})
             or coalesce(pt.email, ac.email) = ${email}
             or (${phoneLike}::text is not null
                 and regexp_replace(coalesce(pt.phone, ac.phone), '[^0-9]', '', 'g') like ${phoneLike}))
      order by pt.last_name, pt.first_name, pt.id
      limit ${SEARCH_LIMIT})`.execute(db);
  const found = rows.slice(0, SEARCH_LIMIT);
  return loadPatientCards(db, practitionerId, {
    fileIds: found.flatMap((row) => (row.fileId ? [row.fileId] : [])),
    patientIds: found.flatMap((row) => (row.fileId ? [] : [row.patientId!])),
  });
}

/** Creates a file (linked when it names a person of a matching account); a person already filed here gets that file. */
export async function createPatientFile(db: Db, practitionerId: string, input: PatientFileInput, now: Date): Promise<{ patient: PatientCard; created: boolean }> {
  const { fileId, created } = await inAgendaTransaction(db, practitionerId, (trx) => openPatientFile(trx, practitionerId, input, now));
  return { patient: (await loadPatientCards(db, practitionerId, { fileIds: [fileId] }))[0]!, created };
}

/** Inside a transaction: the file of a newly typed patient (see createPatientFile). */
export async function openPatientFile(trx: Db, practitionerId: string, input: PatientFileInput, now: Date): Promise<{ fileId: string; created: boolean }> {
  const fields = readFileFields(input, now);
  const person = await findAccountPerson(trx, fields);
  if (person) {
    const existing = await trx.selectFrom('patient_files').select('id')
      .where('practitioner_id', '=', practitionerId).where('patient_id', '=', person).executeTakeFirst();
    if (existing) return { fileId: existing.id, created: false };
  }
  const file = await trx.insertInto('patient_files').values({
    practitioner_id: practitionerId, patient_id: person, civility: input.civility ?? null, first_name: fields.firstName,
    last_name: fields.lastName, birth_date: fields.birthDate, email: fields.email, phone: fields.phone,
  }).returning('id').executeTakeFirstOrThrow();
  return { fileId: file.id, created: true };
}

/** Corrects a file's identity or contacts and/or its switches; an unlinked file is linked when it now matches. */
export async function updatePatientFile(
  db: Db, practitionerId: string, fileId: string, patch: Partial<PatientFileInput> & PatientSwitches, now: Date,
): Promise<PatientCard> {
  if (!isUuid(fileId)) throw new PracticeRecordNotFound('patient_not_found');
  await inAgendaTransaction(db, practitionerId, async (trx) => {
    const file = await trx.selectFrom('patient_files').selectAll()
      .where('id', '=', fileId).where('practitioner_id', '=', practitionerId).forUpdate().executeTakeFirst();
    if (!file) throw new PracticeRecordNotFound('patient_not_found');
    if (patch.civility !== undefined) {
      await trx.updateTable('patient_files').set({ civility: patch.civility }).where('id', '=', fileId).execute();
    }
    const identityChanged = ['firstName', 'lastName', 'birthDate', 'email', 'phone'].some((field) => field in patch);
    if (identityChanged) {
      const fields = readFileFields({
        firstName: patch.firstName ?? file.first_name,
        lastName: patch.lastName ?? file.last_name,
        birthDate: patch.birthDate === undefined ? file.birth_date : patch.birthDate,
        email: patch.email === undefined ? file.email : patch.email,
        phone: patch.phone === undefined ? file.phone : patch.phone,
      }, now);
      const person = file.patient_id ?? await findUnfiledPerson(trx, practitionerId, fields);
      await trx.updateTable('patient_files').set({
        first_name: fields.firstName, last_name: fields.lastName, birth_date: fields.birthDate, email: fields.email,
        phone: fields.phone, patient_id: person,
      }).where('id', '=', fileId).execute();
    }
    await applySwitches(trx, fileId, patch, now);
  });
  return (await loadPatientCards(db, practitionerId, { fileIds: [fileId] }))[0]!;
}

/** J4 for a Créneau patient of the agenda: its file (created when missing) gets the switches. */
export async function updatePatientSwitches(
  db: Db, practitionerId: string, patientId: string, switches: PatientSwitches, now: Date,
): Promise<PatientCard> {
  const fileId = await inAgendaTransaction(db, practitionerId, async (trx) => {
    const id = await ensurePatientFile(trx, practitionerId, patientId);
    await applySwitches(trx, id, switches, now);
    return id;
  });
  return (await loadPatientCards(db, practitionerId, { fileIds: [fileId] }))[0]!;
}

/** Blocking keeps the first date it was blocked; unblocking lifts either block (no-shows forgiven, D5); E4 per patient. */
async function applySwitches(trx: Db, fileId: string, switches: PatientSwitches, now: Date): Promise<void> {
  if (switches.blocked === false) await liftBlock(trx, fileId, now);
  if (switches.blocked !== true && switches.notificationsOff === undefined) return;
  await trx.updateTable('patient_files').set((eb) => ({
    ...(switches.blocked === true ? { blocked_at: eb.fn.coalesce('blocked_at', eb.val(now)) } : {}),
    ...(switches.notificationsOff !== undefined ? { notifications_off: switches.notificationsOff } : {}),
  })).where('id', '=', fileId).execute();
}

interface FileFields extends PersonIdentity {
  email: string | null;
  phone: string | null;
}

/** Typed identity and contacts in their stored forms, or a 400 naming the field (the sentences of « Mon compte »). */
function readFileFields(input: PatientFileInput, now: Date): FileFields {
  return {
    firstName: readName(input.firstName, 'first'),
    lastName: readName(input.lastName, 'last'),
    birthDate: input.birthDate ? readBirthDate(input.birthDate, parisToday(now)) : null,
    email: readOptionalEmail(input.email),
    phone: readOptionalPhone(input.phone)?.e164 ?? null,
  };
}

/** The one person of a matching account (holder's contact, or a relative's own) who bears this identity, or null. */
async function findAccountPerson(db: Db, fields: FileFields): Promise<string | null> {
  if (!fields.email && !fields.phone) return null;
  const { rows } = await sql<{ id: string; firstName: string | null; lastName: string | null; birthDate: string | null }>`
    with matched as (
      select id from accounts where email = ${fields.email}
      union select id from accounts where phone = ${fields.phone}
    )
    select pt.id, pt.first_name as "firstName", pt.last_name as "lastName", pt.birth_date as "birthDate"
      from patients pt
     where pt.removed_at is null and pt.pseudonymised_at is null and pt.account_id is not null
       and (pt.account_id in (select id from matched)
            or (not pt.is_holder and (pt.email = ${fields.email} or pt.phone = ${fields.phone})))`.execute(db);
  const matching = rows.filter((row) => row.firstName && row.lastName
    && sameIdentity(fields, { firstName: row.firstName, lastName: row.lastName, birthDate: row.birthDate }));
  return matching.length === 1 ? matching[0]!.id : null;
}

/** A matching person who has no file with this practitioner yet (one person, one file). */
async function findUnfiledPerson(db: Db, practitionerId: string, fields: FileFields): Promise<string | null> {
  const person = await findAccountPerson(db, fields);
  if (!person) return null;
  const filed = await db.selectFrom('patient_files').select('id')
    .where('practitioner_id', '=', practitionerId).where('patient_id', '=', person).executeTakeFirst();
  return filed ? null : person;
}
