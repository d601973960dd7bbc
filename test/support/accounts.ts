/**
 * Accounts for tests: an account inserted directly (verified phone, holder patient row, argon2id hash),
 * a signed-in session, and a CSRF token for anonymous state-changing requests.
 *   const account = await createTestAccount(t.db);
 *   const { headers } = await signIn(app, t.db, account);      // cookie + x-csrf-token
 *   await app.inject({ method: 'PATCH', url: '/api/account', headers, payload });
 * signIn does not go through the login route (its rate limits would bite test files that sign in often):
 * it creates the session row as startSession does, at the app's clock (read from GET /api/health) unless `now` is given.
 */
import { randomBytes } from 'node:crypto';
import type { App } from '../../src/platform/http/app.ts';
import type { Db } from '../../src/platform/db/database.ts';
import { hashPassword } from '../../src/features/accounts/passwords.ts';
import { createSessionToken, SESSION_COOKIE } from '../../src/features/accounts/sessions.ts';
import { CSRF_COOKIE } from '../../src/platform/http/csrf.ts';

export interface TestAccount {
  accountId: string;
  email: string;
  password: string;
  phone: string;
}

export interface TestAccountFields {
  email: string;
  password: string;
  phone: string;
  firstName: string;
  lastName: string;
  birthDate: string;
}

export const testPassword = 'Lune-Bleue-2026!';

/** Inserts an account with a verified phone and its holder patient row; a unique email unless given. */
export async function createTestAccount(db: Db, overrides: Partial<TestAccountFields> = {}): Promise<TestAccount> {
  const email = overrides.email ?? `patient-${randomBytes(5).toString('hex')}@example.fr`;
  const password = overrides.password ?? testPassword;
  const phone = overrides.phone ?? '+33612345678';
  const now = new Date();
  const account = await db
    .insertInto('accounts')
    .values({
      email,
      phone,
      phone_kind: /^\+33[67]/.test(phone) ? 'mobile' : 'landline',
      phone_verified_at: now,
      password_hash: await hashPassword(password),
      terms_accepted_at: now,
      privacy_accepted_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('patients')
    .values({
      account_id: account.id,
      is_holder: true,
      first_name: overrides.firstName ?? 'Camille',
      last_name: overrides.lastName ?? 'Martin',
      birth_date: overrides.birthDate ?? '1990-04-12',
    })
    .execute();
  return { accountId: account.id, email, password, phone };
}

export interface CsrfPair {
  csrfToken: string;
  /** `__Host-creneau_csrf=…`, to join with other cookies. */
  cookie: string;
  /** cookie + x-csrf-token, ready for an anonymous POST. */
  headers: Record<string, string>;
}

/** A valid CSRF cookie and header, as the web app gets them from GET /api/session. */
export async function csrfPair(app: App): Promise<CsrfPair> {
  const res = await app.inject({ method: 'GET', url: '/api/session' });
  const csrfToken = (res.json() as { csrfToken: string }).csrfToken;
  const cookie = `${CSRF_COOKIE}=${csrfToken}`;
  return { csrfToken, cookie, headers: { cookie, 'x-csrf-token': csrfToken } };
}

export interface SignedInTest {
  accountId: string;
  /** Session and CSRF cookies, as one Cookie header. */
  cookie: string;
  csrfToken: string;
  headers: Record<string, string>;
}

/** A session for the account (a new test account when omitted), with the CSRF token for its requests. */
export async function signIn(
  app: App,
  db: Db,
  account?: TestAccount,
  options: { now?: Date; remembered?: boolean } = {},
): Promise<SignedInTest> {
  const owner = account ?? (await createTestAccount(db));
  const now = options.now ?? (await appClock(app));
  const token = await createSessionToken(db, { accountId: owner.accountId, remembered: options.remembered ?? false, now });
  const csrf = await csrfPair(app);
  const cookie = `${SESSION_COOKIE}=${token}; ${csrf.cookie}`;
  return { accountId: owner.accountId, cookie, csrfToken: csrf.csrfToken, headers: { cookie, 'x-csrf-token': csrf.csrfToken } };
}

/** The app's (possibly injected) clock, as GET /api/health reports it. */
async function appClock(app: App): Promise<Date> {
  const res = await app.inject({ method: 'GET', url: '/api/health' });
  return new Date((res.json() as { time: string }).time);
}

/** The code in the newest message the development mailbox holds for `recipient` (email or E.164 phone), or undefined. */
export async function lastCodeSentTo(db: Db, recipient: string): Promise<string | undefined> {
  const message = await db
    .selectFrom('dev_mailbox')
    .select('text')
    .where('recipient', '=', recipient)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  // SMS and emails carry « 123456 », voice calls read « 1 2 3 4 5 6 ».
  return message?.text.match(/\d(?: ?\d){5}/)?.[0].replace(/ /g, '');
}
