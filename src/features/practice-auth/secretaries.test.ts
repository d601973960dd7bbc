import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { practiceAuthWorld, type PracticeAuthWorld } from './practice-auth-test-world.ts';
import { createTestStaff, grantSecretary, signInStaff, type SignedInStaffTest, type TestStaff } from './staff-test-support.ts';

/** The link of an email's text (the invitation's or the notice's). */
function linkIn(text: string): string {
  const match = /https?:\/\/\S+/.exec(text);
  if (!match) throw new Error('no link in the message');
  return match[0];
}

describe('practice space: a practitioner manages its secretaries', () => {
  let w: PracticeAuthWorld;
  let first: string;
  let second: string;
  let doctor: SignedInStaffTest;
  let otherDoctor: SignedInStaffTest;
  let otherDoctorLogin: TestStaff;
  before(async () => {
    w = await practiceAuthWorld();
    [first, second] = w.practitionerIds;
    doctor = await signInStaff(w.app, w.t.db, await createTestStaff(w.t.db, { role: 'practitioner', practitionerId: first }));
    otherDoctorLogin = await createTestStaff(w.t.db, { role: 'practitioner', practitionerId: second });
    otherDoctor = await signInStaff(w.app, w.t.db, otherDoctorLogin);
  });
  after(() => w.close());

  let n = 0;
  const invite = (who: SignedInStaffTest, practitionerId: string, body: Record<string, unknown> = {}) =>
    w.app.inject({
      method: 'POST', url: `/api/practice/practitioners/${practitionerId}/secretaries`, headers: who.headers,
      payload: { email: `secretariat${++n}@cabinet.example.fr`, firstName: ' Sophie ', lastName: 'Bernard', rights: ['book'], ...body },
    });
  const list = (who: SignedInStaffTest, practitionerId: string) =>
    w.app.inject({ method: 'GET', url: `/api/practice/practitioners/${practitionerId}/secretaries`, headers: who.headers });

  it('invites a new secretary by email with a 7-day link, and lists it as not activated yet', async () => {
    const res = await invite(doctor, first, { email: 'Accueil@Cabinet.example.fr', rights: ['book', 'manage_patients'] });
    assert.equal(res.statusCode, 201);
    const { secretary } = res.json();
    assert.equal(secretary.email, 'accueil@cabinet.example.fr');
    assert.equal(secretary.firstName, 'Sophie');
    assert.deepEqual(secretary.rights, ['view', 'book', 'manage_patients']);
    assert.equal(secretary.activated, false);
    const mail = w.delivery.to('accueil@cabinet.example.fr').at(-1)!;
    assert.equal(mail.kind, 'staff_invitation');
    assert.match(mail.text, /Dr Hélène Dupont\d+ vous invite/);
    assert.match(linkIn(mail.text), /^http:\/\/localhost:3000\/pro\/invitation#jeton=[A-Za-z0-9_-]{43}$/);
    const listed = (await list(doctor, first)).json().secretaries;
    assert.ok(listed.some((s: { id: string }) => s.id === secretary.id));
  });

  it('lets the invited secretary set a password, log in and act for the practitioner', async () => {
    const { secretary } = (await invite(doctor, first, { rights: [] })).json();
    const token = linkIn(w.delivery.to(secretary.email).at(-1)!.text).split('#jeton=')[1];
    const browser = await w.browser();
    assert.equal((await browser.post('/api/practice/invitations/accept', { token, password: 'Agenda-Loire-44!' })).statusCode, 204);
    const login = await browser.post('/api/practice/auth/login', { email: secretary.email, password: 'Agenda-Loire-44!' });
    const verified = await browser.post(`/api/practice/auth/login/${login.json().challenge.id}/verify`, { code: w.delivery.lastCode(secretary.email) });
    assert.equal(verified.statusCode, 200);
    assert.deepEqual(verified.json().staff.practitioners.map((p: { id: string; rights: string[] }) => [p.id, p.rights]), [[first, ['view']]]);
    assert.equal((await list(doctor, first)).json().secretaries.find((s: { id: string }) => s.id === secretary.id).activated, true);
  });

  it('gives an existing secretary login the grant of a second practitioner, with a notice and no new invitation', async () => {
    const { secretary } = (await invite(doctor, first, { email: 'partage@cabinet.example.fr' })).json();
    await w.t.db.updateTable('staff_accounts').set({ activated_at: new Date(), password_hash: 'x' }).where('id', '=', secretary.id).execute();
    const res = await invite(otherDoctor, second, { email: 'partage@cabinet.example.fr', firstName: 'Autre', rights: ['edit_settings'] });
    assert.equal(res.statusCode, 201);
    assert.equal(res.json().secretary.id, secretary.id);
    assert.equal(res.json().secretary.firstName, 'Sophie', 'its names are not changed');
    const mail = w.delivery.to('partage@cabinet.example.fr').at(-1)!;
    assert.equal(mail.kind, 'staff_grant_notice');
    assert.doesNotMatch(mail.text, /jeton/);
    const grants = await w.t.db.selectFrom('staff_grants').select('practitioner_id').where('secretary_id', '=', secretary.id).orderBy('practitioner_id').execute();
    assert.deepEqual(grants.map((g) => g.practitioner_id), [first, second].sort((a, b) => Number(a) - Number(b)));
  });

  it('refuses to grant twice, and to make a practitioner login someone’s secretary', async () => {
    const { secretary } = (await invite(doctor, first)).json();
    const again = await invite(doctor, first, { email: secretary.email });
    assert.equal(again.statusCode, 409);
    const practitioner = await invite(doctor, first, { email: otherDoctorLogin.email });
    assert.equal(practitioner.statusCode, 409);
    assert.match(practitioner.json().message, /compte praticien/);
  });

  it('refuses an unknown right, an empty name and a malformed email, creating nothing', async () => {
    const before = await w.t.db.selectFrom('staff_accounts').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    assert.equal((await invite(doctor, first, { rights: ['delete_everything'] })).statusCode, 400);
    assert.equal((await invite(doctor, first, { lastName: '   ' })).statusCode, 400);
    assert.equal((await invite(doctor, first, { email: 'pas-une-adresse' })).statusCode, 400);
    const afterwards = await w.t.db.selectFrom('staff_accounts').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    assert.equal(afterwards.n, before.n);
  });

  it('changes a secretary’s rights', async () => {
    const { secretary } = (await invite(doctor, first, { rights: ['book'] })).json();
    const res = await w.app.inject({
      method: 'PATCH', url: `/api/practice/practitioners/${first}/secretaries/${secretary.id}`, headers: doctor.headers,
      payload: { rights: ['view', 'edit_settings'] },
    });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json().secretary.rights, ['view', 'edit_settings']);
  });

  it('does not let a practitioner see, change or revoke another practitioner’s secretaries', async () => {
    const { secretary } = (await invite(doctor, first)).json();
    assert.equal((await list(otherDoctor, first)).statusCode, 404);
    assert.equal((await invite(otherDoctor, first)).statusCode, 404);
    const patch = await w.app.inject({
      method: 'PATCH', url: `/api/practice/practitioners/${second}/secretaries/${secretary.id}`, headers: otherDoctor.headers, payload: { rights: ['edit_settings'] },
    });
    assert.equal(patch.statusCode, 404, 'no grant of that secretary for the second practitioner');
    const remove = await w.app.inject({ method: 'DELETE', url: `/api/practice/practitioners/${first}/secretaries/${secretary.id}`, headers: otherDoctor.headers });
    assert.equal(remove.statusCode, 404);
    assert.deepEqual((await list(doctor, first)).json().secretaries.find((s: { id: string }) => s.id === secretary.id).rights, ['view', 'book']);
  });

  it('does not let a secretary manage grants, even with every right', async () => {
    const login = await createTestStaff(w.t.db, { role: 'secretary' });
    await grantSecretary(w.t.db, login.staffId, first, ['book', 'manage_patients', 'edit_settings']);
    const secretary = await signInStaff(w.app, w.t.db, login);
    assert.equal((await list(secretary, first)).statusCode, 403);
    assert.equal((await invite(secretary, first)).statusCode, 403);
    assert.equal((await list(secretary, second)).statusCode, 404, 'a practitioner it was not granted stays hidden');
  });

  it('revokes a secretary: gone from the list, its other practitioners kept', async () => {
    const { secretary } = (await invite(doctor, first, { email: 'deux@cabinet.example.fr' })).json();
    await invite(otherDoctor, second, { email: 'deux@cabinet.example.fr' });
    const res = await w.app.inject({ method: 'DELETE', url: `/api/practice/practitioners/${first}/secretaries/${secretary.id}`, headers: doctor.headers });
    assert.equal(res.statusCode, 204);
    assert.ok(!(await list(doctor, first)).json().secretaries.some((s: { id: string }) => s.id === secretary.id));
    assert.ok((await list(otherDoctor, second)).json().secretaries.some((s: { id: string }) => s.id === secretary.id));
    const again = await w.app.inject({ method: 'DELETE', url: `/api/practice/practitioners/${first}/secretaries/${secretary.id}`, headers: doctor.headers });
    assert.equal(again.statusCode, 404);
    const events = await w.t.db.selectFrom('security_events').select('event').where('staff_id', '=', secretary.id).orderBy('id').execute();
    assert.deepEqual(events.map((e) => e.event), ['staff_invited', 'staff_invited', 'grant_revoked'], 'not activated yet: each grant re-sends the invitation');
  });
});
