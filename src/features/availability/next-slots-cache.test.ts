import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { freshDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { insertAgenda, insertReferenceRows, type AgendaFixture } from './agenda-fixtures.ts';
import { createNextSlotsCache, nextSlotsKey } from './index.ts';

// Monday 2 March 2026, 07:00 in Paris; agendas open Monday–Friday 08:00–12:00 and 14:00–18:00, 30-minute slots.
const NOW = new Date('2026-03-02T06:00:00Z');
const keyOf = (a: AgendaFixture) => nextSlotsKey(a.practitionerId, a.placeId);
const firstStart = async (cache: ReturnType<typeof createNextSlotsCache>, t: TestDatabase, a: AgendaFixture, now: Date) =>
  (await cache.find(t.db, [a], { now })).get(keyOf(a))?.slots[0]?.start;

describe('the short-lived memory of next free slots for result lists', () => {
  let t: TestDatabase;
  let agenda: AgendaFixture;
  before(async () => {
    t = await freshDatabase();
    await insertReferenceRows(t.db);
    agenda = await insertAgenda(t.db);
  });
  after(async () => t.drop());

  const bookFirstSlot = () => t.db.insertInto('appointments').values({
    practitioner_id: agenda.practitionerId, place_id: agenda.placeId, reason_id: agenda.reasonId,
    starts_at: '2026-03-02T07:00:00Z', ends_at: '2026-03-02T07:30:00Z', status: 'booked',
  }).execute();

  it('shows a slot booked meanwhile until the memory expires, then the next one', async () => {
    const cache = createNextSlotsCache({ ttlMs: 30_000 });
    assert.equal(await firstStart(cache, t, agenda, NOW), '2026-03-02T07:00:00.000Z');
    await bookFirstSlot();
    assert.equal(await firstStart(cache, t, agenda, new Date(NOW.getTime() + 10_000)), '2026-03-02T07:00:00.000Z');
    assert.equal(await firstStart(cache, t, agenda, new Date(NOW.getTime() + 30_000)), '2026-03-02T07:30:00.000Z');
    assert.deepEqual(cache.stats(), { hits: 1, misses: 2, size: 1 });
    await t.db.deleteFrom('appointments').execute();
  });

  it('recomputes once the first remembered slot has started', async () => {
    const cache = createNextSlotsCache({ ttlMs: 3_600_000 });
    assert.equal(await firstStart(cache, t, agenda, NOW), '2026-03-02T07:00:00.000Z');
    assert.equal(await firstStart(cache, t, agenda, new Date('2026-03-02T07:05:00Z')), '2026-03-02T07:30:00.000Z');
  });

  it('forgets a practitioner on demand', async () => {
    const cache = createNextSlotsCache({ ttlMs: 3_600_000 });
    await firstStart(cache, t, agenda, NOW);
    await bookFirstSlot();
    cache.forgetPractitioner(agenda.practitionerId);
    assert.equal(await firstStart(cache, t, agenda, NOW), '2026-03-02T07:30:00.000Z');
    await t.db.deleteFrom('appointments').execute();
  });

  it('does not remember an answer read before the practitioner was forgotten', async () => {
    const cache = createNextSlotsCache({ ttlMs: 3_600_000 });
    const reading = cache.find(t.db, [agenda], { now: NOW });
    cache.forgetPractitioner(agenda.practitionerId);
    await reading;
    await bookFirstSlot();
    assert.equal(await firstStart(cache, t, agenda, NOW), '2026-03-02T07:30:00.000Z');
    await t.db.deleteFrom('appointments').execute();
  });
});
