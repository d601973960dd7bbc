import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { grantOfRights, judgeAccess, rightsOfGrant, type GrantFlags } from './rights.ts';

const doctor = { role: 'practitioner', practitionerId: '7' } as const;
const secretary = { role: 'secretary', practitionerId: null } as const;
const viewOnly: GrantFlags = { can_book: false, can_manage_patients: false, can_edit_settings: false };
const booking: GrantFlags = { can_book: true, can_manage_patients: false, can_edit_settings: false };

describe('practice rights (pure)', () => {
  it('gives a practitioner every right on itself', () => {
    assert.deepEqual(judgeAccess(doctor, '7', 'edit_settings', null), { outcome: 'granted', rights: ['view', 'book', 'manage_patients', 'edit_settings'] });
  });

  it('hides another practitioner from a practitioner, whatever the right', () => {
    for (const right of ['view', 'book'] as const) assert.deepEqual(judgeAccess(doctor, '8', right, null), { outcome: 'hidden' });
  });

  it('hides a practitioner from a secretary without a grant for it', () => {
    assert.deepEqual(judgeAccess(secretary, '7', 'view', null), { outcome: 'hidden' });
  });

  it('lets any grant view, and tells a granted secretary it lacks the other rights', () => {
    assert.equal(judgeAccess(secretary, '7', 'view', viewOnly).outcome, 'granted');
    assert.deepEqual(judgeAccess(secretary, '7', 'book', viewOnly), { outcome: 'forbidden' });
    assert.deepEqual(judgeAccess(secretary, '7', 'book', booking), { outcome: 'granted', rights: ['view', 'book'] });
    assert.deepEqual(judgeAccess(secretary, '7', 'edit_settings', booking), { outcome: 'forbidden' });
  });

  it('turns rights into grant flags and back, view implied', () => {
    const flags = grantOfRights(['manage_patients', 'edit_settings', 'manage_patients']);
    assert.deepEqual(flags, { can_book: false, can_manage_patients: true, can_edit_settings: true });
    assert.deepEqual(rightsOfGrant(flags), ['view', 'manage_patients', 'edit_settings']);
    assert.deepEqual(rightsOfGrant(grantOfRights([])), ['view']);
  });
});
