/**
 * « Mot de passe oublié ? » (SPEC A5): email + phone of the account → a link valid 30 minutes, single use.
 * The request's answer, its work and its timing are the same whether an account matches or not; the link's
 * token is 32 random bytes whose SHA-256 only is stored. Using it revokes every session and trusted device.
 */
import { sql } from 'kysely';
import type { EmailMessage } from '../../platform/delivery/delivery.ts';
import type { RouteContext } from '../../platform/http/app.ts';
import type { Language } from '../../platform/i18n/catalogue.ts';
import { composeAccountEmail } from './account-emails.ts';
import { ResetLinkGone } from './account-errors.ts';
import { readEmail, readPhone } from './account-identity.ts';
import { assertStrongPassword } from './account-password.ts';
import { retirePendingResets, savePasswordHash, selectPasswordContext } from './account-repository.ts';
import { NotSignedIn } from './errors.ts';
import { hashPassword } from './passwords.ts';
import { limitAttempt } from './rate-limits.ts';
import { recordSecurityEvent } from './security-events.ts';
import { endAllSessions } from './sessions.ts';
import { hashToken, issueToken, looksLikeToken } from './tokens.ts';

export const RESET_LINK_LIFETIME_MS = 30 * 60_000;

type Context = Pick<RouteContext, 'db' | 'delivery' | 'publicUrl'>;

export interface ResetRequest {
  now: Date;
  ip: string | null;
}

/**
 * Records a reset link when email and phone match an account, and returns the email to send (or null).
 * One statement both looks the account up and inserts the link, so a miss does the same work as a match.
 */
export async function requestPasswordReset(
  context: Context,
  input: { email: string; phone: string },
  request: ResetRequest,
): Promise<EmailMessage | null> {
  const email = readEmail(input.email);
  const phone = readPhone(input.phone).e164;
  await limitAttempt(context.db, 'resetPerIp', request.ip ?? 'unknown', request.now);
  await limitAttempt(context.db, 'resetPerEmail', email, request.now);
  const link = issueToken();
  const expiresAt = new Date(request.now.getTime() + RESET_LINK_LIFETIME_MS);
  return context.db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ id: string; language: Language }>`
      with matched as (select id, language from accounts where email = ${email}::text and phone = ${phone}::text),
      created as (
        insert into password_resets (token_hash, account_id, created_at, expires_at)
        select ${link.hash}::bytea, id, ${request.now}::timestamptz, ${expiresAt}::timestamptz from matched
        returning account_id
      )
      select m.id, m.language from matched m join created c on c.account_id = m.id`.execute(trx);
    const account = rows[0];
    await recordSecurityEvent(trx, {
      accountId: account?.id ?? null, event: 'password_reset_requested', ip: request.ip, at: request.now, details: { matched: account !== undefined },
    });
    if (!account) return null;
    return composeAccountEmail({
      to: email,
      kind: 'password_reset_link',
      language: account.language,
      subjectKey: 'password_reset.email.subject',
      textKey: 'password_reset.email.text',
      params: { link: resetLinkUrl(context.publicUrl, link.token) },
      action: { url: resetLinkUrl(context.publicUrl, link.token), labelKey: 'password_reset.email.button' },
    });
  });
}

/** The page of the web app that reads the token from the fragment (never sent to servers or logs). */
export function resetLinkUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/mot-de-passe/nouveau#jeton=${token}`;
}

/** Whether a link can still be used (the page asks before showing the form). */
export async function checkResetLink(context: Pick<RouteContext, 'db'>, token: string, now: Date): Promise<void> {
  if (!looksLikeToken(token)) throw new ResetLinkGone();
  const row = await context.db
    .selectFrom('password_resets')
    .select('account_id')
    .where('token_hash', '=', hashToken(token))
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  if (!row) throw new ResetLinkGone();
}

/**
 * The new password through the link: policy with the person's identity, argon2id, the link and every other
 * pending link used up, every session and trusted device ended, a notice to the account's email.
 */
export async function confirmPasswordReset(
  context: Pick<RouteContext, 'db' | 'delivery'>,
  input: { token: string; password: string },
  request: ResetRequest,
): Promise<void> {
  if (!looksLikeToken(input.token)) throw new ResetLinkGone();
  await context.db.transaction().execute(async (trx) => {
    const reset = await trx
      .selectFrom('password_resets')
      .select(['account_id', 'used_at', 'expires_at'])
      .where('token_hash', '=', hashToken(input.token))
      .forUpdate()
      .executeTakeFirst();
    if (!reset || reset.used_at !== null || reset.expires_at <= request.now) throw new ResetLinkGone();
    const accountId = reset.account_id;
    const identity = await selectPasswordContext(trx, accountId);
    if (!identity) throw new NotSignedIn();
    assertStrongPassword(input.password, identity);
    const language = await trx.selectFrom('accounts').select('language').where('id', '=', accountId).executeTakeFirstOrThrow();
    await savePasswordHash(trx, accountId, await hashPassword(input.password), request.now);
    await retirePendingResets(trx, accountId, request.now);
    await endAllSessions(trx, accountId);
    await recordSecurityEvent(trx, { accountId, event: 'password_reset', ip: request.ip, at: request.now });
    await context.delivery.sendEmail(composeAccountEmail({
      to: identity.email,
      kind: 'password_changed_notice',
      language: language.language,
      subjectKey: 'notice.password_changed.subject',
      textKey: 'notice.password_changed.text',
    }));
  });
}
