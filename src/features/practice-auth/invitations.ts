/**
 * Invitation links of the practitioner space (docs/api-practice.md « Invitations »): the way a staff login gets its
 * password — 32 random bytes in the URL fragment, SHA-256 stored, 7 days, single use, a newer link retiring the older.
 */
import type { Transaction } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { RouteContext } from '../../platform/http/app.ts';
import { assertStrongPassword } from '../accounts/account-password.ts';
import { hashPassword } from '../accounts/passwords.ts';
import { recordSecurityEvent } from '../accounts/security-events.ts';
import type { Asker } from '../accounts/signup.ts';
import { hashToken, issueToken, looksLikeToken } from '../accounts/tokens.ts';
import { InvitationGone } from './errors.ts';
import { limitStaffAttempt } from './rate-limits.ts';
import { endEverythingOfStaff } from './staff-session-store.ts';

export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60_000;

type Executor = Db | Transaction<Database>;

/** Who an invitation is for, as the page shows it before the password is chosen. */
export interface InvitedStaff {
  email: string;
  firstName: string;
  lastName: string;
  role: 'practitioner' | 'secretary';
}

/** The web app's page reading the token from the fragment (never sent to servers, so never in their logs). */
export function invitationUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/pro/invitation#jeton=${token}`;
}

/** A fresh invitation for the login (its earlier unused ones die); returns the token for the link. */
export async function createInvitation(trx: Executor, staffId: string, now: Date): Promise<string> {
  await trx.updateTable('staff_invitations').set({ used_at: now }).where('staff_id', '=', staffId).where('used_at', 'is', null).execute();
  const { token, hash } = issueToken();
  await trx.insertInto('staff_invitations')
    .values({ token_hash: hash, staff_id: staffId, created_at: now, expires_at: new Date(now.getTime() + INVITATION_LIFETIME_MS) })
    .execute();
  return token;
}

/** Who a live invitation is for; 410 when unknown, expired or used. */
export async function checkInvitation(db: Db, token: string, now: Date): Promise<InvitedStaff> {
  const found = await liveInvitation(db, token, now, false);
  return { email: found.email, firstName: found.first_name, lastName: found.last_name, role: found.role };
}

/**
 * The password through the link: policy A3 with the person's names and email (a refusal keeps the link usable),
 * argon2id, the login activated, the link used. On a login that was already active (a new link as a password reset),
 * every session and trusted device of it ends.
 */
export async function acceptInvitation(context: Pick<RouteContext, 'db'>, input: { token: string; password: string }, asker: Asker): Promise<void> {
  await limitStaffAttempt(context.db, 'staffInvitationPerIp', asker.ip, asker.now);
  await context.db.transaction().execute(async (trx) => {
    const invitation = await liveInvitation(trx, input.token, asker.now, true);
    assertStrongPassword(input.password, { email: invitation.email, firstName: invitation.first_name, lastName: invitation.last_name });
    const passwordHash = await hashPassword(input.password);
    await trx.updateTable('staff_invitations').set({ used_at: asker.now }).where('token_hash', '=', invitation.token_hash).execute();
    await trx.updateTable('staff_accounts')
      .set({ password_hash: passwordHash, password_changed_at: asker.now, activated_at: invitation.activated_at ?? asker.now })
      .where('id', '=', invitation.staff_id)
      .execute();
    if (invitation.activated_at) await endEverythingOfStaff(trx, invitation.staff_id);
    await recordSecurityEvent(trx, {
      accountId: null, staffId: invitation.staff_id, event: 'invitation_accepted', ip: asker.ip, at: asker.now,
      details: { reset: invitation.activated_at !== null },
    });
  });
}

/** The unused, unexpired invitation of `token` with its login (locked when accepting), or InvitationGone. */
async function liveInvitation(db: Executor, token: string, now: Date, lock: boolean) {
  if (!looksLikeToken(token)) throw new InvitationGone();
  let query = db
    .selectFrom('staff_invitations as i')
    .innerJoin('staff_accounts as a', 'a.id', 'i.staff_id')
    .select(['i.token_hash', 'i.staff_id', 'a.email', 'a.first_name', 'a.last_name', 'a.role', 'a.activated_at'])
    .where('i.token_hash', '=', hashToken(token))
    .where('i.used_at', 'is', null)
    .where('i.expires_at', '>', now);
  if (lock) query = query.forUpdate('i');
  const found = await query.executeTakeFirst();
  if (!found) throw new InvitationGone();
  return found;
}
