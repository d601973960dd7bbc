/**
 * One-time codes (SPEC A2, A4): 6 digits drawn with crypto.randomInt, stored as HMAC-SHA-256 keyed by the
 * code's id, 15 minutes, 5 attempts counted atomically, resend after 2 minutes, sent in the user's language.
 * The lifecycle rules live in domain/codes.ts; this file does the I/O.
 */
import { createHmac, randomInt, randomUUID } from 'node:crypto';
import { sql, type Selectable, type Transaction } from 'kysely';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import type { CodeChannel, CodePurpose, Database } from '../../platform/db/schema.ts';
import type { RouteContext } from '../../platform/http/app.ts';
import { TooManyAttempts } from '../../platform/http/rate-limit.ts';
import { translate, type Language } from '../../platform/i18n/catalogue.ts';
import {
  CODE_LENGTH, MAX_ATTEMPTS, codeExpiresAt, formatCodeForVoice, judgeCodeAttempt, normaliseCodeInput, RESEND_AFTER_MS,
  resendAvailableAt,
} from './domain/codes.ts';
import { maskEmail, maskPhone } from './domain/phone.ts';
import { ChallengeNotFound, CodeExpired, CodeFormatInvalid, WrongCode } from './errors.ts';
import { limitAttempt } from './rate-limits.ts';
import { recordSecurityEvent } from './security-events.ts';

type Executor = Db | Transaction<Database>;

export const codeSentSchema = z.object({
  id: z.string().meta({ description: 'the sign-up, login challenge or change id' }),
  channel: z.enum(['sms', 'voice', 'email']),
  destination: z.string().meta({ description: 'masked: « 06 •• •• •• 78 », « j•••@example.fr »' }),
  resendAvailableAt: z.string(),
  expiresAt: z.string(),
});

export type CodeSent = z.infer<typeof codeSentSchema>;

export type CodeOwner = { signupId: string } | { accountId: string } | { staffId: string };

export interface SendCodeInput {
  purpose: CodePurpose;
  signupId?: string;
  accountId?: string;
  /** A staff login's code (practitioner space, issue 6). */
  staffId?: string;
  /** E.164 phone or normalised email. */
  destination: string;
  channel: CodeChannel;
  language: Language;
  now: Date;
  /** For the security log. */
  ip?: string | null;
}

export type CodeRow = Selectable<Database['one_time_codes']>;

/**
 * A new code for a sign-up, login challenge or change, replacing any earlier live code of the same owner and
 * purpose; delivered before returning, so that a delivery failure (503) rolls back the caller's transaction.
 * Checks the per-destination limits (5 an hour; 2 minutes after a code still live) with `context.db`, outside that transaction.
 */
export async function sendCode(trx: Executor, context: Pick<RouteContext, 'db' | 'delivery'>, input: SendCodeInput): Promise<CodeSent> {
  await limitDestination(context.db, input.destination, input.now);
  const owner = ownerColumns(input);
  await trx
    .updateTable('one_time_codes')
    .set({ consumed_at: input.now })
    .where('purpose', '=', input.purpose)
    .where(owner.column, '=', owner.value)
    .where('consumed_at', 'is', null)
    .execute();
  const id = randomUUID();
  const code = drawCode();
  await trx
    .insertInto('one_time_codes')
    .values({
      id,
      purpose: input.purpose,
      signup_id: input.signupId ?? null,
      account_id: input.accountId ?? null,
      staff_id: input.staffId ?? null,
      destination: input.destination,
      channel: input.channel,
      code_hash: hashCode(id, code),
      sent_at: input.now,
      expires_at: codeExpiresAt(input.now),
    })
    .execute();
  await deliverCode(context, { ...input, code });
  await recordCodeSent(trx, input);
  return codeSent(input.signupId ?? id, input.channel, input.destination, input.now);
}

export interface ResendCodeInput {
  /** CodeSent.id: the signup id for a sign-up, the code id otherwise. */
  id: string;
  purpose: CodePurpose;
  owner?: CodeOwner;
  /** The new channel and destination (« Recevoir un appel », « Changer de numéro », login code by SMS). */
  channel: CodeChannel;
  destination: string;
  language: Language;
  now: Date;
  ip?: string | null;
}

/**
 * A fresh code for the same sign-up or challenge (its id does not change): the old code dies, attempts
 * start again. Before 2 minutes → 429 with the seconds left. An unknown or used challenge → 404.
 */
export async function resendCode(trx: Executor, context: Pick<RouteContext, 'db' | 'delivery'>, input: ResendCodeInput): Promise<CodeSent> {
  const row = await findLiveRow(trx, input.id, input.purpose, input.owner, { forUpdate: true });
  if (!row) throw new ChallengeNotFound();
  const availableAt = resendAvailableAt(row.sent_at);
  // A new destination (« Changer de numéro », the login code by SMS) may be used at once; the same one after 2 minutes (A2).
  if (row.destination === input.destination && input.now < availableAt) {
    throw new TooManyAttempts((availableAt.getTime() - input.now.getTime()) / 1000);
  }
  await limitDestination(context.db, input.destination, input.now);
  const code = drawCode();
  await trx
    .updateTable('one_time_codes')
    .set({
      code_hash: hashCode(row.id, code),
      attempts: 0,
      sent_at: input.now,
      expires_at: codeExpiresAt(input.now),
      channel: input.channel,
      destination: input.destination,
    })
    .where('id', '=', row.id)
    .execute();
  const owner = { signupId: row.signup_id ?? undefined, accountId: row.account_id ?? undefined, staffId: row.staff_id ?? undefined };
  await deliverCode(context, { ...input, ...owner, code });
  await recordCodeSent(trx, { ...input, ...owner });
  return codeSent(input.id, input.channel, input.destination, input.now);
}

export interface VerifyCodeInput {
  /** CodeSent.id: the signup id for a sign-up, the code id otherwise. */
  id: string;
  purpose: CodePurpose;
  /** As typed; spaces and dashes between digits are fine. */
  code: string;
  now: Date;
  owner: CodeOwner;
}

/**
 * Checks a typed code; every attempt uses a try, counted atomically (`attempts = attempts + 1 … returning`).
 * Must be given the Db, NOT a transaction: a wrong attempt throws, and a rolled-back transaction would forget it.
 * Returns the consumed row; WrongCode (400, tries left) or CodeExpired (410: expired, used, exhausted, unknown).
 */
export async function verifyCode(db: Db, input: VerifyCodeInput): Promise<CodeRow> {
  if (db.isTransaction) throw new Error('verifyCode needs the Db itself: attempts must survive the request failing');
  const typed = normaliseCodeInput(input.code);
  if (!typed) throw new CodeFormatInvalid();
  const row = await findLiveRow(db, input.id, input.purpose, input.owner);
  if (!row) throw new CodeExpired();
  const hash = hashCode(row.id, typed);
  const tried = await db
    .updateTable('one_time_codes')
    .set({
      attempts: sql<number>`attempts + 1`,
      // Only a live code is consumed: right digits on an expired or exhausted code change nothing.
      consumed_at: sql<Date | null>`case when code_hash = ${hash} and expires_at > ${input.now} and attempts < ${MAX_ATTEMPTS}
        then ${input.now}::timestamptz end`,
    })
    .where('id', '=', row.id)
    .where('consumed_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
  if (!tried) throw new CodeExpired();
  const verdict = judgeCodeAttempt(
    { expiresAt: tried.expires_at, consumedAt: null, attempts: tried.attempts - 1 },
    tried.consumed_at !== null,
    input.now,
  );
  if (verdict.outcome === 'accepted') return tried;
  if (verdict.outcome === 'wrong') throw new WrongCode(verdict.attemptsLeft);
  throw new CodeExpired();
}

/**
 * The CodeSent of a live code of the account sent less than 2 minutes ago, or null: a second login right after
 * the first answers with the same challenge instead of a 429 (the first code is still on its way).
 */
export async function pendingCode(
  db: Db,
  input: { accountId?: string; staffId?: string; purpose: CodePurpose; now: Date },
): Promise<CodeSent | null> {
  const owner = ownerColumns(input);
  const row = await db
    .selectFrom('one_time_codes')
    .select(['id', 'channel', 'destination', 'sent_at'])
    .where(owner.column, '=', owner.value)
    .where('purpose', '=', input.purpose)
    .where('consumed_at', 'is', null)
    .where('attempts', '<', MAX_ATTEMPTS)
    .where('sent_at', '>', new Date(input.now.getTime() - RESEND_AFTER_MS))
    .where('sent_at', '<=', input.now)
    .orderBy('sent_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? codeSent(row.id, row.channel, row.destination, row.sent_at) : null;
}

/**
 * Whose a live challenge is (not consumed, last code sent within `ttlMs`) and by which channel its last code went,
 * or undefined; an id that is not a uuid is unknown without a query.
 */
export async function liveChallenge(
  db: Db,
  input: { id: string; purpose: CodePurpose; now: Date; ttlMs: number },
): Promise<{ accountId: string | null; staffId: string | null; channel: CodeChannel } | undefined> {
  if (!z.uuid().safeParse(input.id).success) return undefined;
  const row = await db
    .selectFrom('one_time_codes')
    .select(['account_id', 'staff_id', 'channel'])
    .where('id', '=', input.id)
    .where('purpose', '=', input.purpose)
    .where('consumed_at', 'is', null)
    .where('sent_at', '>', new Date(input.now.getTime() - input.ttlMs))
    .executeTakeFirst();
  return row && { accountId: row.account_id, staffId: row.staff_id, channel: row.channel };
}

/** The live (unconsumed) code of a sign-up, or of the given id and account. */
async function findLiveRow(
  db: Executor,
  id: string,
  purpose: CodePurpose,
  owner: CodeOwner | undefined,
  options: { forUpdate?: boolean } = {},
): Promise<CodeRow | undefined> {
  if (!z.uuid().safeParse(id).success) return undefined;
  let query = db.selectFrom('one_time_codes').selectAll().where('purpose', '=', purpose).where('consumed_at', 'is', null);
  if (purpose === 'signup_phone') query = query.where('signup_id', '=', id);
  else query = query.where('id', '=', id);
  if (owner && 'accountId' in owner) query = query.where('account_id', '=', owner.accountId);
  if (owner && 'signupId' in owner) query = query.where('signup_id', '=', owner.signupId);
  if (owner && 'staffId' in owner) query = query.where('staff_id', '=', owner.staffId);
  if (options.forUpdate) query = query.forUpdate();
  return query.orderBy('sent_at', 'desc').limit(1).executeTakeFirst();
}

function ownerColumns(input: { signupId?: string; accountId?: string; staffId?: string }): {
  column: 'signup_id' | 'account_id' | 'staff_id';
  value: string;
} {
  if (input.signupId) return { column: 'signup_id', value: input.signupId };
  if (input.accountId) return { column: 'account_id', value: input.accountId };
  if (input.staffId) return { column: 'staff_id', value: input.staffId };
  throw new Error('a code belongs to a sign-up, an account or a staff login');
}

/** 6 uniformly drawn digits. */
function drawCode(): string {
  return String(randomInt(0, 10 ** CODE_LENGTH)).padStart(CODE_LENGTH, '0');
}

/** HMAC-SHA-256 of the code keyed by its row id: the same digits give different hashes on different codes. */
function hashCode(id: string, code: string): string {
  return createHmac('sha256', id).update(code).digest('hex');
}

/**
 * A2: while an earlier code to this destination is still live (not used, not expired, tries left) a new one is a
 * resend and waits 2 minutes after it; once that code was used, a new login may send one at once. 5 an hour whatever.
 */
async function limitDestination(db: Db, destination: string, now: Date): Promise<void> {
  const live = await db
    .selectFrom('one_time_codes')
    .select('sent_at')
    .where('destination', '=', destination)
    .where('consumed_at', 'is', null)
    .where('expires_at', '>', now)
    .where('attempts', '<', MAX_ATTEMPTS)
    .where('sent_at', '>', new Date(now.getTime() - RESEND_AFTER_MS))
    .where('sent_at', '<=', now)
    .orderBy('sent_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (live) throw new TooManyAttempts((resendAvailableAt(live.sent_at).getTime() - now.getTime()) / 1000);
  await limitAttempt(db, 'codeSendPerDestination', destination, now);
}

function codeSent(id: string, channel: CodeChannel, destination: string, now: Date): CodeSent {
  return {
    id,
    channel,
    destination: channel === 'email' ? maskEmail(destination) : maskPhone(destination),
    resendAvailableAt: resendAvailableAt(now).toISOString(),
    expiresAt: codeExpiresAt(now).toISOString(),
  };
}

async function recordCodeSent(
  trx: Executor,
  input: { purpose: CodePurpose; accountId?: string; staffId?: string; channel: CodeChannel; now: Date; ip?: string | null },
) {
  await recordSecurityEvent(trx, {
    accountId: input.accountId ?? null,
    staffId: input.staffId ?? null,
    event: 'code_sent',
    ip: input.ip ?? null,
    at: input.now,
    details: { purpose: input.purpose, channel: input.channel },
  });
}

/** The message carrying the code, in the user's language, by the chosen channel. */
async function deliverCode(
  context: Pick<RouteContext, 'delivery'>,
  input: { purpose: CodePurpose; channel: CodeChannel; destination: string; language: Language; code: string },
): Promise<void> {
  const kind = `${input.purpose}_code`;
  const lang = input.language;
  if (input.channel === 'sms') {
    await context.delivery.sendSms({ to: input.destination, text: translate(lang, 'accounts.code.sms', { code: input.code }), kind });
  } else if (input.channel === 'voice') {
    const digits = formatCodeForVoice(input.code);
    await context.delivery.callVoice({ to: input.destination, text: translate(lang, 'accounts.code.voice', { digits }), kind, language: lang });
  } else {
    await context.delivery.sendEmail({ to: input.destination, kind, ...codeEmail(lang, input.purpose, input.code) });
  }
}

/** The email with the code: plain text and a minimal HTML part (only our own texts and digits, nothing typed by users). */
function codeEmail(lang: Language, purpose: CodePurpose, code: string): { subject: string; text: string; html: string } {
  const change = purpose === 'email_change';
  const subject = translate(lang, change ? 'accounts.code.email.subject.change' : 'accounts.code.email.subject.login');
  const intro = translate(lang, change ? 'accounts.code.email.intro.change' : 'accounts.code.email.intro.login');
  const validity = translate(lang, 'accounts.code.email.validity');
  const ignore = translate(lang, 'accounts.code.email.ignore');
  const text = `${intro}\n\n${code}\n\n${validity}\n\n${ignore}\n`;
  const html = `<!doctype html><html lang="${lang}"><body style="font-family:sans-serif">`
    + `<p>${escapeHtml(intro)}</p>`
    + `<p style="font-size:28px;font-weight:bold;letter-spacing:6px">${code}</p>`
    + `<p>${escapeHtml(validity)}</p><p>${escapeHtml(ignore)}</p></body></html>`;
  return { subject, text, html };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
