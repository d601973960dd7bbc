import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Kysely, PostgresDialect } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { freshDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { insertAbsence, insertAgenda, insertReferenceRows, type AgendaFixture } from './agenda-fixtures.ts';
import { findNextFreeSlots, nextSlotsKey } from './index.ts';

// Monday 2 March 2026, 07:00 in Paris. Agendas open Monday–Friday 08:00–12:00 and 14:00–18:00, 30-minute slots.
const NOW = new Date('2026-03-02T06:00:00Z');
const keyOf = (a: AgendaFixture) => nextSlotsKey(a.practitionerId, a.placeId);

describe('next free slots of many agendas at once (search results)', () => {
  let t: TestDatabase;
  before(async () => {
    t = await freshDatabase();
    await insertReferenceRows(t.db);
  });
  after(async () => t.drop());

  it('gives each agenda its first four free slots, the first one being its next availability', async () => {
    const [a, b] = [await insertAgenda(t.db), await insertAgenda(t.db, { weekdays: [3] })];
    const result = await findNextFreeSlots(t.db, [a, b], { now: NOW });
    assert.deepEqual(result.get(keyOf(a))?.slots.map((slot) => slot.start),
      ['2026-03-02T07:00:00.000Z', '2026-03-02T07:30:00.000Z', '2026-03-02T08:00:00.000Z', '2026-03-02T08:30:00.000Z']);
    assert.equal(result.get(keyOf(a))?.nextAvailability, '2026-03-02T07:00:00.000Z');
    assert.equal(result.get(keyOf(b))?.slots[0]?.start, '2026-03-04T07:00:00.000Z');
    assert.equal(result.get(keyOf(b))?.nextAvailability, '2026-03-04T07:00:00.000Z');
  });

  it('gives no slots but a next availability weeks ahead to an agenda closed for the next 14 days', async () => {
    const a = await insertAgenda(t.db);
    await insertAbsence(t.db, a, '2026-03-01T23:00:00Z', '2026-04-12T22:00:00Z');
    const result = await findNextFreeSlots(t.db, [a], { now: NOW });
    assert.deepEqual(result.get(keyOf(a)), { slots: [], nextAvailability: '2026-04-13T06:00:00.000Z' });
  });

  it('gives nothing when no slot is free within 90 days', async () => {
    const a = await insertAgenda(t.db, { validFrom: '2026-06-01' });
    assert.deepEqual((await findNextFreeSlots(t.db, [a], { now: NOW })).get(keyOf(a)), { slots: [], nextAvailability: null });
  });

  it('gives nothing for agendas that are unknown or not bookable online, without failing the others', async () => {
    const ok = await insertAgenda(t.db);
    const offline = await insertAgenda(t.db, { onlineBooking: false });
    const phoneOnly = await insertAgenda(t.db, { onlineBookable: false });
    const unknown = { practitionerId: '999999999', placeId: ok.placeId, reasonId: ok.reasonId };
    const result = await findNextFreeSlots(t.db, [ok, offline, phoneOnly, unknown], { now: NOW, limit: 2 });
    assert.equal(result.get(keyOf(ok))?.slots.length, 2);
    for (const a of [offline, phoneOnly, unknown]) assert.deepEqual(result.get(keyOf(a)), { slots: [], nextAvailability: null });
  });

  it('gathers the four slots across the first days and the rest of the fortnight when the first days are nearly full', async () => {
    // Open on Mondays and Fridays only; Monday 2 March is taken but for its last slot, so three come from Friday 6.
    const a = await insertAgenda(t.db, { weekdays: [1, 5] });
    await insertAbsence(t.db, a, '2026-03-02T06:00:00Z', '2026-03-02T16:30:00Z');
    const result = await findNextFreeSlots(t.db, [a], { now: NOW });
    assert.deepEqual(result.get(keyOf(a))?.slots.map((slot) => slot.start),
      ['2026-03-02T16:30:00.000Z', '2026-03-06T07:00:00.000Z', '2026-03-06T07:30:00.000Z', '2026-03-06T08:00:00.000Z']);
    assert.equal(result.get(keyOf(a))?.nextAvailability, '2026-03-02T16:30:00.000Z');
  });

  it('answers an empty map for no agendas', async () => {
    assert.equal((await findNextFreeSlots(t.db, [], { now: NOW })).size, 0);
  });

  it('reads each table once for a whole page, however many agendas it holds', async () => {
    const page = await Promise.all(Array.from({ length: 10 }, () => insertAgenda(t.db)));
    const queriesFor = async (agendas: AgendaFixture[]) => {
      let count = 0;
      const counted = new Kysely<Database>({ dialect: new PostgresDialect({ pool: t.pool }), log: () => { count++; } });
      await findNextFreeSlots(counted, agendas, { now: NOW });
      return count;
    };
    assert.equal(await queriesFor(page), await queriesFor(page.slice(0, 1)));
  });
});
