/**
 * « Supprimer mon compte » (A6, D6), in one transaction: the password confirms it; patient rows (holder and
 * relatives) are deleted, or kept pseudonymised when appointments point at them; pending sign-ups with the
 * email go; the account row goes, and with it (on delete cascade) sessions, trusted devices, codes and reset
 * links. The security event stays, its account id set null by the foreign key.
 */
import type { RouteContext } from '../../platform/http/app.ts';
import { limitPasswordConfirmations } from './account-password.ts';
import { UpcomingAppointmentsFirst, WrongPassword } from './account-errors.ts';
import { erasePatients } from './account-patient-records.ts';
import {
  deleteAccountRow, deletePendingSignups, hasUpcomingAppointments, lockAccountCredentials, lockAccountPatients,
} from './account-repository.ts';
import { NotSignedIn } from './errors.ts';
import { verifyPassword } from './passwords.ts';
import { recordSecurityEvent } from './security-events.ts';

export interface DeletionResult {
  patientsDeleted: number;
  patientsPseudonymised: number;
}

/** Deletes the account of the session after checking its password. */
export async function deleteAccount(
  context: Pick<RouteContext, 'db'>,
  accountId: string,
  password: string,
  request: { now: Date; ip: string | null },
): Promise<DeletionResult> {
  await limitPasswordConfirmations(context.db, accountId, request.now);
  return context.db.transaction().execute(async (trx) => {
    const credentials = await lockAccountCredentials(trx, accountId);
    if (!credentials) throw new NotSignedIn();
    if (!(await verifyPassword(credentials.password_hash, password))) throw new WrongPassword();
    // Locked before the check: a booking for one of them waits for us, then finds the rows gone or erased.
    const patientIds = await lockAccountPatients(trx, accountId);
    if (await hasUpcomingAppointments(trx, accountId, patientIds, request.now)) throw new UpcomingAppointmentsFirst();
    const erased = await erasePatients(trx, patientIds, request.now);
    await deletePendingSignups(trx, credentials.email);
    await recordSecurityEvent(trx, {
      accountId,
      event: 'account_deleted',
      ip: request.ip,
      at: request.now,
      details: { patientsDeleted: erased.deleted, patientsPseudonymised: erased.pseudonymised },
    });
    await deleteAccountRow(trx, accountId);
    return { patientsDeleted: erased.deleted, patientsPseudonymised: erased.pseudonymised };
  });
}
