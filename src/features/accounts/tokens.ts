/** Random tokens for cookies (session, trusted device): 32 bytes in base64url; only their SHA-256 is stored. */
import { createHash, randomBytes } from 'node:crypto';

export interface IssuedToken {
  /** Goes to the browser, never stored. */
  token: string;
  /** The database key. */
  hash: Buffer;
}

/** A fresh unguessable token and the hash the database keeps. */
export function issueToken(): IssuedToken {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

/** The SHA-256 of a token as presented by a browser. */
export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** Whether a cookie value has the shape of our tokens (saves a query for garbage). */
export function looksLikeToken(value: string | undefined): value is string {
  return value !== undefined && /^[A-Za-z0-9_-]{43}$/.test(value);
}

/** Whether an id from a URL can be a row id (anything else is not found, without asking PostgreSQL). */
export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
