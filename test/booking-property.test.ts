/**
 * C8 as a property (fast-check): random interleavings of hold / confirm / cancel / move / expire by several patients
 * on one practitioner's agenda (two days; a capacity-1 reason of 30 minutes and a capacity-2 reason of 60 minutes
 * whose slots overlap the first's) are run against the API and against the reference model
 * (src/features/booking/domain/reference-model.ts). After every step: the API's answer (success or refusal) is the
 * model's, the live rows in the database are the model's entries, and no two live rows overlap beyond capacity (SQL).
 *
 * Where the API and the model differ on purpose, the test composes the model's operations:
 * - a new hold (or a move's hold) first releases the patient's previous held slot with the practitioner (C2), and a
 *   refused one keeps it: the model is tried without the patient's holds and kept unchanged on refusal;
 * - a move holds the new time before the old one is released (D2): a move onto a time overlapping the appointment's
 *   own is refused by design, so such steps are not generated into the comparison (skipped);
 * - operations on entries the model no longer knows (released, cancelled, moved away, purged) may be answered as
 *   idempotent successes by the API (releasing a vanished hold, cancelling a cancelled appointment); only the state
 *   is compared then;
 * - a refused confirmation may be 403 or 410 for the same model answer: an expired hold is « not yours » to a stranger
 *   in the model (ownership is judged first) but may already be purged in the database, hence « expired ».
 * The clock stays more than 4 hours before every slot (steps advance it by at most 20 minutes): the 4-hour rule of
 * cancel and move is tested in the management tests, not here.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { sql } from 'kysely';
import { insertAgenda, insertReason, type AgendaFixture } from '../src/features/availability/agenda-fixtures.ts';
import {
  cancelEntry, confirmHold, createAgendaModel, expireHolds, holdSlot, moveBooking, type AgendaModel, type ModelSlot,
} from '../src/features/booking/domain/reference-model.ts';
import { purgeExpiredHolds } from '../src/features/booking/index.ts';
import { createTestAccount, signIn } from './support/accounts.ts';
import { bookingWorld, MONDAY_7AM, type BookingWorld, type Caller } from './support/booking.ts';

const PATIENTS = 3;
const RUNS = 50;
const MIN_STEPS = 8;
const MAX_STEPS = 20;

/** The slots the steps choose from: [reason, Paris start as UTC]; reason 'single' (30 min, 1) or 'group' (60 min, 2). */
const SLOT_PLAN = [
  ['single', '2026-03-03T07:00:00.000Z'], ['single', '2026-03-03T07:30:00.000Z'], ['single', '2026-03-03T08:00:00.000Z'],
  ['group', '2026-03-03T07:00:00.000Z'], ['group', '2026-03-03T08:00:00.000Z'],
  ['single', '2026-03-04T07:00:00.000Z'], ['group', '2026-03-04T07:00:00.000Z'],
] as const;

type Step =
  | { kind: 'hold'; patient: number; slot: number; anonymous: boolean }
  | { kind: 'confirm'; patient: number; entry: number; own: boolean }
  | { kind: 'cancel'; patient: number; entry: number; own: boolean }
  | { kind: 'move'; patient: number; entry: number; slot: number; own: boolean }
  | { kind: 'expire'; minutes: number; purge: boolean }
  /** Shorthand for a patient's hold followed by their confirmation: bookings to cancel and move come sooner. */
  | { kind: 'book'; patient: number; slot: number };

const patient = fc.nat(PATIENTS - 1);
const slot = fc.nat(SLOT_PLAN.length - 1);
/** Counted from the most recent entry: recent entries are the live ones worth confirming, cancelling or moving. */
const entry = fc.nat(4);
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('hold' as const), patient, slot, anonymous: fc.boolean() }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('confirm' as const), patient, entry, own: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('cancel' as const), patient, entry, own: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('move' as const), patient, entry, slot, own: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('book' as const), patient, slot }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('expire' as const), minutes: fc.integer({ min: 1, max: 20 }), purge: fc.boolean() }) },
);

/** The plan as run: a « book » step is a hold and a confirmation of the patient's latest hold. */
function expand(step: Step): Exclude<Step, { kind: 'book' }>[] {
  if (step.kind !== 'book') return [step];
  return [
    { kind: 'hold', patient: step.patient, slot: step.slot, anonymous: false },
    { kind: 'confirm', patient: step.patient, entry: 0, own: true },
  ];
}

/** What the test knows of an entry: its model id, the API's current id, and the browser token of a hold before login. */
interface Tracked {
  modelId: string;
  apiId: string;
  patient: number;
  modelToken: string | null;
  apiToken: string | null;
  everBooked: boolean;
}

describe('random interleavings against the reference model', () => {
  let w: BookingWorld;
  let patients: Caller[];
  const accountOf = (p: number) => patients[p]!.accountId!;

  before(async () => {
    w = await bookingWorld();
    patients = [];
    for (let i = 0; i < PATIENTS; i++) {
      const account = await createTestAccount(w.t.db);
      // « Se souvenir de moi »: the clock moves by hours within a run and goes back between runs.
      const session = await signIn(w.app, w.t.db, account, { now: new Date(MONDAY_7AM), remembered: true });
      patients.push({ accountId: session.accountId, headers: session.headers });
    }
  });
  after(async () => w.close());

  /** A fresh practitioner with both reasons open on Tuesday and Wednesday, and the model's slots. */
  async function freshAgenda() {
    const single = await insertAgenda(w.t.db, { weekdays: [2, 3] });
    const groupReason = await insertReason(w.t.db, single.practitionerId, { durationMinutes: 60, capacity: 2 });
    await sql`insert into opening_rules (practitioner_id, place_id, weekday, start_time, end_time, reason_ids)
              select ${single.practitionerId}, ${single.placeId}, d, '08:00', '12:00', array[${groupReason}]::bigint[]
                from unnest(array[2, 3]) d`.execute(w.t.db);
    const group: AgendaFixture = { ...single, reasonId: groupReason };
    const slots: (ModelSlot & { agenda: AgendaFixture })[] = SLOT_PLAN.map(([reason, start], i) => {
      const minutes = reason === 'single' ? 30 : 60;
      return {
        id: `s${i}`, start: new Date(start), end: new Date(Date.parse(start) + minutes * 60_000),
        capacity: reason === 'single' ? 1 : 2, agenda: reason === 'single' ? single : group,
      };
    });
    return { practitionerId: single.practitionerId, slots };
  }

  it('never overlaps beyond capacity and answers like the model', async () => {
    let ran = 0;
    let steps = 0;
    const granted = { hold: 0, confirm: 0, cancel: 0, move: 0 };
    const started = performance.now();
    await fc.assert(fc.asyncProperty(fc.array(stepArb, { minLength: MIN_STEPS, maxLength: MAX_STEPS }), async (plan) => {
      ran++;
      w.clock.set(MONDAY_7AM);
      const { practitionerId, slots } = await freshAgenda();
      let model: AgendaModel = createAgendaModel(slots);
      const tracked: Tracked[] = [];
      let tokens = 0;

      /** The model without the patient's own holds (signed in): what a new hold of theirs starts from. */
      const withoutHoldsOf = (m: AgendaModel, p: number): AgendaModel =>
        ({ ...m, entries: m.entries.filter((e) => !(e.status === 'held' && e.accountId === accountOf(p))) });
      /** Whether the patient holds (signed in, or from their browser before login) or booked the entry, in the model. */
      const isOwnIn = (t: Tracked, p: number, status: 'held' | 'booked') => {
        const e = modelEntry(t);
        return e?.status === status && (e.accountId === accountOf(p) || (e.accountId === null && t.patient === p));
      };
      /** An entry counted from the most recent; with `own`, among the patient's own entries of that status. */
      const pick = (fromLast: number, own?: { patient: number; status: 'held' | 'booked' }) => {
        const among = own ? tracked.filter((t) => isOwnIn(t, own.patient, own.status)) : tracked;
        return among.length ? among[among.length - 1 - (fromLast % among.length)]! : null;
      };
      /** For `own` cancels and moves: a booked entry, acted on by the patient who booked it (else the step's as is). */
      const pickActor = (step: { patient: number; entry: number; own: boolean }) => {
        if (!step.own) return { t: pick(step.entry), actor: step.patient };
        const booked = tracked.filter((t) => modelEntry(t)?.status === 'booked');
        const t = booked.length ? booked[booked.length - 1 - (step.entry % booked.length)]! : null;
        const actor = t ? patients.findIndex((p) => p.accountId === modelEntry(t)!.accountId) : step.patient;
        return { t, actor };
      };
      const modelEntry = (t: Tracked) => expireHolds(model, w.clock.now()).entries.find((e) => e.id === t.modelId);

      for (const step of plan.flatMap(expand)) {
        steps++;
        const now = w.clock.now();
        const label = JSON.stringify(step);
        if (step.kind === 'expire') {
          w.clock.advanceMinutes(step.minutes);
          if (step.purge) await purgeExpiredHolds(w.t.db, w.clock.now());
        } else if (step.kind === 'hold') {
          const target = slots[step.slot]!;
          const caller = step.anonymous ? await w.anonymous() : patients[step.patient]!;
          const modelToken = step.anonymous ? `token-${++tokens}` : null;
          const start = step.anonymous ? model : withoutHoldsOf(model, step.patient);
          const tried = holdSlot(start, {
            slotId: target.id, patientId: String(step.patient), accountId: step.anonymous ? null : accountOf(step.patient),
            token: modelToken ?? undefined, now,
          });
          const res = await w.hold(caller, target.agenda, target.start.toISOString());
          if (tried.result.ok) {
            assert.equal(res.statusCode, 201, `${label}: the model grants the hold, the API answered ${res.body}`);
            model = tried.model;
            granted.hold++;
            tracked.push({
              modelId: tried.result.entryId, apiId: res.json().hold.id, patient: step.patient,
              modelToken, apiToken: res.json().holdToken ?? null, everBooked: false,
            });
          } else {
            assert.equal(res.statusCode, 409, `${label}: the model refuses (${tried.result.error}), the API answered ${res.body}`);
            assert.equal(res.json().code, 'slot_taken');
            model = expireHolds(model, now);
          }
        } else if (step.kind === 'confirm') {
          const t = pick(step.entry, step.own ? { patient: step.patient, status: 'held' } : undefined);
          if (!t) continue;
          const presents = t.modelToken !== null && t.patient === step.patient;
          const tried = confirmHold(model, {
            entryId: t.modelId, accountId: accountOf(step.patient), token: presents ? t.modelToken! : undefined, now,
          });
          const res = await w.confirm(patients[step.patient]!, {
            holdId: t.apiId, patient: { kind: 'self' }, ...(presents ? { holdToken: t.apiToken } : {}),
          });
          if (tried.result === 'ok') {
            assert.ok([200, 201].includes(res.statusCode), `${label}: the model confirms, the API answered ${res.statusCode} ${res.body}`);
            t.everBooked = true;
            granted.confirm++;
          } else {
            assert.ok([403, 410].includes(res.statusCode), `${label}: the model refuses (${tried.result}), the API answered ${res.statusCode} ${res.body}`);
          }
          model = tried.model;
        } else if (step.kind === 'cancel') {
          const { t, actor } = pickActor(step);
          if (!t) continue;
          const known = modelEntry(t);
          const tried = cancelEntry(model, { entryId: t.modelId, accountId: accountOf(actor), now });
          const caller = patients[actor]!;
          const res = (known ? known.status === 'booked' : t.everBooked)
            ? await w.app.inject({ method: 'POST', url: `/api/appointments/${t.apiId}/cancel`, headers: caller.headers })
            : await w.app.inject({ method: 'DELETE', url: `/api/holds/${t.apiId}`, headers: caller.headers });
          assert.ok(res.statusCode < 500, `${label}: ${res.statusCode} ${res.body}`);
          if (tried.result === 'ok') granted.cancel++;
          if (tried.result === 'ok') assert.ok(res.statusCode < 300, `${label}: the model cancels, the API answered ${res.statusCode} ${res.body}`);
          else if (tried.result !== 'unknown') assert.ok(res.statusCode >= 400, `${label}: the model refuses (${tried.result}), the API answered ${res.statusCode}`);
          model = tried.model;
        } else {
          const { t, actor } = pickActor(step);
          if (!t) continue;
          const target = slots[step.slot]!;
          const known = modelEntry(t);
          const own = known ? slots.find((s) => s.id === known.slotId)! : null;
          if (own && own.start < target.end && target.start < own.end) continue; // overlapping its own time: see the header
          const start = withoutHoldsOf(model, actor);
          const tried = moveBooking(start, { entryId: t.modelId, accountId: accountOf(actor), slotId: target.id, now });
          const caller = patients[actor]!;
          const held = await w.hold(caller, target.agenda, target.start.toISOString(), { moving: t.apiId });
          let moved = false;
          if (held.statusCode === 201) {
            const res = await w.app.inject({
              method: 'POST', url: `/api/appointments/${t.apiId}/move`, headers: caller.headers, payload: { holdId: held.json().hold.id },
            });
            assert.equal(res.statusCode, 200, `${label}: hold granted but the move answered ${res.body}`);
            moved = true;
            granted.move++;
            t.apiId = res.json().appointment.id;
          }
          assert.equal(moved, tried.result === 'ok', `${label}: the model says ${tried.result}, the API's hold answered ${held.statusCode} ${held.body}`);
          model = tried.result === 'ok' ? tried.model : expireHolds(model, now);
        }
        await assertSameLiveRows(practitionerId, model, tracked, slots, label);
        await assertNoOverlapBeyondCapacity(practitionerId);
      }
      await assertMesRendezVous(practitionerId, model, tracked);
    }), { numRuns: RUNS });
    console.log(`${ran} runs, ${steps} steps in ${((performance.now() - started) / 1000).toFixed(1)} s; granted: ${JSON.stringify(granted)}`);
  });

  /** The database's live rows (booked, or held and not expired) are exactly the model's entries, slot for slot. */
  async function assertSameLiveRows(practitionerId: string, model: AgendaModel, tracked: Tracked[], slots: (ModelSlot & { agenda: AgendaFixture })[], label: string) {
    const now = w.clock.now();
    const apiIdOf = new Map(tracked.map((t) => [t.modelId, t.apiId]));
    const expected = expireHolds(model, now).entries
      .map((e) => `${apiIdOf.get(e.id)} ${e.status} ${e.slotId}`).sort();
    const rows = await w.t.db.selectFrom('appointments').select(['id', 'status', 'reason_id', 'starts_at', 'hold_expires_at'])
      .where('practitioner_id', '=', practitionerId)
      .where((eb) => eb.or([eb('status', '=', 'booked'), eb.and([eb('status', '=', 'held'), eb('hold_expires_at', '>', now)])]))
      .execute();
    const slotOf = (reasonId: string, start: Date) =>
      slots.find((s) => s.agenda.reasonId === reasonId && s.start.getTime() === start.getTime())?.id ?? 'outside-the-plan';
    const actual = rows.map((r) => `${r.id} ${r.status} ${slotOf(r.reason_id, r.starts_at)}`).sort();
    assert.deepEqual(actual, expected, `${label}: the database's live rows differ from the model's entries`);
  }

  /** C8 in SQL: no two live rows of different slot groups overlap, and no group holds more than its reason's capacity. */
  async function assertNoOverlapBeyondCapacity(practitionerId: string) {
    const { rows: [overlaps] } = await sql<{ count: string }>`
      select count(*) from appointments a join appointments b
        on b.practitioner_id = a.practitioner_id and a.id < b.id and a.slot_group <> b.slot_group
       and tstzrange(a.starts_at, a.ends_at) && tstzrange(b.starts_at, b.ends_at)
     where a.practitioner_id = ${practitionerId}
       and a.status in ('held', 'booked') and b.status in ('held', 'booked')`.execute(w.t.db);
    assert.equal(Number(overlaps!.count), 0, 'two live rows overlap');
    const { rows: crowded } = await sql<{ slot_group: string }>`
      select a.slot_group from appointments a join visit_reasons r on r.id = a.reason_id
       where a.practitioner_id = ${practitionerId} and a.status in ('held', 'booked')
       group by a.slot_group having count(*) > max(r.capacity)`.execute(w.t.db);
    assert.deepEqual(crowded, [], 'a group slot holds more patients than its capacity');
  }

  /** « Mes rendez-vous » of each patient lists, for this practitioner, the model's bookings of that account. */
  async function assertMesRendezVous(practitionerId: string, model: AgendaModel, tracked: Tracked[]) {
    const apiIdOf = new Map(tracked.map((t) => [t.modelId, t.apiId]));
    for (let p = 0; p < PATIENTS; p++) {
      const res = await w.app.inject({ method: 'GET', url: '/api/appointments', headers: patients[p]!.headers });
      assert.equal(res.statusCode, 200);
      const listed = (res.json().upcoming as { id: string; status: string; practitioner: { id: string } }[])
        .filter((a) => a.practitioner.id === practitionerId && a.status === 'booked').map((a) => a.id).sort();
      const expected = model.entries.filter((e) => e.status === 'booked' && e.accountId === accountOf(p))
        .map((e) => apiIdOf.get(e.id)!).sort();
      assert.deepEqual(listed, expected, `Mes rendez-vous of patient ${p}`);
    }
  }
});
