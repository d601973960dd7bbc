/**
 * C8 between the practice and patients: a desk booking racing an online hold or confirmation on one slot ends with
 * exactly one of them, the other a clean 409 « slot_taken » — never two patients on one time, never a 500.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { practiceWorld, type PracticeWorld } from '../src/features/practice/practice-test-world.ts';

const ROUNDS = 12;

describe('a desk booking racing a patient on one slot', () => {
  let w: PracticeWorld;
  before(async () => { w = await practiceWorld({ maxConnections: 20 }); });
  after(async () => w.close());

  const deskBook = (start: string, lastName: string) => w.practice('POST', '/appointments', {
    placeId: w.agenda.placeId, reasonId: w.agenda.reasonId, start, patient: { new: { firstName: 'Desk', lastName } },
  });
  /** The n-th 30-minute slot of the mornings from Tuesday 3 March (8 a day). */
  const slot = (n: number) => {
    const day = Math.floor(n / 8);
    return new Date(Date.parse('2026-03-03T07:00:00Z') + day * 86_400_000 + (n % 8) * 1_800_000).toISOString();
  };

  it('lets exactly one of a desk booking and an online hold take a free slot, the other gets 409 slot_taken', async () => {
    const patients = await Promise.all(Array.from({ length: ROUNDS }, () => w.signIn()));
    for (let round = 0; round < ROUNDS; round++) {
      const start = slot(round);
      const [online, desk] = await Promise.all([w.hold(patients[round]!, w.agenda, start), deskBook(start, `Rond${String.fromCharCode(65 + round)}`)]);
      const statuses = [online.statusCode, desk.statusCode].sort();
      assert.deepEqual(statuses, [201, 409], `round ${round}: ${online.body} / ${desk.body}`);
      const loser = online.statusCode === 409 ? online : desk;
      assert.equal(loser.json().code, 'slot_taken');
    }
  });

  it('lets the patient confirming its hold win against a desk booking sent at the same time', async () => {
    for (let round = 0; round < 4; round++) {
      const start = slot(ROUNDS + round);
      const patient = await w.signIn();
      const hold = (await w.hold(patient, w.agenda, start)).json().hold;
      const [confirmed, desk] = await Promise.all([
        w.confirm(patient, { holdId: hold.id, patient: { kind: 'self' } }),
        deskBook(start, `Confirm${String.fromCharCode(65 + round)}`),
      ]);
      assert.equal(confirmed.statusCode, 201, confirmed.body);
      assert.equal(desk.statusCode, 409, desk.body);
      assert.equal(desk.json().code, 'slot_taken');
    }
  });

  it('lets exactly one of two desk bookings (two secretaries) take one slot', async () => {
    const start = slot(ROUNDS + 4);
    const answers = await Promise.all([deskBook(start, 'Un'), deskBook(start, 'Deux'), deskBook(start, 'Trois')]);
    assert.deepEqual(answers.map((res) => res.statusCode).sort(), [201, 409, 409]);
  });

  it('leaves no two live rows of the practitioner overlapping', async () => {
    const { rows } = await sql<{ count: string }>`
      select count(*) as count from appointments a join appointments b
        on a.practitioner_id = b.practitioner_id and a.id < b.id and a.slot_group <> b.slot_group
       and tstzrange(a.starts_at, a.ends_at) && tstzrange(b.starts_at, b.ends_at)
     where a.status in ('held', 'booked') and b.status in ('held', 'booked') and a.practitioner_id = ${w.agenda.practitionerId}`.execute(w.t.db);
    assert.equal(Number(rows[0]!.count), 0);
    const live = await w.t.db.selectFrom('appointments').select((eb) => eb.fn.countAll<string>().as('count'))
      .where('practitioner_id', '=', w.agenda.practitionerId).where('status', 'in', ['held', 'booked']).executeTakeFirstOrThrow();
    assert.equal(Number(live.count), ROUNDS + 4 + 1);
  });
});
