/**
 * Changing the phone or the email of « Mon compte » (A2, A6): a code goes to the NEW contact, and only the
 * code entered makes it the account's; the session then gets a new token. A changed email is announced to the
 * old address, so that a stolen session cannot take the account over silently.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { RouteContext } from '../../platform/http/app.ts';
import { composeAccountEmail } from './account-emails.ts';
import { EmailInUse, InvalidAccountField } from './account-errors.ts';
import { readEmail, readPhone } from './account-identity.ts';
import { emailUsedByAnotherAccount, lockAccountCredentials, saveEmail, savePhone } from './account-repository.ts';
import { findAccountWithHolder, toAccountView, type AccountView } from './account-view.ts';
import { sendCode, verifyCode, type CodeSent } from './codes.ts';
import { maskEmail } from './domain/phone.ts';
import { NotSignedIn } from './errors.ts';
import { limitAttempt } from './rate-limits.ts';
import { recordSecurityEvent } from './security-events.ts';

type Context = Pick<RouteContext, 'db' | 'delivery'>;

export interface ContactRequest {
  now: Date;
  ip: string | null;
}

export interface ContactConfirmation extends ContactRequest {
  /** Issues the session's new token inside the transaction (sessions.rotateSession with the request and reply). */
  rotateSession: (trx: Transaction<Database>) => Promise<void>;
}

/** « Modifier mon numéro »: a code by SMS to a new mobile, by voice call to a new landline. */
export async function startPhoneChange(context: Context, accountId: string, phoneInput: string, request: ContactRequest): Promise<CodeSent> {
  const phone = readPhone(phoneInput);
  await limitAttempt(context.db, 'codeSendPerIp', request.ip ?? 'unknown', request.now);
  return context.db.transaction().execute(async (trx) => {
    const account = await findAccountWithHolder(trx, accountId, { forUpdate: true });
    if (!account) throw new NotSignedIn();
    if (account.phone === phone.e164) throw new InvalidAccountField('myaccount.error.phone_unchanged');
    return sendCode(trx, context, {
      purpose: 'phone_change',
      accountId,
      destination: phone.e164,
      channel: phone.kind === 'mobile' ? 'sms' : 'voice',
      language: account.language,
      now: request.now,
      ip: request.ip,
    });
  });
}

/** The code of a phone or email change, checked against the per-IP limit. */
async function checkChangeCode(
  context: Context,
  accountId: string,
  change: { id: string; code: string },
  purpose: 'phone_change' | 'email_change',
  request: ContactConfirmation,
) {
  await limitAttempt(context.db, 'codeCheckPerIp', request.ip ?? 'unknown', request.now);
  // Outside any transaction: a wrong attempt must be counted even though the request fails.
  return verifyCode(context.db, { id: change.id, purpose, code: change.code, now: request.now, owner: { accountId } });
}

/** The code typed: the new number becomes the account's, verified now. */
export async function confirmPhoneChange(
  context: Context,
  accountId: string,
  change: { id: string; code: string },
  request: ContactConfirmation,
): Promise<AccountView> {
  const code = await checkChangeCode(context, accountId, change, 'phone_change', request);
  const phone = readPhone(code.destination);
  return context.db.transaction().execute(async (trx) => {
    if (!(await lockAccountCredentials(trx, accountId))) throw new NotSignedIn();
    await savePhone(trx, accountId, phone.e164, phone.kind, request.now);
    await request.rotateSession(trx);
    await recordSecurityEvent(trx, { accountId, event: 'phone_changed', ip: request.ip, at: request.now, details: { channel: code.channel } });
    return readView(trx, accountId);
  });
}

/** « Modifier mon adresse email »: typed twice, free, and confirmed by a code sent to it. */
export async function startEmailChange(
  context: Context,
  accountId: string,
  input: { email: string; emailConfirmation: string },
  request: ContactRequest,
): Promise<CodeSent> {
  const email = readEmail(input.email);
  if (readEmail(input.emailConfirmation) !== email) throw new InvalidAccountField('myaccount.error.emails_differ');
  await limitAttempt(context.db, 'codeSendPerIp', request.ip ?? 'unknown', request.now);
  return context.db.transaction().execute(async (trx) => {
    const account = await findAccountWithHolder(trx, accountId, { forUpdate: true });
    if (!account) throw new NotSignedIn();
    if (account.email === email) throw new InvalidAccountField('myaccount.error.email_unchanged');
    if (await emailUsedByAnotherAccount(trx, email, accountId)) throw new EmailInUse();
    return sendCode(trx, context, {
      purpose: 'email_change', accountId, destination: email, channel: 'email', language: account.language, now: request.now, ip: request.ip,
    });
  });
}

/** The code typed: the new email becomes the account's (verified), and the old address is told. */
export async function confirmEmailChange(
  context: Context,
  accountId: string,
  change: { id: string; code: string },
  request: ContactConfirmation,
): Promise<AccountView> {
  const code = await checkChangeCode(context, accountId, change, 'email_change', request);
  return context.db.transaction().execute(async (trx) => {
    const previous = await lockAccountCredentials(trx, accountId);
    if (!previous) throw new NotSignedIn();
    // Another account may have taken the address since the code was sent.
    if (await emailUsedByAnotherAccount(trx, code.destination, accountId)) throw new EmailInUse();
    await saveEmail(trx, accountId, code.destination, request.now).catch(asEmailInUse);
    await request.rotateSession(trx);
    await recordSecurityEvent(trx, { accountId, event: 'email_changed', ip: request.ip, at: request.now });
    // Inside the transaction: no silent takeover — if the old address cannot be told, the change waits (503).
    await context.delivery.sendEmail(composeAccountEmail({
      to: previous.email,
      kind: 'email_changed_notice',
      language: previous.language,
      subjectKey: 'notice.email_changed.subject',
      textKey: 'notice.email_changed.text',
      params: { newEmail: maskEmail(code.destination) },
    }));
    return readView(trx, accountId);
  });
}

/** Two accounts confirming the same address at once: the unique index decides, the loser gets the 409. */
function asEmailInUse(error: unknown): never {
  if ((error as { code?: string }).code === '23505') throw new EmailInUse();
  throw error;
}

async function readView(trx: Transaction<Database>, accountId: string): Promise<AccountView> {
  const row = await findAccountWithHolder(trx, accountId);
  if (!row) throw new NotSignedIn();
  return toAccountView(row);
}
