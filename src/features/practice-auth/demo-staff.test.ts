import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../../platform/config/config.ts';
import { insertAgenda, STRASBOURG } from '../availability/agenda-fixtures.ts';
import { checkPassword } from '../accounts/domain/password.ts';
import { practiceAuthWorld, type PracticeAuthWorld } from './practice-auth-test-world.ts';
import { DEMO_STAFF_PASSWORD, demoStaffAllowed, describeDemoStaff, ensureDemoStaff } from './demo-staff.ts';

describe('practice space: demo logins', () => {
  let w: PracticeAuthWorld;
  before(async () => {
    w = await practiceAuthWorld();
    // Nantes holds the two practitioners of the world and a third one; Strasbourg only one.
    await insertAgenda(w.t.db);
    await insertAgenda(w.t.db, { commune: STRASBOURG });
  });
  after(() => w.close());

  it('never exist in production, nor with an external database unless demo data is asked for', () => {
    assert.equal(demoStaffAllowed(loadConfig({})), true);
    assert.equal(demoStaffAllowed(loadConfig({ NODE_ENV: 'production' })), false);
    assert.equal(demoStaffAllowed(loadConfig({ NODE_ENV: 'production', CRENEAU_DEMO_PRACTITIONERS: '50' })), false);
    assert.equal(demoStaffAllowed(loadConfig({ DATABASE_URL: 'postgres://db/creneau' })), false);
    assert.equal(demoStaffAllowed(loadConfig({ DATABASE_URL: 'postgres://db/creneau', CRENEAU_DEMO_PRACTITIONERS: '50' })), true);
  });

  it('creates three practitioners of one town and a secretary of the first two, once', async () => {
    const logins = await ensureDemoStaff(w.t.db, w.clock.now());
    assert.deepEqual(logins.map((l) => [l.email, l.role, l.actsFor.length]), [
      ['praticien1@demo.creneau.fr', 'practitioner', 1],
      ['praticien2@demo.creneau.fr', 'practitioner', 1],
      ['praticien3@demo.creneau.fr', 'practitioner', 1],
      ['secretariat@demo.creneau.fr', 'secretary', 2],
    ]);
    const towns = await w.t.db.selectFrom('staff_accounts as s').innerJoin('places as p', 'p.practitioner_id', 's.practitioner_id')
      .select('p.commune_code').distinct().execute();
    assert.equal(towns.length, 1, 'all three practise in the same town');
    assert.deepEqual(logins[3]!.actsFor, [...logins[0]!.actsFor, ...logins[1]!.actsFor]);
    assert.deepEqual(await ensureDemoStaff(w.t.db, w.clock.now()), logins, 'a second start changes nothing');
    const lines = describeDemoStaff(logins);
    assert.match(lines[0]!, /Demo-Creneau-2026!/);
    assert.equal(lines.length, 5);
  });

  it('uses a password the policy accepts for every demo login', async () => {
    const staff = await w.t.db.selectFrom('staff_accounts').select(['email', 'first_name', 'last_name']).where('email', 'like', '%@demo.creneau.fr').execute();
    assert.equal(staff.length, 4);
    for (const login of staff) {
      assert.deepEqual(checkPassword(DEMO_STAFF_PASSWORD, { email: login.email, firstName: login.first_name, lastName: login.last_name }), [], login.email);
    }
  });

  it('lets the demo secretary log in and see its two practitioners', async () => {
    const browser = await w.browser();
    const asked = await browser.post('/api/practice/auth/login', { email: 'secretariat@demo.creneau.fr', password: DEMO_STAFF_PASSWORD });
    assert.equal(asked.statusCode, 202);
    const res = await browser.post(`/api/practice/auth/login/${asked.json().challenge.id}/verify`, { code: w.delivery.lastCode('secretariat@demo.creneau.fr') });
    assert.deepEqual(res.json().staff.practitioners.map((p: { rights: string[] }) => p.rights), [['view', 'book', 'manage_patients'], ['view', 'book', 'manage_patients']]);
  });

  it('completes the three from other towns when the busiest town has fewer', async () => {
    await w.t.db.deleteFrom('staff_accounts').execute();
    const nantes = await w.t.db.selectFrom('places').select('practitioner_id').where('commune_code', '=', '44109').orderBy('practitioner_id').execute();
    await w.t.db.deleteFrom('practitioners').where('id', 'in', nantes.slice(1).map((p) => p.practitioner_id)).execute();
    await insertAgenda(w.t.db, { commune: STRASBOURG });
    const logins = await ensureDemoStaff(w.t.db, w.clock.now());
    assert.equal(logins.filter((l) => l.role === 'practitioner').length, 3);
    const towns = await w.t.db.selectFrom('staff_accounts as s').innerJoin('places as p', 'p.practitioner_id', 's.practitioner_id')
      .select('p.commune_code').where('s.email', 'in', ['praticien1@demo.creneau.fr', 'praticien2@demo.creneau.fr']).execute();
    assert.deepEqual(towns.map((t) => t.commune_code), [STRASBOURG, STRASBOURG], 'the secretary’s two share the busiest town');
  });

  it('creates nothing without practitioners', async () => {
    await w.t.db.deleteFrom('staff_accounts').execute();
    await w.t.db.deleteFrom('practitioners').execute();
    assert.deepEqual(await ensureDemoStaff(w.t.db, w.clock.now()), []);
    assert.equal((await w.t.db.selectFrom('staff_accounts').select('id').execute()).length, 0);
  });
});
