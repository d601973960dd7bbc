/**
 * The audit log of security events (issue 3): who did what, from which IP, when. Read by operators
 * investigating an incident, never through the patient API. Details never hold secrets (passwords, codes,
 * tokens) nor health data; emails and phones appear only masked.
 */
import { isIP } from 'node:net';
import type { Transaction } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';

export type SecurityEvent =
  | 'signup'
  | 'login_success'
  | 'login_failure'
  | 'code_sent'
  | 'code_failed'
  | 'logout'
  | 'logout_all'
  | 'password_reset_requested'
  | 'password_reset'
  | 'password_changed'
  | 'phone_changed'
  | 'email_changed'
  | 'account_deleted'
  // Staff logins of the practitioner space (issue 6).
  | 'staff_invited'
  | 'invitation_accepted'
  | 'grant_given'
  | 'grant_changed'
  | 'grant_revoked';

export interface SecurityEventRecord {
  accountId: string | null;
  /** The staff login concerned (practitioner space), when it is one. */
  staffId?: string | null;
  event: SecurityEvent;
  /** request.ip; null when unknown or not an IP literal. */
  ip: string | null;
  at: Date;
  details?: Record<string, string | number | boolean | null>;
}

/** Appends one event; in the caller's transaction, so that it exists exactly when the change does. */
export async function recordSecurityEvent(trx: Db | Transaction<Database>, record: SecurityEventRecord): Promise<void> {
  await trx
    .insertInto('security_events')
    .values({
      account_id: record.accountId,
      staff_id: record.staffId ?? null,
      event: record.event,
      ip: ipOrNull(record.ip),
      at: record.at,
      details: record.details ?? {},
    })
    .execute();
}

/** Only IP literals reach the inet column (a malformed value must not fail the request). */
function ipOrNull(ip: string | null): string | null {
  if (!ip) return null;
  return isIP(ip) ? ip : null;
}
