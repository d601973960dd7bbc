import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FeatureRoutes } from '../../platform/http/app.ts';
import { createTestAccount, signIn } from '../../../test/support/accounts.ts';
import { practiceAuthWorld, type PracticeAuthWorld } from './practice-auth-test-world.ts';
import { requirePractitionerRight, type Right } from './staff-session.ts';
import { createTestStaff, grantSecretary, signInStaff, type SignedInStaffTest } from './staff-test-support.ts';

/** A route standing for any practice action: it needs `right` for the practitioner of the path. */
const actionProbe: FeatureRoutes = (app, context) => {
  app.post<{ Params: { id: string; right: Right } }>('/test/practitioners/:id/:right', async (request) => {
    const acting = await requirePractitionerRight(request, context, request.params.id, request.params.right);
    return { staffId: acting.staffId, actingFor: acting.actingFor, rights: acting.rights };
  });
};

describe('practice space: who may act for which practitioner', () => {
  let w: PracticeAuthWorld;
  let first: string;
  let second: string;
  let doctor: SignedInStaffTest;
  let viewer: SignedInStaffTest;
  let booker: SignedInStaffTest;
  before(async () => {
    w = await practiceAuthWorld({ extraRoutes: [actionProbe] });
    [first, second] = w.practitionerIds;
    const doctorLogin = await createTestStaff(w.t.db, { role: 'practitioner', practitionerId: first });
    const viewerLogin = await createTestStaff(w.t.db, { role: 'secretary' });
    const bookerLogin = await createTestStaff(w.t.db, { role: 'secretary' });
    await grantSecretary(w.t.db, viewerLogin.staffId, first, []);
    await grantSecretary(w.t.db, bookerLogin.staffId, first, ['book']);
    await grantSecretary(w.t.db, bookerLogin.staffId, second, ['book', 'manage_patients', 'edit_settings']);
    doctor = await signInStaff(w.app, w.t.db, doctorLogin);
    viewer = await signInStaff(w.app, w.t.db, viewerLogin);
    booker = await signInStaff(w.app, w.t.db, bookerLogin);
  });
  after(() => w.close());

  const act = (who: { headers: Record<string, string> }, practitionerId: string, right: Right) =>
    w.app.inject({ method: 'POST', url: `/api/test/practitioners/${practitionerId}/${right}`, headers: who.headers });

  it('lets a practitioner use every right on its own agenda', async () => {
    for (const right of ['view', 'book', 'manage_patients', 'edit_settings'] as const) {
      const res = await act(doctor, first, right);
      assert.equal(res.statusCode, 200, right);
      assert.deepEqual(res.json().rights, ['view', 'book', 'manage_patients', 'edit_settings']);
    }
  });

  it('answers a practitioner acting for another practitioner as if it did not exist', async () => {
    const other = await act(doctor, second, 'view');
    const missing = await act(doctor, '999999999', 'view');
    assert.equal(other.statusCode, 404);
    assert.equal(other.body, missing.body);
  });

  it('lets a view-only secretary see but not book', async () => {
    assert.equal((await act(viewer, first, 'view')).statusCode, 200);
    const booking = await act(viewer, first, 'book');
    assert.equal(booking.statusCode, 403);
    assert.equal(booking.json().message, 'Votre accès ne permet pas cette action pour ce praticien.');
  });

  it('lets a booking secretary book but not change settings nor manage patients', async () => {
    assert.equal((await act(booker, first, 'book')).statusCode, 200);
    assert.equal((await act(booker, first, 'edit_settings')).statusCode, 403);
    assert.equal((await act(booker, first, 'manage_patients')).statusCode, 403);
  });

  it('gives a secretary each practitioner’s own rights', async () => {
    assert.deepEqual((await act(booker, second, 'edit_settings')).json().rights, ['view', 'book', 'manage_patients', 'edit_settings']);
    const session = await w.app.inject({ method: 'GET', url: '/api/practice/session', headers: booker.headers });
    assert.deepEqual(session.json().staff.practitioners.map((p: { id: string; rights: string[] }) => [p.id, p.rights]).sort(),
      [[first, ['view', 'book']], [second, ['view', 'book', 'manage_patients', 'edit_settings']]].sort());
  });

  it('hides a practitioner from a secretary it never granted', async () => {
    const res = await act(viewer, second, 'view');
    assert.equal(res.statusCode, 404);
    assert.equal(res.body, (await act(viewer, '999999999', 'view')).body);
  });

  it('hides a malformed practitioner id without a server error', async () => {
    for (const id of ['abc', '0', '-1', '1'.repeat(30)]) assert.equal((await act(doctor, id, 'view')).statusCode, 404, id);
  });

  it('answers 401 without a staff session, a patient session included', async () => {
    const patient = await signIn(w.app, w.t.db, await createTestAccount(w.t.db));
    const res = await act(patient, first, 'view');
    assert.equal(res.statusCode, 401);
    assert.equal(res.json().message, 'Connectez-vous à l’espace praticien.');
  });

  it('refuses a state-changing action without the CSRF token', async () => {
    const res = await w.app.inject({ method: 'POST', url: `/api/test/practitioners/${first}/view`, headers: { cookie: doctor.cookie } });
    assert.equal(res.statusCode, 403);
  });

  it('stops a revoked secretary at its very next request', async () => {
    const login = await createTestStaff(w.t.db, { role: 'secretary' });
    await grantSecretary(w.t.db, login.staffId, first, ['book']);
    const revoked = await signInStaff(w.app, w.t.db, login);
    assert.equal((await act(revoked, first, 'book')).statusCode, 200);
    const res = await w.app.inject({ method: 'DELETE', url: `/api/practice/practitioners/${first}/secretaries/${login.staffId}`, headers: doctor.headers });
    assert.equal(res.statusCode, 204);
    assert.equal((await act(revoked, first, 'book')).statusCode, 404);
    assert.equal((await act(revoked, first, 'view')).statusCode, 404);
  });
});
