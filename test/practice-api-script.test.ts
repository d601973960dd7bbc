/** `npm run practice:token`: prints a working token once, stores only its hash; `--revoke` ends it. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { runScript } from './support/scripts.ts';
import { agenda, book, openWorld, patient, type World } from './booking-manage-fixtures.ts';
import type { AgendaFixture } from '../src/features/availability/agenda-fixtures.ts';

describe('npm run practice:token', () => {
  let world: World;
  let dr: AgendaFixture;

  before(async () => {
    world = await openWorld();
    dr = await agenda(world);
  });
  after(() => world.close());

  const script = (...args: string[]) => runScript('practice-token.ts', world.t.connectionString, args);

  it('prints a token that works as a bearer token and stores only its hash', async () => {
    const { stdout } = await script(dr.practitionerId, 'Logiciel', 'du', 'cabinet');
    const token = stdout.trim();
    assert.match(token, /^crn_[A-Za-z0-9_-]{43}$/);
    const rows = await world.t.db.selectFrom('practice_api_tokens').selectAll().where('practitioner_id', '=', dr.practitionerId).execute();
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.label, 'Logiciel du cabinet');
    assert.ok(rows[0]!.token_hash.equals(createHash('sha256').update(token).digest()));
    const camille = await patient(world);
    const id = await book(world, camille, dr, '2026-03-02T08:00:00.000Z');
    world.clock.now = new Date('2026-03-02T08:30:00Z');
    const res = await world.app.inject({ method: 'POST', url: `/api/practice/appointments/${id}/no-show`, headers: { authorization: `Bearer ${token}` } });
    assert.equal(res.statusCode, 200, res.body);
    await script('--revoke', token);
    const revoked = await world.app.inject({ method: 'POST', url: `/api/practice/appointments/${id}/no-show`, headers: { authorization: `Bearer ${token}` } });
    assert.equal(revoked.statusCode, 401);
  });

  it('refuses an unknown practitioner', async () => {
    await assert.rejects(script('999999999'), (error: { code: number; stderr: string }) => error.code === 1 && /No practitioner/.test(error.stderr));
  });
});
