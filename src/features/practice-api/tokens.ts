/**
 * Practice API tokens (for practice software): `crn_` + 32 random bytes in base64url, shown once at creation; only
 * their SHA-256 is stored, so a database leak gives no usable token. A revoked token is refused like an unknown one.
 * The prefix lets secret scanners recognise a leaked token and keeps a token from ever starting with '-' (which a
 * command line would read as an option).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../platform/db/database.ts';

export interface CreatedPracticeToken {
  /** Printed once; never stored. */
  token: string;
  practitionerId: string;
}

/** The shape of our tokens: anything else is refused without a query. */
const TOKEN_PREFIX = 'crn_';
const TOKEN_SHAPE = /^crn_[A-Za-z0-9_-]{43}$/;

/** Creates a token for the practitioner; null when no such practitioner exists. */
export async function createPracticeToken(db: Db, practitionerId: string, label: string, now: Date): Promise<CreatedPracticeToken | null> {
  if (!/^[0-9]{1,18}$/.test(practitionerId)) return null;
  const practitioner = await db.selectFrom('practitioners').select('id').where('id', '=', practitionerId).executeTakeFirst();
  if (!practitioner) return null;
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  await db.insertInto('practice_api_tokens')
    .values({ token_hash: hashPracticeToken(token), practitioner_id: practitionerId, label, created_at: now })
    .execute();
  return { token, practitionerId: practitioner.id };
}

/** The practitioner a presented token acts for, or null (malformed, unknown or revoked). */
export async function practitionerOfToken(db: Db, token: string): Promise<string | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  const row = await db.selectFrom('practice_api_tokens').select('practitioner_id')
    .where('token_hash', '=', hashPracticeToken(token))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return row?.practitioner_id ?? null;
}

/** Revokes a token (its holder is refused from then on); true when it was live. */
export async function revokePracticeToken(db: Db, token: string, now: Date): Promise<boolean> {
  if (!TOKEN_SHAPE.test(token)) return false;
  const result = await db.updateTable('practice_api_tokens').set({ revoked_at: now })
    .where('token_hash', '=', hashPracticeToken(token))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

function hashPracticeToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}
