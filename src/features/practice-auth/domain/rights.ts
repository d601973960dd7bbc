/**
 * What a staff login may do for a practitioner (issue 6): a practitioner everything on itself, a secretary what
 * the practitioner granted it. Pure: the callers read the login and the grant, this decides.
 */

/** In the order the web app lists them; `view` comes with any grant. */
export const rights = ['view', 'book', 'manage_patients', 'edit_settings'] as const;
export type Right = (typeof rights)[number];

export type StaffRole = 'practitioner' | 'secretary';

/** The flags of a `staff_grants` row. */
export interface GrantFlags {
  can_book: boolean;
  can_manage_patients: boolean;
  can_edit_settings: boolean;
}

export interface StaffIdentity {
  role: StaffRole;
  /** The practitioner a practitioner login is; null for a secretary. */
  practitionerId: string | null;
}

/**
 * - `granted`: the login may act;
 * - `forbidden`: a secretary granted on this practitioner, without this right (it knows the practitioner: 403);
 * - `hidden`: anything else — the practitioner must look as absent as one that does not exist (404).
 */
export type AccessVerdict = { outcome: 'granted'; rights: Right[] } | { outcome: 'forbidden' } | { outcome: 'hidden' };

/** The rights a grant gives, `view` first. */
export function rightsOfGrant(grant: GrantFlags): Right[] {
  const given: Right[] = ['view'];
  if (grant.can_book) given.push('book');
  if (grant.can_manage_patients) given.push('manage_patients');
  if (grant.can_edit_settings) given.push('edit_settings');
  return given;
}

/** The grant's flags for a list of rights (`view` is implied, repeated rights are harmless). */
export function grantOfRights(wanted: readonly Right[]): GrantFlags {
  return {
    can_book: wanted.includes('book'),
    can_manage_patients: wanted.includes('manage_patients'),
    can_edit_settings: wanted.includes('edit_settings'),
  };
}

/** Whether `staff` may use `right` for `practitionerId`, given the secretary's grant for it (or none). */
export function judgeAccess(staff: StaffIdentity, practitionerId: string, right: Right, grant: GrantFlags | null): AccessVerdict {
  if (staff.role === 'practitioner') {
    return staff.practitionerId === practitionerId ? { outcome: 'granted', rights: [...rights] } : { outcome: 'hidden' };
  }
  if (!grant) return { outcome: 'hidden' };
  const given = rightsOfGrant(grant);
  return given.includes(right) ? { outcome: 'granted', rights: given } : { outcome: 'forbidden' };
}
