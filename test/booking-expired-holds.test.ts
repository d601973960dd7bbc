/** The every-minute purge of expired holds (C2): what the timer job runs, called directly with an injected clock. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { insertAgenda } from '../src/features/availability/agenda-fixtures.ts';
import { expiredHoldsJob, purgeExpiredHolds } from '../src/features/booking/index.ts';
import { bookingWorld, MONDAY_7AM, type BookingWorld } from './support/booking.ts';

describe('purging expired holds', () => {
  let w: BookingWorld;

  before(async () => {
    w = await bookingWorld();
  });
  after(async () => w.close());

  const statuses = async (practitionerId: string) => (await w.t.db.selectFrom('appointments').select(['status', 'starts_at'])
    .where('practitioner_id', '=', practitionerId).orderBy('starts_at').execute()).map((row) => row.status);

  it('deletes holds whose 15 minutes are over, of every agenda, and keeps live holds and appointments', async () => {
    w.clock.set(MONDAY_7AM);
    const [a, b] = [await insertAgenda(w.t.db), await insertAgenda(w.t.db)];
    const early = await w.signIn();
    await w.hold(early, a, '2026-03-03T08:00:00.000Z');
    await w.hold(early, b, '2026-03-03T08:00:00.000Z');
    const booked = (await w.hold(early, a, '2026-03-04T08:00:00.000Z')).json().hold; // replaces the first hold on a
    assert.equal((await w.confirm(early, { holdId: booked.id, patient: { kind: 'self' } })).statusCode, 201);
    w.clock.advanceMinutes(10);
    const late = await w.signIn();
    await w.hold(late, a, '2026-03-05T08:00:00.000Z');

    assert.equal(await purgeExpiredHolds(w.t.db, new Date('2026-03-02T06:14:59Z')), 0, 'nothing expired yet');
    assert.equal(await purgeExpiredHolds(w.t.db, new Date('2026-03-02T06:15:00Z')), 1, 'the hold on b expires at 06:15');
    assert.deepEqual(await statuses(a.practitionerId), ['booked', 'held']);
    assert.deepEqual(await statuses(b.practitionerId), []);
    assert.equal(await purgeExpiredHolds(w.t.db, new Date('2026-03-02T06:25:00Z')), 1);
    assert.deepEqual(await statuses(a.practitionerId), ['booked']);
  });

  it('is scheduled every minute and reads the clock at each run', async () => {
    w.clock.set(MONDAY_7AM);
    const a = await insertAgenda(w.t.db);
    await w.hold(await w.signIn(), a, '2026-03-03T08:00:00.000Z');
    const job = expiredHoldsJob(w.t.db, w.clock.now);
    assert.equal(job.cron, '* * * * *');
    await job.run();
    assert.deepEqual(await statuses(a.practitionerId), ['held']);
    w.clock.advanceMinutes(15);
    await job.run();
    assert.deepEqual(await statuses(a.practitionerId), []);
  });
});
