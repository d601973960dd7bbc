/**
 * Staff logins for tests (this feature's and the other practice routes'): a login inserted directly (activated, argon2id
 * hash), a session created without the login route (whose rate limits would bite files that sign in often), a grant.
 *   const doctor = await createTestStaff(t.db, { role: 'practitioner', practitionerId: agenda.practitionerId });
 *   const { headers } = await signInStaff(app, t.db, doctor);      // cookie + x-csrf-token
 *   await app.inject({ method: 'POST', url: `/api/practice/practitioners/${id}/…`, headers, payload });
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../../platform/db/database.ts';
import type { App } from '../../platform/http/app.ts';
import { CSRF_COOKIE } from '../../platform/http/csrf.ts';
import { hashPassword } from '../accounts/passwords.ts';
import { grantOfRights, type Right } from './domain/rights.ts';
import { insertStaffSession, STAFF_SESSION_COOKIE } from './staff-session-store.ts';

export const testStaffPassword = 'Agenda-Vert-2026!';

export interface TestStaff {
  staffId: string;
  role: 'practitioner' | 'secretary';
  practitionerId: string | null;
  email: string;
  password: string;
}

export interface TestStaffFields {
  role: 'practitioner' | 'secretary';
  /** Required for a practitioner login. */
  practitionerId?: string;
  email?: string;
  password?: string;
  /** E.164; a mobile makes login codes go by SMS. */
  phone?: string;
  /** False: invited, no password yet. */
  activated?: boolean;
}

/** Inserts a staff login (activated with a known password unless told otherwise); a unique email unless given. */
export async function createTestStaff(db: Db, fields: TestStaffFields): Promise<TestStaff> {
  if (fields.role === 'practitioner' && !fields.practitionerId) throw new Error('a practitioner login needs its practitionerId');
  const email = fields.email ?? `${fields.role}-${randomBytes(5).toString('hex')}@cabinet.example.fr`;
  const password = fields.password ?? testStaffPassword;
  const activated = fields.activated ?? true;
  const now = new Date();
  const row = await db
    .insertInto('staff_accounts')
    .values({
      role: fields.role,
      practitioner_id: fields.role === 'practitioner' ? fields.practitionerId! : null,
      email,
      phone: fields.phone ?? null,
      phone_kind: fields.phone ? (/^\+33[67]/.test(fields.phone) ? 'mobile' : 'landline') : null,
      first_name: fields.role === 'practitioner' ? 'Hélène' : 'Sophie',
      last_name: fields.role === 'practitioner' ? 'Dupont' : 'Bernard',
      password_hash: activated ? await hashPassword(password) : null,
      password_changed_at: activated ? now : null,
      activated_at: activated ? now : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { staffId: row.id, role: fields.role, practitionerId: fields.practitionerId ?? null, email, password };
}

/** Gives a secretary login rights for a practitioner (`view` is implied). */
export async function grantSecretary(db: Db, secretaryId: string, practitionerId: string, rights: Right[] = ['book']): Promise<void> {
  await db.insertInto('staff_grants')
    .values({ secretary_id: secretaryId, practitioner_id: practitionerId, granted_at: new Date(), ...grantOfRights(rights) })
    .execute();
}

export interface SignedInStaffTest {
  staffId: string;
  /** Staff session and CSRF cookies, as one Cookie header. */
  cookie: string;
  csrfToken: string;
  /** cookie + x-csrf-token, ready for any request. */
  headers: Record<string, string>;
}

/** A staff session at the app's clock (GET /api/health) unless `now` is given, with the CSRF token for its requests. */
export async function signInStaff(app: App, db: Db, staff: TestStaff, options: { now?: Date } = {}): Promise<SignedInStaffTest> {
  const now = options.now ?? new Date((await app.inject({ method: 'GET', url: '/api/health' })).json().time);
  const token = await insertStaffSession(db, staff.staffId, now);
  const csrfToken = (await app.inject({ method: 'GET', url: '/api/practice/session' })).json().csrfToken as string;
  const cookie = `${STAFF_SESSION_COOKIE}=${token}; ${CSRF_COOKIE}=${csrfToken}`;
  return { staffId: staff.staffId, cookie, csrfToken, headers: { cookie, 'x-csrf-token': csrfToken } };
}
