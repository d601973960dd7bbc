/**
 * Changing the password from « Mon compte » (A3, A6): the current password proves it is the holder, the new one
 * passes the policy with the person's identity, other sessions and trusted devices end, this session gets a new
 * token, pending reset links die, and a notice goes to the account's email — all in one transaction.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { Db } from '../../platform/db/database.ts';
import type { RouteContext } from '../../platform/http/app.ts';
import { bucketKey, enforceRateLimit } from '../../platform/http/rate-limit.ts';
import { composeAccountEmail } from './account-emails.ts';
import { SamePassword, WeakPassword, WrongPassword } from './account-errors.ts';
import {
  lockAccountCredentials, retirePendingResets, savePasswordHash, selectPasswordContext,
} from './account-repository.ts';
import { checkPassword, passwordProblemKeys, type PasswordContext } from './domain/password.ts';
import { NotSignedIn } from './errors.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { recordSecurityEvent } from './security-events.ts';
import { endAllSessions, type SignedIn } from './sessions.ts';

/** Someone holding a session cannot try passwords faster than this (change and deletion share the count). */
const PASSWORD_CONFIRMATIONS = { limit: 10, windowMs: 15 * 60_000 } as const;

export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
}

export interface PrivilegeChange {
  now: Date;
  ip: string | null;
  /** Issues the session's new token inside the transaction (sessions.rotateSession with the request and reply). */
  rotateSession: (trx: Transaction<Database>) => Promise<void>;
}

/** Counts one attempt at typing the current password for this account (429 beyond 10 in 15 minutes). */
export function limitPasswordConfirmations(db: Db, accountId: string, now: Date): Promise<void> {
  return enforceRateLimit(db, { bucket: bucketKey('password_confirmation', accountId), ...PASSWORD_CONFIRMATIONS, now });
}

/** Refuses a password the policy rejects, naming the first rule to fix. */
export function assertStrongPassword(password: string, context: PasswordContext): void {
  const [problem] = checkPassword(password, context);
  if (problem) throw new WeakPassword(passwordProblemKeys[problem]);
}

/** « Modifier mon mot de passe ». */
export async function changePassword(
  context: Pick<RouteContext, 'db' | 'delivery'>,
  signedIn: SignedIn,
  change: PasswordChange,
  privilege: PrivilegeChange,
): Promise<void> {
  const { accountId } = signedIn;
  await limitPasswordConfirmations(context.db, accountId, privilege.now);
  await context.db.transaction().execute(async (trx) => {
    const credentials = await lockAccountCredentials(trx, accountId);
    if (!credentials) throw new NotSignedIn();
    if (!(await verifyPassword(credentials.password_hash, change.currentPassword))) throw new WrongPassword();
    assertStrongPassword(change.newPassword, (await selectPasswordContext(trx, accountId)) ?? { email: credentials.email });
    if (await verifyPassword(credentials.password_hash, change.newPassword)) throw new SamePassword();
    await savePasswordHash(trx, accountId, await hashPassword(change.newPassword), privilege.now);
    await retirePendingResets(trx, accountId, privilege.now);
    await endAllSessions(trx, accountId, { keep: signedIn.tokenHash });
    await privilege.rotateSession(trx);
    await recordSecurityEvent(trx, { accountId, event: 'password_changed', ip: privilege.ip, at: privilege.now });
    // Inside the transaction: if the notice cannot leave, the change does not happen (503, the user retries).
    await context.delivery.sendEmail(composeAccountEmail({
      to: credentials.email,
      kind: 'password_changed_notice',
      language: credentials.language,
      subjectKey: 'notice.password_changed.subject',
      textKey: 'notice.password_changed.text',
    }));
  });
}
