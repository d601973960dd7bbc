/**
 * A staff login's own password change and « Se déconnecter de tous les appareils » (docs/api-practice.md « Staff
 * authentication »): the patient account's rules (A3, A6) through the accounts' own checks, hashing and audit log, on
 * the staff session store — the current password proves the holder, other sessions and trusted devices end, this
 * session gets a new token; all in one transaction.
 */
import type { FastifyReply } from 'fastify';
import type { Db } from '../../platform/db/database.ts';
import { assertStrongPassword, type PasswordChange } from '../accounts/account-password.ts';
import { SamePassword, WrongPassword } from '../accounts/account-errors.ts';
import { hashPassword, verifyPassword } from '../accounts/passwords.ts';
import { recordSecurityEvent } from '../accounts/security-events.ts';
import { StaffNotSignedIn } from './errors.ts';
import { limitStaffAttempt } from './rate-limits.ts';
import { endEverythingOfStaff, endOtherStaffSessions, rotateStaffSession, type StaffSessionFound } from './staff-session-store.ts';

export interface StaffAct {
  now: Date;
  ip: string | null;
}

/** « Modifier mon mot de passe » of the practitioner space. */
export async function changeStaffPassword(
  db: Db,
  reply: FastifyReply,
  session: StaffSessionFound,
  change: PasswordChange,
  act: StaffAct,
): Promise<void> {
  await limitStaffAttempt(db, 'staffPasswordConfirmation', session.staffId, act.now);
  await db.transaction().execute(async (trx) => {
    const staff = await trx.selectFrom('staff_accounts')
      .select(['email', 'first_name', 'last_name', 'password_hash'])
      .where('id', '=', session.staffId)
      .forUpdate()
      .executeTakeFirst();
    if (!staff?.password_hash) throw new StaffNotSignedIn();
    if (!(await verifyPassword(staff.password_hash, change.currentPassword))) throw new WrongPassword();
    assertStrongPassword(change.newPassword, { email: staff.email, firstName: staff.first_name, lastName: staff.last_name });
    if (await verifyPassword(staff.password_hash, change.newPassword)) throw new SamePassword();
    await trx.updateTable('staff_accounts')
      .set({ password_hash: await hashPassword(change.newPassword), password_changed_at: act.now })
      .where('id', '=', session.staffId)
      .execute();
    await endOtherStaffSessions(trx, session.staffId, session.tokenHash);
    await rotateStaffSession(trx, reply, session, act.now);
    await recordSecurityEvent(trx, {
      accountId: null, staffId: session.staffId, event: 'password_changed', ip: act.ip, at: act.now, details: { space: 'practice' },
    });
  });
}

/** Every session and trusted device of the login ends, this one included. */
export async function logOutStaffEverywhere(db: Db, staffId: string, act: StaffAct): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await endEverythingOfStaff(trx, staffId);
    await recordSecurityEvent(trx, { accountId: null, staffId, event: 'logout_all', ip: act.ip, at: act.now, details: { space: 'practice' } });
  });
}
