import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { freshDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { insertAbsence, insertAgenda, insertReferenceRows } from './agenda-fixtures.ts';
import { createOfferedDaysMemory, findOfferedSlotAt } from './index.ts';
import { createPractitionerMemory } from './practitioner-memory.ts';

// Monday 2 March 2026, 07:00 in Paris. Agendas open Monday–Friday 08:00–12:00 and 14:00–18:00, 30-minute slots.
const NOW = new Date('2026-03-02T06:00:00Z');
const NINE = new Date('2026-03-02T08:00:00Z');

describe('the slot a hold asks for: on the agenda grid, whoever booked it', () => {
  let t: TestDatabase;
  before(async () => {
    t = await freshDatabase();
    await insertReferenceRows(t.db);
  });
  after(async () => t.drop());

  it('offers a grid slot even when it is booked (the database refuses the overlap), and no start off the grid', async () => {
    const agenda = await insertAgenda(t.db);
    await t.db.insertInto('appointments').values({
      practitioner_id: agenda.practitionerId, place_id: agenda.placeId, reason_id: agenda.reasonId,
      starts_at: NINE, ends_at: new Date(NINE.getTime() + 30 * 60_000), status: 'booked',
    }).execute();
    assert.deepEqual(await findOfferedSlotAt(t.db, agenda, NINE, NOW),
      { start: NINE.toISOString(), end: '2026-03-02T08:30:00.000Z', replacement: false, remaining: 1, capacity: 1 });
    assert.equal(await findOfferedSlotAt(t.db, agenda, new Date('2026-03-02T08:10:00Z'), NOW), null);
    assert.equal(await findOfferedSlotAt(t.db, agenda, new Date('2026-03-02T11:30:00Z'), NOW), null, 'lunch break');
  });

  it('answers from the remembered day until the practitioner is forgotten, then sees the new absence', async () => {
    const agenda = await insertAgenda(t.db);
    const memory = createOfferedDaysMemory(60_000);
    assert.notEqual(await findOfferedSlotAt(t.db, agenda, NINE, NOW, memory), null);
    await insertAbsence(t.db, agenda, '2026-03-02T07:30:00Z', '2026-03-02T09:00:00Z');
    assert.notEqual(await findOfferedSlotAt(t.db, agenda, NINE, NOW, memory), null, 'remembered');
    assert.equal(await findOfferedSlotAt(t.db, agenda, NINE, NOW), null, 'read without memory');
    memory.forgetPractitioner(agenda.practitionerId);
    assert.equal(await findOfferedSlotAt(t.db, agenda, NINE, NOW, memory), null, 'forgotten after the change');
  });

  it('forgets a remembered day once its time to live is over', async () => {
    const agenda = await insertAgenda(t.db);
    const memory = createOfferedDaysMemory(60_000);
    await findOfferedSlotAt(t.db, agenda, NINE, NOW, memory);
    await insertAbsence(t.db, agenda, '2026-03-02T07:30:00Z', '2026-03-02T09:00:00Z');
    assert.equal(await findOfferedSlotAt(t.db, agenda, NINE, new Date(NOW.getTime() + 61_000), memory), null);
  });
});

describe('the per-practitioner memory', () => {
  it('does not remember a value read before a change of that practitioner, nor before a change of all', () => {
    const memory = createPractitionerMemory<string>({ ttlMs: 1000 });
    const before = memory.mark('7');
    memory.forgetPractitioner('7');
    memory.remember('7', 'k', 'stale', before, 0);
    assert.equal(memory.recall('7', 'k', 1), undefined);
    const beforeAll = memory.mark('7');
    memory.forgetAll();
    memory.remember('7', 'k', 'stale', beforeAll, 0);
    assert.equal(memory.recall('7', 'k', 1), undefined);
    memory.remember('7', 'k', 'fresh', memory.mark('7'), 0);
    assert.equal(memory.recall('7', 'k', 1), 'fresh');
    assert.equal(memory.recall('8', 'k', 1), undefined, 'another practitioner');
  });

  it('drops the oldest value beyond its size', () => {
    const memory = createPractitionerMemory<number>({ ttlMs: 1000, maxEntries: 2 });
    for (const key of ['a', 'b', 'c']) memory.remember('1', key, 1, memory.mark('1'), 0);
    assert.deepEqual(['a', 'b', 'c'].map((key) => memory.recall('1', key, 1)), [undefined, 1, 1]);
  });
});
