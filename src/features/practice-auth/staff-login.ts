/**
 * Staff login (docs/api-practice.md « Session and login »): the patient login's rules (A4) for the practitioner space —
 * email + password, then a one-time code unless the browser is a trusted device of that login. The code goes by SMS to
 * a mobile on file (the person, not a practice mailbox several people read), else by email.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CodeChannel } from '../../platform/db/schema.ts';
import type { RouteContext } from '../../platform/http/app.ts';
import { liveChallenge, pendingCode, resendCode, sendCode, verifyCode, type CodeSent } from '../accounts/codes.ts';
import { normaliseEmail } from '../accounts/domain/people.ts';
import { ChallengeNotFound, CodeExpired, WrongCode, WrongCredentials } from '../accounts/errors.ts';
import type { LoginRequest } from '../accounts/login.ts';
import { verifyAgainstDummy, verifyPassword } from '../accounts/passwords.ts';
import { recordSecurityEvent } from '../accounts/security-events.ts';
import { naturalChannel, type Asker } from '../accounts/signup.ts';
import { NoPhoneOnFile } from './errors.ts';
import { limitStaffAttempt } from './rate-limits.ts';
import {
  dropPresentedStaffSession, openStaffSession, purgeDeadOfStaff, trustStaffDevice, usesTrustedStaffDevice,
} from './staff-session-store.ts';
import { readStaffView, type StaffView } from './staff-view.ts';

/** A challenge may be resent for a day after its last code; each code lives 15 minutes. */
const CHALLENGE_TTL_MS = 24 * 60 * 60_000;
const PURPOSE = 'staff_login';

export type StaffLoginOutcome =
  | { status: 'signed_in'; staff: StaffView }
  | { status: 'code_required'; challenge: CodeSent };

interface StaffContact {
  id: string;
  role: 'practitioner' | 'secretary';
  practitioner_id: string | null;
  email: string;
  phone: string | null;
  phone_kind: 'mobile' | 'landline' | null;
  language: 'fr' | 'en';
}

/** Checks the password; signs in at once on a trusted device, otherwise sends (or re-offers) the code. */
export async function logInStaff(
  context: RouteContext,
  request: FastifyRequest,
  reply: FastifyReply,
  input: LoginRequest,
  asker: Asker,
): Promise<StaffLoginOutcome> {
  const email = normaliseEmail(input.email);
  for (const [limit, key] of [['staffLoginPerIp', asker.ip], ['staffLoginPerEmail', email]] as const) {
    await limitStaffAttempt(context.db, limit, key, asker.now);
  }
  const staff = await findStaffByEmail(context, email);
  // A login whose invitation is not accepted yet has no password: it fails like an unknown email, in the same time.
  const passwordOk = staff?.password_hash ? await verifyPassword(staff.password_hash, input.password) : await verifyAgainstDummy(input.password);
  if (!staff || !passwordOk) {
    const reason = !staff ? 'unknown_email' : staff.password_hash ? 'wrong_password' : 'not_activated';
    await recordSecurityEvent(context.db, {
      accountId: null, staffId: staff?.id ?? null, event: 'login_failure', ip: asker.ip, at: asker.now, details: { space: 'practice', reason },
    });
    throw new WrongCredentials();
  }
  if (await usesTrustedStaffDevice(context.db, request, staff.id, asker.now)) {
    await startStaffSession(context, request, reply, { staffId: staff.id, trust: false, via: 'trusted_device' }, asker);
    return { status: 'signed_in', staff: await viewOf(context, staff) };
  }
  const pending = await pendingCode(context.db, { staffId: staff.id, purpose: PURPOSE, now: asker.now });
  if (pending) return { status: 'code_required', challenge: pending };
  await limitStaffAttempt(context.db, 'staffCodeSendPerIp', asker.ip, asker.now);
  const { channel, destination } = codeRoute(staff, staff.phone_kind === 'mobile' ? 'sms' : 'email');
  const challenge = await context.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('one_time_codes').where('staff_id', '=', staff.id).where('purpose', '=', PURPOSE)
      .where('sent_at', '<', new Date(asker.now.getTime() - CHALLENGE_TTL_MS)).execute();
    return sendCode(trx, context, {
      purpose: PURPOSE, staffId: staff.id, destination, channel, language: staff.language, now: asker.now, ip: asker.ip,
    });
  });
  return { status: 'code_required', challenge };
}

/** The challenge's code again, by email or by phone (SMS to a mobile, a call to a landline); by default as first sent. */
export async function resendStaffCode(context: RouteContext, challengeId: string, wanted: 'email' | 'sms' | undefined, asker: Asker): Promise<CodeSent> {
  const staff = await challengeStaff(context, challengeId, asker.now);
  if (!staff) throw new ChallengeNotFound();
  await limitStaffAttempt(context.db, 'staffCodeSendPerIp', asker.ip, asker.now);
  const { channel, destination } = codeRoute(staff, wanted ?? staff.channel);
  return context.db.transaction().execute((trx) =>
    resendCode(trx, context, {
      id: challengeId, purpose: PURPOSE, owner: { staffId: staff.id }, channel, destination, language: staff.language,
      now: asker.now, ip: asker.ip,
    }),
  );
}

/** The right code signs in (a new session; this browser trusted when asked). */
export async function verifyStaffCode(
  context: RouteContext,
  request: FastifyRequest,
  reply: FastifyReply,
  input: { challengeId: string; code: string; rememberDevice?: boolean },
  asker: Asker,
): Promise<{ status: 'signed_in'; staff: StaffView }> {
  await limitStaffAttempt(context.db, 'staffCodeCheckPerIp', asker.ip, asker.now);
  const staff = await challengeStaff(context, input.challengeId, asker.now);
  if (!staff) throw new CodeExpired();
  let code;
  try {
    code = await verifyCode(context.db, { id: input.challengeId, purpose: PURPOSE, code: input.code, now: asker.now, owner: { staffId: staff.id } });
  } catch (error) {
    if (error instanceof WrongCode || error instanceof CodeExpired) {
      await recordSecurityEvent(context.db, { accountId: null, staffId: staff.id, event: 'code_failed', ip: asker.ip, at: asker.now, details: { purpose: PURPOSE } });
    }
    throw error;
  }
  await startStaffSession(context, request, reply, { staffId: staff.id, trust: input.rememberDevice === true, via: code.channel }, asker);
  return { status: 'signed_in', staff: await viewOf(context, staff) };
}

/** The staff login of a normalised email, with its password hash (null until its invitation is accepted). */
function findStaffByEmail(context: RouteContext, email: string) {
  return context.db
    .selectFrom('staff_accounts')
    .select(['id', 'role', 'practitioner_id', 'email', 'phone', 'phone_kind', 'language', 'password_hash'])
    .where('email', '=', email)
    .executeTakeFirst();
}

/** Where a code goes for the wanted channel: a phone channel needs a phone on file. */
function codeRoute(staff: Pick<StaffContact, 'email' | 'phone' | 'phone_kind'>, wanted: CodeChannel): { channel: CodeChannel; destination: string } {
  if (wanted === 'email') return { channel: 'email', destination: staff.email };
  if (!staff.phone || !staff.phone_kind) throw new NoPhoneOnFile();
  return { channel: naturalChannel(staff.phone_kind), destination: staff.phone };
}

/** The staff login a live (unconsumed, less than a day old) login challenge belongs to, with the challenge's channel. */
async function challengeStaff(context: RouteContext, challengeId: string, now: Date): Promise<(StaffContact & { channel: CodeChannel }) | undefined> {
  const challenge = await liveChallenge(context.db, { id: challengeId, purpose: PURPOSE, now, ttlMs: CHALLENGE_TTL_MS });
  if (!challenge?.staffId) return undefined;
  const staff = await context.db
    .selectFrom('staff_accounts')
    .select(['id', 'role', 'practitioner_id', 'email', 'phone', 'phone_kind', 'language'])
    .where('id', '=', challenge.staffId)
    .executeTakeFirst();
  return staff && { ...staff, channel: challenge.channel };
}

/** A new session (the one the browser presented is deleted), the device trusted if asked, and the event. */
async function startStaffSession(
  context: RouteContext,
  request: FastifyRequest,
  reply: FastifyReply,
  options: { staffId: string; trust: boolean; via: string },
  asker: Asker,
): Promise<void> {
  await context.db.transaction().execute(async (trx) => {
    await dropPresentedStaffSession(trx, request);
    await purgeDeadOfStaff(trx, options.staffId, asker.now);
    await openStaffSession(trx, reply, options.staffId, asker.now);
    if (options.trust) await trustStaffDevice(trx, reply, options.staffId, asker.now);
    await recordSecurityEvent(trx, {
      accountId: null, staffId: options.staffId, event: 'login_success', ip: asker.ip, at: asker.now, details: { space: 'practice', via: options.via },
    });
  });
}

async function viewOf(context: RouteContext, staff: StaffContact): Promise<StaffView> {
  const view = await readStaffView(context.db, { staffId: staff.id, role: staff.role, practitionerId: staff.practitioner_id });
  if (!view) throw new Error('the staff login signed in is missing');
  return view;
}
