/**
 * Creating staff logins: a practitioner's own (by the operator, `npm run practitioner:invite`) and a secretary's
 * (by a practitioner). A login starts without a password; its invitation link sets one.
 */
import type { Transaction } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';
import { InvalidInput } from '../../platform/errors.ts';
import { normaliseName } from '../accounts/domain/people.ts';
import { validEmail, validPhone } from '../accounts/signup.ts';
import { isPractitionerId } from '../practitioners/index.ts';
import { StaffEmailTaken } from './errors.ts';

type Executor = Db | Transaction<Database>;

export interface StaffContactInput {
  email: string;
  /** Any French or international form; a mobile receives the login codes by SMS. */
  phone?: string | null;
}

/** The email and phone as stored (400 with the accounts' sentences when malformed). */
export function readStaffContact(input: StaffContactInput): { email: string; phone: string | null; phoneKind: 'mobile' | 'landline' | null } {
  const email = validEmail(input.email);
  const typed = input.phone?.trim();
  if (!typed) return { email, phone: null, phoneKind: null };
  const phone = validPhone(typed);
  return { email, phone: phone.e164, phoneKind: phone.kind };
}

/** A first or last name as stored; an empty one is refused. */
export function readStaffName(input: string): string {
  const name = normaliseName(input);
  if (!name) throw new InvalidInput('practice_auth.error.name_required');
  return name;
}

/**
 * The practitioner's own login, created with its names when missing; an existing one takes the email and phone given
 * (the operator's word). Null when no practitioner has that id. Another login's email → StaffEmailTaken (409).
 */
export async function ensurePractitionerLogin(
  trx: Executor,
  practitionerId: string,
  contact: StaffContactInput,
): Promise<{ staffId: string; email: string; created: boolean } | null> {
  if (!isPractitionerId(practitionerId)) return null;
  const { email, phone, phoneKind } = readStaffContact(contact);
  const practitioner = await trx.selectFrom('practitioners').select(['id', 'first_name', 'last_name'])
    .where('id', '=', practitionerId).executeTakeFirst();
  if (!practitioner) return null;
  const holder = await trx.selectFrom('staff_accounts').select(['id', 'practitioner_id']).where('email', '=', email).executeTakeFirst();
  if (holder && holder.practitioner_id !== practitioner.id) throw new StaffEmailTaken();
  const existing = await trx.selectFrom('staff_accounts').select('id').where('practitioner_id', '=', practitioner.id).executeTakeFirst();
  if (existing) {
    const keepPhone = contact.phone === undefined || contact.phone === null;
    await trx.updateTable('staff_accounts')
      .set(keepPhone ? { email } : { email, phone, phone_kind: phoneKind })
      .where('id', '=', existing.id)
      .execute();
    return { staffId: existing.id, email, created: false };
  }
  const created = await trx.insertInto('staff_accounts')
    .values({
      role: 'practitioner', practitioner_id: practitioner.id, email, phone, phone_kind: phoneKind,
      first_name: practitioner.first_name, last_name: practitioner.last_name,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { staffId: created.id, email, created: true };
}
