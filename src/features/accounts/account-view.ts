/**
 * AccountView (docs/api-accounts.md « Shapes »): what the web app knows of the signed-in account — its login
 * (email, phone), settings, and the identity and address kept on its holder patient row.
 */
import { z } from 'zod';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { displayPhone } from './domain/phone.ts';

export const accountViewSchema = z.object({
  id: z.string(),
  email: z.string(),
  emailVerified: z.boolean(),
  phone: z.string().meta({ description: 'E.164' }),
  phoneDisplay: z.string().meta({ description: '« 06 12 34 56 78 » in France, international form elsewhere' }),
  phoneKind: z.enum(['mobile', 'landline']),
  language: z.enum(['fr', 'en']),
  careHistoryEnabled: z.boolean(),
  identity: z.object({
    civility: z.enum(['mme', 'm']).nullable(),
    firstName: z.string().nullable(),
    lastName: z.string().nullable(),
    birthDate: z.string().nullable().meta({ description: 'YYYY-MM-DD' }),
  }),
  address: z.object({ line: z.string().nullable(), postalCode: z.string().nullable(), city: z.string().nullable() }),
});

export type AccountView = z.infer<typeof accountViewSchema>;

/** The columns an AccountView is made of: the account row and its holder patient row (if any yet). */
export interface AccountWithHolder {
  id: string;
  email: string;
  email_verified_at: Date | null;
  phone: string;
  phone_kind: 'mobile' | 'landline';
  language: 'fr' | 'en';
  care_history_enabled: boolean;
  civility: 'mme' | 'm' | null;
  first_name: string | null;
  last_name: string | null;
  birth_date: string | null;
  address_line: string | null;
  postal_code: string | null;
  city: string | null;
}

/** The API shape of an account read with its holder row. */
export function toAccountView(row: AccountWithHolder): AccountView {
  return {
    id: row.id,
    email: row.email,
    emailVerified: row.email_verified_at !== null,
    phone: row.phone,
    phoneDisplay: displayPhone(row.phone),
    phoneKind: row.phone_kind,
    language: row.language,
    careHistoryEnabled: row.care_history_enabled,
    identity: { civility: row.civility, firstName: row.first_name, lastName: row.last_name, birthDate: row.birth_date },
    address: { line: row.address_line, postalCode: row.postal_code, city: row.city },
  };
}

/** The account and its holder row, or undefined; `forUpdate` locks the account row for the rest of the transaction. */
export async function findAccountWithHolder(
  db: Kysely<Database>,
  accountId: string,
  options: { forUpdate?: boolean } = {},
): Promise<AccountWithHolder | undefined> {
  let query = db
    .selectFrom('accounts as a')
    .leftJoin('patients as p', (join) => join.onRef('p.account_id', '=', 'a.id').on('p.is_holder', '=', true))
    .select([
      'a.id', 'a.email', 'a.email_verified_at', 'a.phone', 'a.phone_kind', 'a.language', 'a.care_history_enabled',
      'p.civility', 'p.first_name', 'p.last_name', 'p.birth_date', 'p.address_line', 'p.postal_code', 'p.city',
    ])
    .where('a.id', '=', accountId);
  if (options.forUpdate) query = query.forUpdate('a');
  return query.executeTakeFirst();
}

/** The AccountView of an account, or undefined when it no longer exists. */
export async function readAccountView(db: Kysely<Database>, accountId: string): Promise<AccountView | undefined> {
  const row = await findAccountWithHolder(db, accountId);
  return row ? toAccountView(row) : undefined;
}
