/**
 * Who is acting in the practitioner space (docs/api-practice.md « Acting for practitioners »): the staff login of
 * the request's `__Host-creneau_pro` cookie, and what it may do for a practitioner. Every practice route starts here.
 */
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/database.ts';
import type { AppContext } from '../../platform/http/app.ts';
import { isPractitionerId, practitionerDisplayName } from '../practitioners/index.ts';
import { judgeAccess, rights, rightsOfGrant, type Right, type StaffRole } from './domain/rights.ts';
import { PractitionerHidden, RightMissing, StaffNotSignedIn } from './errors.ts';
import { findStaffSession, type StaffSessionFound } from './staff-session-store.ts';

export type { Right } from './domain/rights.ts';

export interface StaffSignedIn {
  staffId: string;
  role: StaffRole;
  /** The practitioner a practitioner login is; null for a secretary. */
  practitionerId: string | null;
}

/** A staff login allowed to act for `actingFor`, with all it may do there. */
export interface StaffActing extends StaffSignedIn {
  actingFor: string;
  rights: Right[];
}

/** A practitioner a login can act for (the switcher of the web app). */
export interface ActingFor {
  id: string;
  name: string;
  rights: Right[];
}

/** Per request, the session is looked up once however many times routes ask. */
const resolved = new WeakMap<FastifyRequest, Promise<StaffSessionFound | null>>();

/** The request's live staff session (with its token hash, for logout), or null. */
export function currentStaffSession(request: FastifyRequest, context: AppContext): Promise<StaffSessionFound | null> {
  let found = resolved.get(request);
  if (!found) {
    found = findStaffSession(context.db, request, context.now());
    resolved.set(request, found);
  }
  return found;
}

/** The signed-in staff login, or 401 « Connectez-vous à l'espace praticien. » (a patient session does not count). */
export async function requireStaff(request: FastifyRequest, context: AppContext): Promise<StaffSignedIn> {
  const session = await currentStaffSession(request, context);
  if (!session) throw new StaffNotSignedIn();
  return { staffId: session.staffId, role: session.role, practitionerId: session.practitionerId };
}

/**
 * The signed-in login when it may use `right` for `practitionerId`: 401 without a staff session, 403 for a secretary
 * granted on that practitioner without this right, 404 for anything else (as for a practitioner that does not exist).
 */
export async function requirePractitionerRight(
  request: FastifyRequest,
  context: AppContext,
  practitionerId: string,
  right: Right,
): Promise<StaffActing> {
  const staff = await requireStaff(request, context);
  if (!isPractitionerId(practitionerId)) throw new PractitionerHidden();
  const grant = staff.role === 'secretary' ? await findGrant(context.db, staff.staffId, practitionerId) : null;
  const verdict = judgeAccess(staff, practitionerId, right, grant);
  if (verdict.outcome === 'hidden') throw new PractitionerHidden();
  if (verdict.outcome === 'forbidden') throw new RightMissing();
  return { ...staff, actingFor: practitionerId, rights: verdict.rights };
}

/** The practitioners this login can act for, with its rights for each (a secretary's by last name). */
export async function listActingFor(db: Db, staff: StaffSignedIn): Promise<ActingFor[]> {
  if (staff.role === 'practitioner') {
    if (!staff.practitionerId) return [];
    const own = await db
      .selectFrom('practitioners')
      .select(['id', 'title', 'first_name', 'last_name'])
      .where('id', '=', staff.practitionerId)
      .executeTakeFirst();
    return own ? [{ id: own.id, name: nameOf(own), rights: [...rights] }] : [];
  }
  const granted = await db
    .selectFrom('staff_grants as g')
    .innerJoin('practitioners as p', 'p.id', 'g.practitioner_id')
    .select(['p.id', 'p.title', 'p.first_name', 'p.last_name', 'g.can_book', 'g.can_manage_patients', 'g.can_edit_settings'])
    .where('g.secretary_id', '=', staff.staffId)
    .orderBy('p.last_name')
    .orderBy('p.first_name')
    .orderBy('p.id')
    .execute();
  return granted.map((row) => ({ id: row.id, name: nameOf(row), rights: rightsOfGrant(row) }));
}

function nameOf(row: { title: 'DR' | 'PR' | null; first_name: string; last_name: string }): string {
  return practitionerDisplayName({ title: row.title, firstName: row.first_name, lastName: row.last_name });
}

async function findGrant(db: Db, secretaryId: string, practitionerId: string) {
  const grant = await db
    .selectFrom('staff_grants')
    .select(['can_book', 'can_manage_patients', 'can_edit_settings'])
    .where('secretary_id', '=', secretaryId)
    .where('practitioner_id', '=', practitionerId)
    .executeTakeFirst();
  return grant ?? null;
}
