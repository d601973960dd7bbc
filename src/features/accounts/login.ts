/**
 * Login (SPEC A4): email + password, then a one-time code by email unless the browser is a trusted device
 * of that account. Wrong email and wrong password answer alike, in similar time (a dummy hash is verified).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RouteContext } from '../../platform/http/app.ts';
import type { CodeChannel } from '../../platform/db/schema.ts';
import { readAccountView, type AccountView } from './account-view.ts';
import { pendingCode, resendCode, sendCode, verifyCode, type CodeSent } from './codes.ts';
import { normaliseEmail } from './domain/people.ts';
import { ChallengeNotFound, CodeExpired, WrongCode, WrongCredentials } from './errors.ts';
import { verifyAgainstDummy, verifyPassword } from './passwords.ts';
import { limitAttempt } from './rate-limits.ts';
import { recordSecurityEvent } from './security-events.ts';
import { dropPresentedSession, startSession } from './sessions.ts';
import { naturalChannel, type Asker } from './signup.ts';
import { isUuid } from './tokens.ts';
import { isTrustedDevice, purgeExpiredDevices, trustDevice } from './trusted-devices.ts';

/** A login challenge may be resent for a day after its last code; each code itself lives 15 minutes. */
const CHALLENGE_TTL_MS = 24 * 60 * 60_000;

export type LoginOutcome =
  | { status: 'signed_in'; account: AccountView }
  | { status: 'code_required'; challenge: CodeSent };

export interface LoginRequest {
  email: string;
  password: string;
  rememberDevice?: boolean;
}

/** Checks the password; signs in at once on a trusted device, otherwise sends (or re-offers) the email code. */
export async function logIn(
  context: RouteContext,
  request: FastifyRequest,
  reply: FastifyReply,
  input: LoginRequest,
  asker: Asker,
): Promise<LoginOutcome> {
  const email = normaliseEmail(input.email);
  await limitAttempt(context.db, 'loginPerIp', asker.ip, asker.now);
  await limitAttempt(context.db, 'loginPerEmail', email, asker.now);
  const account = await context.db
    .selectFrom('accounts')
    .select(['id', 'email', 'password_hash', 'language'])
    .where('email', '=', email)
    .executeTakeFirst();
  const passwordOk = account ? await verifyPassword(account.password_hash, input.password) : await verifyAgainstDummy(input.password);
  if (!account || !passwordOk) {
    await recordSecurityEvent(context.db, {
      accountId: account?.id ?? null, event: 'login_failure', ip: asker.ip, at: asker.now,
      details: { reason: account ? 'wrong_password' : 'unknown_email' },
    });
    throw new WrongCredentials();
  }
  if (await isTrustedDevice(context.db, request, account.id, asker.now)) {
    await signIn(context, request, reply, { accountId: account.id, remembered: input.rememberDevice === true, trust: false, via: 'trusted_device' }, asker);
    return { status: 'signed_in', account: await accountView(context, account.id) };
  }
  const pending = await pendingCode(context.db, { accountId: account.id, purpose: 'login', now: asker.now });
  if (pending) return { status: 'code_required', challenge: pending };
  await limitAttempt(context.db, 'codeSendPerIp', asker.ip, asker.now);
  const challenge = await context.db.transaction().execute(async (trx) => {
    // Challenges older than the resend window of challengeAccount are dead: the account's are purged here.
    await trx.deleteFrom('one_time_codes').where('account_id', '=', account.id).where('purpose', '=', 'login')
      .where('sent_at', '<', new Date(asker.now.getTime() - CHALLENGE_TTL_MS)).execute();
    return sendCode(trx, context, {
      purpose: 'login', accountId: account.id, destination: account.email, channel: 'email',
      language: account.language, now: asker.now, ip: asker.ip,
    });
  });
  return { status: 'code_required', challenge };
}

/** The login challenge's code again, by email or by SMS (a voice call for a landline). */
export async function resendLoginCode(context: RouteContext, challengeId: string, channel: 'email' | 'sms' | undefined, asker: Asker): Promise<CodeSent> {
  const account = await challengeAccount(context, challengeId, asker.now);
  if (!account) throw new ChallengeNotFound();
  await limitAttempt(context.db, 'codeSendPerIp', asker.ip, asker.now);
  const byPhone = channel === 'sms';
  const chosen: CodeChannel = byPhone ? naturalChannel(account.phone_kind) : 'email';
  return context.db.transaction().execute((trx) =>
    resendCode(trx, context, {
      id: challengeId, purpose: 'login', owner: { accountId: account.id }, channel: chosen,
      destination: byPhone ? account.phone : account.email, language: account.language, now: asker.now, ip: asker.ip,
    }),
  );
}

/** The right code signs in (a new session; a trusted device when asked). */
export async function completeLogin(
  context: RouteContext,
  request: FastifyRequest,
  reply: FastifyReply,
  input: { challengeId: string; code: string; rememberDevice?: boolean },
  asker: Asker,
): Promise<LoginOutcome> {
  await limitAttempt(context.db, 'codeCheckPerIp', asker.ip, asker.now);
  const account = await challengeAccount(context, input.challengeId, asker.now);
  if (!account) throw new CodeExpired();
  let code;
  try {
    code = await verifyCode(context.db, {
      id: input.challengeId, purpose: 'login', code: input.code, now: asker.now, owner: { accountId: account.id },
    });
  } catch (error) {
    if (error instanceof WrongCode || error instanceof CodeExpired) {
      await recordSecurityEvent(context.db, { accountId: account.id, event: 'code_failed', ip: asker.ip, at: asker.now, details: { purpose: 'login' } });
    }
    throw error;
  }
  await signIn(context, request, reply, {
    accountId: account.id, remembered: input.rememberDevice === true, trust: input.rememberDevice === true, via: code.channel,
    emailVerified: code.channel === 'email',
  }, asker);
  return { status: 'signed_in', account: await accountView(context, account.id) };
}

/** The account a live (unconsumed) login challenge belongs to. */
async function challengeAccount(context: RouteContext, challengeId: string, now: Date) {
  if (!isUuid(challengeId)) return undefined;
  return context.db
    .selectFrom('one_time_codes as c')
    .innerJoin('accounts as a', 'a.id', 'c.account_id')
    .select(['a.id', 'a.email', 'a.phone', 'a.phone_kind', 'a.language'])
    .where('c.id', '=', challengeId)
    .where('c.purpose', '=', 'login')
    .where('c.consumed_at', 'is', null)
    .where('c.sent_at', '>', new Date(now.getTime() - CHALLENGE_TTL_MS))
    .executeTakeFirst();
}

/** A new session (the one the browser presented is deleted), a trusted device if asked, and the event. */
async function signIn(
  context: RouteContext,
  request: FastifyRequest,
  reply: FastifyReply,
  options: { accountId: string; remembered: boolean; trust: boolean; via: string; emailVerified?: boolean },
  asker: Asker,
): Promise<void> {
  await context.db.transaction().execute(async (trx) => {
    if (options.emailVerified) {
      await trx.updateTable('accounts').set({ email_verified_at: asker.now }).where('id', '=', options.accountId).where('email_verified_at', 'is', null).execute();
    }
    await dropPresentedSession(trx, request);
    await startSession(trx, reply, { accountId: options.accountId, remembered: options.remembered, now: asker.now });
    if (options.trust) {
      await purgeExpiredDevices(trx, options.accountId, asker.now);
      await trustDevice(trx, reply, options.accountId, asker.now);
    }
    await recordSecurityEvent(trx, { accountId: options.accountId, event: 'login_success', ip: asker.ip, at: asker.now, details: { via: options.via } });
  });
}

async function accountView(context: RouteContext, accountId: string): Promise<AccountView> {
  const view = await readAccountView(context.db, accountId);
  if (!view) throw new Error('the account signed in is missing');
  return view;
}
