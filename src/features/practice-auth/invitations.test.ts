import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { practiceAuthWorld, type PracticeAuthWorld } from './practice-auth-test-world.ts';
import { createInvitation, ensurePractitionerLogin } from './index.ts';
import { createTestStaff, signInStaff } from './staff-test-support.ts';

describe('practice space: invitation links set a login’s password', () => {
  let w: PracticeAuthWorld;
  before(async () => {
    w = await practiceAuthWorld();
  });
  after(() => w.close());

  /** A practitioner login created as `npm run practitioner:invite` does, and its link's token. */
  let n = 0;
  const invitePractitioner = async (practitionerId = w.practitionerIds[0]) => {
    const login = await ensurePractitionerLogin(w.t.db, practitionerId, { email: `dr.dupont${++n}@cabinet.example.fr` });
    assert.ok(login);
    return { ...login, token: await createInvitation(w.t.db, login.staffId, w.clock.now()) };
  };
  const accept = async (token: string, password = 'Cabinet-Loire-2026!') =>
    (await w.browser()).post('/api/practice/invitations/accept', { token, password });

  it('shows who the link is for, then activates the login with the chosen password', async () => {
    const invited = await invitePractitioner(w.practitionerIds[1]);
    const browser = await w.browser();
    const check = await browser.post('/api/practice/invitations/check', { token: invited.token });
    assert.equal(check.statusCode, 200);
    assert.deepEqual(check.json(), { email: invited.email, firstName: 'Hélène', lastName: check.json().lastName, role: 'practitioner' });
    assert.match(check.json().lastName, /^Dupont\d+$/);
    assert.equal((await browser.post('/api/practice/invitations/accept', { token: invited.token, password: 'Cabinet-Loire-2026!' })).statusCode, 204);
    const login = await browser.post('/api/practice/auth/login', { email: invited.email, password: 'Cabinet-Loire-2026!' });
    assert.equal(login.statusCode, 202, 'a new device still needs the code');
  });

  it('refuses a replayed link', async () => {
    const invited = await invitePractitioner();
    assert.equal((await accept(invited.token)).statusCode, 204);
    const replay = await accept(invited.token, 'Autre-Choix-2026!');
    assert.equal(replay.statusCode, 410);
    assert.equal(replay.json().message, 'Ce lien d’invitation a expiré ou a déjà servi. Demandez-en un nouveau.');
  });

  it('refuses a link after 7 days', async () => {
    const invited = await invitePractitioner();
    w.clock.advanceMinutes(7 * 24 * 60);
    assert.equal((await accept(invited.token)).statusCode, 410);
    assert.equal((await (await w.browser()).post('/api/practice/invitations/check', { token: invited.token })).statusCode, 410);
  });

  it('refuses a weak password and keeps the link usable', async () => {
    const invited = await invitePractitioner();
    const weak = await accept(invited.token, 'motdepasse');
    assert.equal(weak.statusCode, 400);
    const named = await accept(invited.token, 'Helene-Dupont-2026!');
    assert.equal(named.statusCode, 400, 'the person’s own name is refused (A3)');
    assert.match(named.json().message, /nom|prénom|name/i);
    assert.equal((await accept(invited.token)).statusCode, 204);
  });

  it('lets only the newest link of a login work', async () => {
    const invited = await invitePractitioner();
    const newer = await createInvitation(w.t.db, invited.staffId, w.clock.now());
    assert.equal((await accept(invited.token)).statusCode, 410);
    assert.equal((await accept(newer)).statusCode, 204);
  });

  it('answers a made-up or truncated token like a used one', async () => {
    assert.equal((await accept('x'.repeat(43))).statusCode, 410);
    assert.equal((await accept('abc')).statusCode, 410);
  });

  it('limits invitation attempts to 20 per 15 minutes from one address', async () => {
    const browser = await w.browser('203.0.113.77');
    const statuses = new Set<number>();
    for (let i = 0; i < 20; i++) statuses.add((await browser.post('/api/practice/invitations/accept', { token: 'y'.repeat(43), password: 'Cabinet-Loire-2026!' })).statusCode);
    assert.deepEqual([...statuses], [410]);
    const invited = await invitePractitioner();
    assert.equal((await browser.post('/api/practice/invitations/accept', { token: invited.token, password: 'Cabinet-Loire-2026!' })).statusCode, 429);
  });

  it('ends every session and trusted device when a new link resets an active login’s password', async () => {
    const staff = await createTestStaff(w.t.db, { role: 'secretary' });
    const session = await signInStaff(w.app, w.t.db, staff, { now: w.clock.now() });
    const token = await createInvitation(w.t.db, staff.staffId, w.clock.now());
    assert.equal((await accept(token, 'Nouveau-Depart-2026!')).statusCode, 204);
    const after = await w.app.inject({ method: 'GET', url: '/api/practice/session', headers: { cookie: session.cookie } });
    assert.equal(after.json().staff, null);
    const events = await w.t.db.selectFrom('security_events').select(['event', 'details']).where('staff_id', '=', staff.staffId).execute();
    assert.deepEqual(events.map((e) => [e.event, e.details.reset]), [['invitation_accepted', true]]);
  });

  it('keeps one login per practitioner: inviting again updates its email', async () => {
    const first = await invitePractitioner();
    const again = await ensurePractitionerLogin(w.t.db, w.practitionerIds[0], { email: 'nouvelle@cabinet.example.fr', phone: '06 12 34 56 78' });
    assert.equal(again?.staffId, first.staffId);
    assert.equal(again?.created, false);
    const row = await w.t.db.selectFrom('staff_accounts').select(['email', 'phone', 'phone_kind']).where('id', '=', first.staffId).executeTakeFirstOrThrow();
    assert.deepEqual(row, { email: 'nouvelle@cabinet.example.fr', phone: '+33612345678', phone_kind: 'mobile' });
    assert.equal(await ensurePractitionerLogin(w.t.db, '999999999', { email: 'x@cabinet.example.fr' }), null);
  });
});
