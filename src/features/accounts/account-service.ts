/**
 * « Mon compte » (SPEC A6): reading the account and editing identity, address and settings. Identity lives
 * on the holder's patient row; each edit is validated entirely before one transaction writes it.
 */
import type { Db } from '../../platform/db/database.ts';
import { readAddress, type AddressInput } from './account-address.ts';
import { readBirthDate, readName } from './account-identity.ts';
import { saveAccountSettings, saveHolderFields, type HolderFields } from './account-repository.ts';
import { findAccountWithHolder, toAccountView, type AccountView } from './account-view.ts';
import { lockAccount } from './relatives-repository.ts';
import { parisToday } from './domain/people.ts';
import { NotSignedIn } from './errors.ts';

export interface AccountChanges {
  civility?: 'mme' | 'm' | null;
  /** null erases it (the holder's identity is optional until a booking for « moi » needs it). */
  firstName?: string | null;
  lastName?: string | null;
  birthDate?: string | null;
  address?: AddressInput | null;
  language?: 'fr' | 'en';
  careHistoryEnabled?: boolean;
}

/** The signed-in account (its session may outlive it by a request: then it is signed out). */
export async function getAccount(db: Db, accountId: string): Promise<AccountView> {
  const row = await findAccountWithHolder(db, accountId);
  if (!row) throw new NotSignedIn();
  return toAccountView(row);
}

/** Applies a PATCH of « Mon compte »: absent fields stay, any invalid field refuses the whole edit. */
export async function updateAccount(db: Db, accountId: string, changes: AccountChanges, now: Date): Promise<AccountView> {
  return db.transaction().execute(async (trx) => {
    if (!(await lockAccount(trx, accountId))) throw new NotSignedIn();
    const holder = await holderFields(trx, changes, parisToday(now));
    await saveHolderFields(trx, accountId, holder, now);
    await saveAccountSettings(trx, accountId, {
      ...(changes.language !== undefined && { language: changes.language }),
      ...(changes.careHistoryEnabled !== undefined && { care_history_enabled: changes.careHistoryEnabled }),
    });
    const row = await findAccountWithHolder(trx, accountId);
    if (!row) throw new NotSignedIn();
    return toAccountView(row);
  });
}

/** The holder columns a PATCH changes, validated (names tidied, plausible birth date, French postal codes). */
async function holderFields(db: Db, changes: AccountChanges, today: string): Promise<HolderFields> {
  const fields: HolderFields = {};
  if (changes.civility !== undefined) fields.civility = changes.civility;
  if (changes.firstName !== undefined) fields.first_name = changes.firstName === null ? null : readName(changes.firstName, 'first');
  if (changes.lastName !== undefined) fields.last_name = changes.lastName === null ? null : readName(changes.lastName, 'last');
  if (changes.birthDate !== undefined) fields.birth_date = changes.birthDate === null ? null : readBirthDate(changes.birthDate, today);
  if (changes.address !== undefined) {
    Object.assign(fields, await readAddress(db, changes.address ?? { line: null, postalCode: null, city: null }));
  }
  return fields;
}
