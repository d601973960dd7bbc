/**
 * The postal address of « Mon compte » (A6). The API has no country field: a city that is a French commune
 * needs a French postal code (5 digits, known to the reference data); any other city keeps its own format.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { InvalidAccountField } from './account-errors.ts';

export interface AddressInput {
  line?: string | null;
  postalCode?: string | null;
  city?: string | null;
}

export interface AddressFields {
  address_line: string | null;
  postal_code: string | null;
  city: string | null;
}

const LINE_MAX_LENGTH = 200;
const CITY_MAX_LENGTH = 100;
const POSTAL_CODE_MAX_LENGTH = 10;

/** Postal codes abroad: letters, digits, a space or hyphen inside (« SW1A 1AA », « 1000 », « H2X-1Y4 »). */
const FOREIGN_POSTAL_CODE = /^[A-Z0-9](?:[A-Z0-9 -]*[A-Z0-9])?$/;

/** Typed text tidied: composed accents, no control characters, single spaces. */
function tidy(text: string | null | undefined): string {
  return (text ?? '').normalize('NFC').replace(/[\p{Cc}\p{Cf}]/gu, ' ').replace(/\s+/g, ' ').trim();
}

/** Whether a French commune bears this name (accents, case, hyphens and apostrophes ignored). */
async function isFrenchCommune(db: Kysely<Database>, city: string): Promise<boolean> {
  const result = await sql<{ found: boolean }>`
    select exists (
      select 1 from communes
      where regexp_replace(search_name, '[^a-z0-9]+', ' ', 'g') = trim(regexp_replace(search_normalize(${city}), '[^a-z0-9]+', ' ', 'g'))
    ) as found`.execute(db);
  return result.rows[0]?.found ?? false;
}

/** Whether this 5-digit code is a postal code of some French commune. */
async function isFrenchPostalCode(db: Kysely<Database>, postalCode: string): Promise<boolean> {
  const row = await db.selectFrom('commune_postal_codes').select('postal_code').where('postal_code', '=', postalCode).executeTakeFirst();
  return row !== undefined;
}

/** The stored address, all null to erase it; a partial address is refused (a letter needs all three parts). */
export async function readAddress(db: Kysely<Database>, input: AddressInput): Promise<AddressFields> {
  const line = tidy(input.line);
  const city = tidy(input.city);
  const postalCode = tidy(input.postalCode).toUpperCase();
  if (!line && !city && !postalCode) return { address_line: null, postal_code: null, city: null };
  if (!line || !city || !postalCode) throw new InvalidAccountField('myaccount.error.address_incomplete');
  if (line.length > LINE_MAX_LENGTH || city.length > CITY_MAX_LENGTH || postalCode.length > POSTAL_CODE_MAX_LENGTH) {
    throw new InvalidAccountField('myaccount.error.address_too_long');
  }
  if (await isFrenchCommune(db, city)) {
    if (!/^\d{5}$/.test(postalCode)) throw new InvalidAccountField('myaccount.error.postal_code_french');
    if (!(await isFrenchPostalCode(db, postalCode))) throw new InvalidAccountField('myaccount.error.postal_code_unknown');
  } else if (!FOREIGN_POSTAL_CODE.test(postalCode)) {
    throw new InvalidAccountField('myaccount.error.postal_code_invalid');
  }
  return { address_line: line, postal_code: postalCode, city };
}
