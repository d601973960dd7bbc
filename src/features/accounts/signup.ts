/**
 * Sign-up (SPEC A1, A2): validated input becomes a `signups` row and a phone code (SMS to a mobile, voice call
 * to a landline) in one transaction; the account, its holder patient row and the session are created in one
 * transaction when the code is entered. Nothing is stored for a refused request.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RouteContext } from '../../platform/http/app.ts';
import type { Language } from '../../platform/i18n/catalogue.ts';
import type { CodeChannel, PhoneKind } from '../../platform/db/schema.ts';
import { InvalidInput } from '../../platform/errors.ts';
import { readAccountView, type AccountView } from './account-view.ts';
import { resendCode, sendCode, verifyCode, type CodeSent } from './codes.ts';
import { checkPassword, passwordProblemKeys } from './domain/password.ts';
import { normaliseEmail } from './domain/people.ts';
import { parsePhone } from './domain/phone.ts';
import { ChallengeNotFound, CodeExpired, EmailTaken } from './errors.ts';
import { hashPassword } from './passwords.ts';
import { limitAttempt } from './rate-limits.ts';
import { recordSecurityEvent } from './security-events.ts';
import { dropPresentedSession, startSession } from './sessions.ts';
import { isUuid } from './tokens.ts';
import { trustDevice } from './trusted-devices.ts';

/** A sign-up may be completed until 1 hour after its last code was sent. */
const SIGNUP_TTL_MS = 60 * 60_000;

export interface SignupRequest {
  phone: string;
  email: string;
  emailConfirmation: string;
  password: string;
  acceptTerms?: boolean;
  acceptPrivacy?: boolean;
}

/** Who is asking: the clock, the client IP (rate limits, security log) and the page's language. */
export interface Asker {
  now: Date;
  ip: string;
  language: Language;
}

const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const EMAIL_MAX_LENGTH = 254;

/** A normalised email, or the 400 saying what to type. */
export function validEmail(input: string): string {
  const email = normaliseEmail(input);
  if (email.length > EMAIL_MAX_LENGTH || !EMAIL_SHAPE.test(email)) throw new InvalidInput('accounts.error.email_invalid');
  return email;
}

/** An E.164 phone with its kind, or the 400 saying what is wrong (`00…` gets the advice to type +33). */
export function validPhone(input: string): { e164: string; kind: PhoneKind } {
  const parsed = parsePhone(input);
  if (parsed.ok) return { e164: parsed.e164, kind: parsed.kind };
  if (parsed.reason === 'international_prefix_00') throw new InvalidInput('accounts.error.phone_00');
  if (parsed.reason === 'not_callable') throw new InvalidInput('accounts.error.phone_not_callable');
  throw new InvalidInput('accounts.error.phone_invalid');
}

/** A mobile gets an SMS, a landline a voice call. */
export function naturalChannel(kind: PhoneKind): CodeChannel {
  return kind === 'mobile' ? 'sms' : 'voice';
}

/** Every rule of the form, in the order of the form; the first broken one is reported (400). */
function validateSignup(input: SignupRequest): { phone: { e164: string; kind: PhoneKind }; email: string } {
  const phone = validPhone(input.phone);
  const email = validEmail(input.email);
  if (normaliseEmail(input.emailConfirmation) !== email) throw new InvalidInput('accounts.error.emails_differ');
  const [problem] = checkPassword(input.password, { email });
  if (problem) throw new InvalidInput(passwordProblemKeys[problem]);
  if (input.acceptTerms !== true) throw new InvalidInput('accounts.error.terms_required');
  if (input.acceptPrivacy !== true) throw new InvalidInput('accounts.error.privacy_required');
  return { phone, email };
}

async function assertEmailFree(context: RouteContext, email: string): Promise<void> {
  const taken = await context.db.selectFrom('accounts').select('id').where('email', '=', email).executeTakeFirst();
  if (taken) throw new EmailTaken();
}

/** A1: checks the form, then stores the sign-up and sends the phone code in one transaction. */
export async function startSignup(context: RouteContext, input: SignupRequest, asker: Asker): Promise<CodeSent> {
  const { phone, email } = validateSignup(input);
  await limitAttempt(context.db, 'signupPerIp', asker.ip, asker.now);
  await assertEmailFree(context, email);
  await limitAttempt(context.db, 'codeSendPerIp', asker.ip, asker.now);
  const passwordHash = await hashPassword(input.password);
  return context.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('signups').where('expires_at', '<=', asker.now).execute();
    const signup = await trx
      .insertInto('signups')
      .values({
        email,
        phone: phone.e164,
        phone_kind: phone.kind,
        password_hash: passwordHash,
        language: asker.language,
        terms_accepted_at: asker.now,
        privacy_accepted_at: asker.now,
        created_at: asker.now,
        expires_at: new Date(asker.now.getTime() + SIGNUP_TTL_MS),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return sendCode(trx, context, {
      purpose: 'signup_phone',
      signupId: signup.id,
      destination: phone.e164,
      channel: naturalChannel(phone.kind),
      language: asker.language,
      now: asker.now,
      ip: asker.ip,
    });
  });
}

/** The live sign-up, or 404 (unknown, completed or expired). */
async function liveSignup(context: RouteContext, signupId: string, now: Date) {
  if (!isUuid(signupId)) throw new ChallengeNotFound();
  const signup = await context.db
    .selectFrom('signups')
    .selectAll()
    .where('id', '=', signupId)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  if (!signup) throw new ChallengeNotFound();
  return signup;
}

/** A2: a new code to the same number, by SMS or by voice call (« Recevoir un appel »); a landline only takes calls. */
export async function resendSignupCode(context: RouteContext, signupId: string, channel: CodeChannel | undefined, asker: Asker): Promise<CodeSent> {
  const signup = await liveSignup(context, signupId, asker.now);
  const chosen = channel ?? naturalChannel(signup.phone_kind);
  if (chosen === 'sms' && signup.phone_kind !== 'mobile') throw new InvalidInput('accounts.error.channel_unavailable');
  await limitAttempt(context.db, 'codeSendPerIp', asker.ip, asker.now);
  return context.db.transaction().execute(async (trx) => {
    await trx.updateTable('signups').set({ expires_at: new Date(asker.now.getTime() + SIGNUP_TTL_MS) }).where('id', '=', signupId).execute();
    return resendCode(trx, context, {
      id: signupId, purpose: 'signup_phone', owner: { signupId }, channel: chosen, destination: signup.phone,
      language: signup.language, now: asker.now, ip: asker.ip,
    });
  });
}

/** « Changer de numéro »: the sign-up takes the new number and a code is sent to it. */
export async function changeSignupPhone(context: RouteContext, signupId: string, typedPhone: string, asker: Asker): Promise<CodeSent> {
  const phone = validPhone(typedPhone);
  const signup = await liveSignup(context, signupId, asker.now);
  await limitAttempt(context.db, 'codeSendPerIp', asker.ip, asker.now);
  return context.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('signups')
      .set({ phone: phone.e164, phone_kind: phone.kind, expires_at: new Date(asker.now.getTime() + SIGNUP_TTL_MS) })
      .where('id', '=', signupId)
      .execute();
    return resendCode(trx, context, {
      id: signupId, purpose: 'signup_phone', owner: { signupId }, channel: naturalChannel(phone.kind), destination: phone.e164,
      language: signup.language, now: asker.now, ip: asker.ip,
    });
  });
}

/** A2: the right code creates the account, its holder patient row and the session, in one transaction. */
export async function completeSignup(
  context: RouteContext,
  request: FastifyRequest,
  reply: FastifyReply,
  input: { signupId: string; code: string; rememberDevice?: boolean },
  asker: Asker,
): Promise<AccountView> {
  await limitAttempt(context.db, 'codeCheckPerIp', asker.ip, asker.now);
  if (!isUuid(input.signupId)) throw new CodeExpired();
  const signup = await context.db
    .selectFrom('signups')
    .selectAll()
    .where('id', '=', input.signupId)
    .where('expires_at', '>', asker.now)
    .executeTakeFirst();
  if (!signup) throw new CodeExpired();
  await verifyCode(context.db, { id: signup.id, purpose: 'signup_phone', code: input.code, now: asker.now, owner: { signupId: signup.id } });
  const remembered = input.rememberDevice === true;
  const accountId = await context.db.transaction().execute(async (trx) => {
    const created = await trx
      .insertInto('accounts')
      .values({
        email: signup.email,
        phone: signup.phone,
        phone_kind: signup.phone_kind,
        phone_verified_at: asker.now,
        password_hash: signup.password_hash,
        password_changed_at: asker.now,
        language: signup.language,
        terms_accepted_at: signup.terms_accepted_at,
        privacy_accepted_at: signup.privacy_accepted_at,
        created_at: asker.now,
      })
      .onConflict((oc) => oc.column('email').doNothing())
      .returning('id')
      .executeTakeFirst();
    // Another sign-up with the same email finished first.
    if (!created) throw new EmailTaken();
    await trx.insertInto('patients').values({ account_id: created.id, is_holder: true, created_at: asker.now, updated_at: asker.now }).execute();
    await trx.deleteFrom('signups').where('id', '=', signup.id).execute();
    await dropPresentedSession(trx, request);
    await startSession(trx, reply, { accountId: created.id, remembered, now: asker.now });
    if (remembered) await trustDevice(trx, reply, created.id, asker.now);
    await recordSecurityEvent(trx, { accountId: created.id, event: 'signup', ip: asker.ip, at: asker.now, details: { phoneKind: signup.phone_kind } });
    return created.id;
  });
  const account = await readAccountView(context.db, accountId);
  if (!account) throw new Error('the account just created is missing');
  return account;
}
