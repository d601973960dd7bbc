/** `npm run notifications:failed`: operators see the dead letter and put messages back in the queue. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AgendaFixture } from '../src/features/availability/agenda-fixtures.ts';
import { runScript } from './support/scripts.ts';
import { agenda, book, openWorld, patient, type World } from './booking-manage-fixtures.ts';

describe('npm run notifications:failed', () => {
  let world: World;
  let dr: AgendaFixture;

  before(async () => {
    world = await openWorld();
    dr = await agenda(world);
  });
  after(() => world.close());

  const script = (...args: string[]) => runScript('notifications-failed.ts', world.t.connectionString, args);

  /** A confirmation given up after its attempts (as the worker leaves it). */
  const failedConfirmation = async (email: string) => {
    const who = await patient(world, { email });
    const id = await book(world, who, dr, '2026-03-04T08:00:00.000Z');
    const row = await world.t.db.updateTable('notification_intents')
      .set({ state: 'failed', attempts: 9, last_error: 'smtp ECONNECTION', done_at: new Date('2026-03-02T09:00:00Z') })
      .where('appointment_id', '=', id).where('kind', '=', 'confirmation').returning('id').executeTakeFirstOrThrow();
    return row.id;
  };

  it('lists failed messages with their recipient and last error, then --retry puts one back, due now', async () => {
    const id = await failedConfirmation('injoignable@example.fr');
    const { stdout } = await script();
    assert.match(stdout, new RegExp(`^${id}  2026-03-02T09:00:00.000Z  confirmation  email  injoignable@example.fr  9 attempt\\(s\\)  smtp ECONNECTION$`, 'm'));
    const retried = await script('--retry', id);
    assert.match(retried.stdout, /^1 message\(s\) put back in the queue\./);
    const row = await world.t.db.selectFrom('notification_intents').select(['state', 'attempts']).where('id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual(row, { state: 'pending', attempts: 0 });
    assert.equal((await script()).stdout.trim(), 'No failed message.');
  });

  it('says so (exit 1) when an id is not in the dead letter', async () => {
    await assert.rejects(script('--retry', '999999999'), (error: { code: number; stdout: string }) =>
      error.code === 1 && /^0 message\(s\)/.test(error.stdout));
  });
});
