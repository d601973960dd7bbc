/**
 * Step 2 of a confirmation: who the appointment is for (C3) — the holder (identity from « Mon compte », or typed
 * here and then saved there), one of the account's relatives, or a new relative created in the same transaction.
 */
import type { Db } from '../../../platform/db/database.ts';
import { readBirthDate, readName } from '../../accounts/account-identity.ts';
import { parisToday } from '../../accounts/domain/people.ts';
import { addRelativeWithin } from '../../accounts/relatives-service.ts';
import type { PersonIdentity } from '../domain/rules.ts';
import { BookingTargetNotFound, IdentityRequired } from '../errors.ts';
import type { ConfirmationBody } from '../schemas.ts';
import {
  fillHolderIdentity, findHolderForUpdate, findRelativeForUpdate, insertHolder, type PatientRow,
} from './repository.ts';

export interface BookedPatient {
  id: string;
  identity: PersonIdentity;
}

/** The patient the appointment is for, validated and stored. */
export async function resolvePatient(trx: Db, accountId: string, choice: ConfirmationBody['patient'], now: Date): Promise<BookedPatient> {
  if (choice.kind === 'self') return resolveHolder(trx, accountId, choice.identity, now);
  if (choice.kind === 'relative') {
    const relative = await findRelativeForUpdate(trx, accountId, choice.relativeId);
    if (!relative) throw new BookingTargetNotFound('relative_not_found', 'relatives.error.not_found');
    return asBookedPatient(relative);
  }
  const created = await addRelativeWithin(trx, accountId, choice.relative, now);
  return { id: created.id, identity: { firstName: created.firstName, lastName: created.lastName, birthDate: created.birthDate } };
}

export type TypedIdentity = Extract<ConfirmationBody['patient'], { kind: 'self' }>['identity'];

/** The holder, whose empty identity fields are filled from what was typed (never overwritten). */
async function resolveHolder(trx: Db, accountId: string, typed: TypedIdentity, now: Date): Promise<BookedPatient> {
  const holder = (await findHolderForUpdate(trx, accountId)) ?? (await insertHolder(trx, accountId));
  const stored = storedHolder(holder, typed);
  if (stored) return stored;
  const filled: PatientRow = {
    id: holder.id,
    civility: holder.civility ?? typed!.civility ?? null,
    firstName: holder.firstName || readName(typed!.firstName, 'first'),
    lastName: holder.lastName || readName(typed!.lastName, 'last'),
    birthDate: holder.birthDate ?? readBirthDate(typed!.birthDate, parisToday(now)),
  };
  await fillHolderIdentity(trx, filled, now);
  return asBookedPatient(filled);
}

/**
 * The holder as the appointment's patient when nothing needs writing first; null when « Mon compte » is to be
 * filled from the identity typed here. Throws when a field the booking needs is missing and none was typed.
 */
export function storedHolder(holder: PatientRow, typed: TypedIdentity): BookedPatient | null {
  if (typed && (!holder.firstName || !holder.lastName || !holder.birthDate || !holder.civility)) return null;
  if (!holder.firstName) throw new IdentityRequired('myaccount.error.first_name_required');
  if (!holder.lastName) throw new IdentityRequired('myaccount.error.last_name_required');
  if (!holder.birthDate) throw new IdentityRequired('myaccount.error.birth_date_invalid');
  return asBookedPatient(holder);
}

export function asBookedPatient(row: PatientRow): BookedPatient {
  return { id: row.id, identity: { firstName: row.firstName ?? '', lastName: row.lastName ?? '', birthDate: row.birthDate } };
}
