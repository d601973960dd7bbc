/**
 * The refusals of a confirmation (SPEC C3, C5, C6, D5), each with its own code and sentence; a refusal keeps the hold
 * so the patient can correct the answer.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { insertAgenda, type AgendaFixture } from '../src/features/availability/agenda-fixtures.ts';
import { bookedRows, bookingWorld, MONDAY_7AM, type BookingWorld, type Caller } from './support/booking.ts';

const TUESDAY_9AM = '2026-03-03T08:00:00.000Z';

describe('booking rules at confirmation', () => {
  let w: BookingWorld;

  before(async () => {
    w = await bookingWorld();
  });
  after(async () => w.close());

  interface Setup { agenda: AgendaFixture; me: Caller; holdId: string; holderId: string }

  /** A fresh agenda whose reason has `reason` settings, a patient (holder identity overridable) and their hold. */
  const setUp = async (reason: Record<string, unknown> = {}, holder = {}): Promise<Setup> => {
    w.clock.set(MONDAY_7AM);
    const agenda = await insertAgenda(w.t.db);
    if (Object.keys(reason).length) await w.t.db.updateTable('visit_reasons').set(reason).where('id', '=', agenda.reasonId).execute();
    const me = await w.signIn(holder);
    const res = await w.hold(me, agenda, TUESDAY_9AM);
    assert.equal(res.statusCode, 201);
    const holderRow = await w.t.db.selectFrom('patients').select('id').where('account_id', '=', me.accountId).where('is_holder', '=', true).executeTakeFirstOrThrow();
    return { agenda, me, holdId: res.json().hold.id, holderId: holderRow.id };
  };
  const confirm = (s: Setup, extra: Record<string, unknown> = {}) => w.confirm(s.me, { holdId: s.holdId, patient: { kind: 'self' }, ...extra });
  const addFile = (s: Setup, file: Record<string, unknown>) => w.t.db.insertInto('patient_files').values({
    practitioner_id: s.agenda.practitionerId, first_name: 'Camille', last_name: 'Martin', birth_date: '1990-04-12', ...file,
  }).execute();
  const addRelative = (s: Setup, birthDate: string) => w.t.db.insertInto('patients').values({
    account_id: s.me.accountId, is_holder: false, first_name: 'Léa', last_name: 'Martin', birth_date: birthDate,
  }).returning('id').executeTakeFirstOrThrow();
  const holdIsKept = async (s: Setup) => {
    const row = await w.t.db.selectFrom('appointments').select('status').where('id', '=', s.holdId).executeTakeFirst();
    assert.equal(row?.status, 'held', 'the refusal keeps the hold');
  };
  const assertRefused = async (res: { statusCode: number; json: () => { code: string; message: string } }, status: number, code: string, message?: string) => {
    assert.equal(res.statusCode, status);
    assert.equal(res.json().code, code);
    if (message) assert.equal(res.json().message, message);
  };

  /** Past appointments of the patient with the practitioner, declared missed by the practice (D5). */
  const addNoShows = async (s: Setup, count: number) => {
    for (let i = 0; i < count; i++) {
      await w.t.db.insertInto('appointments').values({
        practitioner_id: s.agenda.practitionerId, place_id: s.agenda.placeId, reason_id: s.agenda.reasonId,
        starts_at: `2026-01-0${i + 5}T08:00:00Z`, ends_at: `2026-01-0${i + 5}T08:30:00Z`, status: 'no_show',
        patient_id: s.holderId, account_id: s.me.accountId, no_show_declared_at: `2026-01-0${i + 5}T09:00:00Z`,
      }).execute();
    }
  };

  it('still books after two declared no-shows', async () => {
    const s = await setUp();
    await addNoShows(s, 2);
    assert.equal((await confirm(s)).statusCode, 201);
  });

  it('blocks online booking with the practitioner after the third declared no-show (403 blocked_no_shows)', async () => {
    const s = await setUp();
    await addNoShows(s, 3);
    await assertRefused(await confirm(s), 403, 'blocked_no_shows',
      'Vous ne pouvez plus prendre rendez-vous en ligne avec ce praticien. Contactez directement le cabinet.');
    await holdIsKept(s);
  });

  it('refuses a patient the practice blocked (403 blocked_by_practice)', async () => {
    const s = await setUp();
    await addFile(s, { patient_id: s.holderId, blocked_at: '2026-01-01T00:00:00Z' });
    await assertRefused(await confirm(s), 403, 'blocked_by_practice',
      'Vous ne pouvez actuellement pas prendre de rendez-vous en ligne avec ce praticien. Contactez directement le cabinet.');
    await holdIsKept(s);
  });

  it('refuses a new patient on a reason reserved to known patients (409 new_patients_not_accepted)', async () => {
    const s = await setUp({ new_patients: false });
    await assertRefused(await confirm(s), 409, 'new_patients_not_accepted',
      'Nous sommes désolés, ce praticien ne prend pas de nouveaux patients pour ce motif.');
    await holdIsKept(s);
  });

  it('books a known patient on such a reason, recognising the practice’s file by identity and linking it', async () => {
    const s = await setUp({ new_patients: false });
    await addFile(s, { first_name: 'CAMILLE', last_name: 'Martin', last_visit_on: '2025-06-01' });
    assert.equal((await confirm(s)).statusCode, 201);
    const file = await w.t.db.selectFrom('patient_files').select('patient_id').where('practitioner_id', '=', s.agenda.practitionerId).executeTakeFirstOrThrow();
    assert.equal(file.patient_id, s.holderId);
  });

  it('refuses a known patient whose identity differs from the practice’s file (409 identity_mismatch)', async () => {
    const s = await setUp({ new_patients: false });
    await addFile(s, { patient_id: s.holderId, first_name: 'Camila' });
    await assertRefused(await confirm(s), 409, 'identity_mismatch');
    await holdIsKept(s);
  });

  it('refuses a known patient whose last visit is more than 2 years before the slot (409 last_visit_too_old)', async () => {
    const s = await setUp({ new_patients: false });
    await addFile(s, { patient_id: s.holderId, last_visit_on: '2024-03-02' });
    await assertRefused(await confirm(s), 409, 'last_visit_too_old',
      'Votre dernière consultation avec ce praticien remonte à plus de 2 ans : prenez ce rendez-vous par téléphone auprès du cabinet. Le suivant pourra être pris en ligne.');
  });

  it('accepts a last visit exactly 2 years before the slot', async () => {
    const s = await setUp({ new_patients: false });
    await addFile(s, { patient_id: s.holderId, last_visit_on: '2024-03-03' });
    assert.equal((await confirm(s)).statusCode, 201);
  });

  it('judges the age limits on the relative the appointment is for (409 too_young)', async () => {
    const s = await setUp({ min_age_years: 18 });
    const child = await addRelative(s, '2012-05-01');
    await assertRefused(await confirm(s, { patient: { kind: 'relative', relativeId: child.id } }), 409, 'too_young',
      'Nous sommes désolés, ce praticien ne prend pas de patient de moins de 18 ans.');
    await holdIsKept(s);
    assert.equal((await confirm(s)).statusCode, 201, 'the adult holder may take it');
  });

  it('counts the age on the slot’s date: 18 on the day of the appointment is old enough', async () => {
    const s = await setUp({ min_age_years: 18 });
    const almostAdult = await addRelative(s, '2008-03-03'); // 17 today (2 March 2026), 18 on 3 March
    assert.equal((await confirm(s, { patient: { kind: 'relative', relativeId: almostAdult.id } })).statusCode, 201);
  });

  it('refuses a patient over the reason’s maximum age (409 too_old)', async () => {
    const s = await setUp({ max_age_years: 16 });
    await assertRefused(await confirm(s), 409, 'too_old',
      'Nous sommes désolés, ce praticien ne prend pas de patient de plus de 16 ans.');
    const child = await addRelative(s, '2015-01-01');
    assert.equal((await confirm(s, { patient: { kind: 'relative', relativeId: child.id } })).statusCode, 201);
  });

  it('asks for the referring practitioner on a reason that requires one (400 referral_required), then stores it', async () => {
    const s = await setUp({ referral_required: true });
    await assertRefused(await confirm(s), 400, 'referral_required');
    await holdIsKept(s);
    assert.equal((await confirm(s, { referringPractitionerId: '999999999' })).statusCode, 404);
    const referrer = await insertAgenda(w.t.db);
    const res = await confirm(s, { referringPractitionerId: referrer.practitionerId });
    assert.equal(res.statusCode, 201);
    const row = await w.t.db.selectFrom('appointments').select('referring_practitioner_id').where('id', '=', s.holdId).executeTakeFirstOrThrow();
    assert.equal(row.referring_practitioner_id, referrer.practitionerId);
  });

  it('requires the practice’s instructions to be accepted (400 instructions_not_accepted), and records when', async () => {
    const s = await setUp({ instructions_fr: 'Venir à jeun.', instructions_en: 'Come fasting.' });
    const hold = await w.app.inject({ method: 'GET', url: `/api/holds/${s.holdId}`, headers: { ...s.me.headers, 'accept-language': 'en' } });
    assert.equal(hold.json().hold.reason.instructions, 'Come fasting.');
    await assertRefused(await confirm(s), 400, 'instructions_not_accepted');
    await assertRefused(await confirm(s, { acceptInstructions: false }), 400, 'instructions_not_accepted');
    w.clock.advanceMinutes(2);
    assert.equal((await confirm(s, { acceptInstructions: true })).statusCode, 201);
    const row = await w.t.db.selectFrom('appointments').select('instructions_accepted_at').where('id', '=', s.holdId).executeTakeFirstOrThrow();
    assert.equal(row.instructions_accepted_at?.toISOString(), '2026-03-02T06:02:00.000Z');
  });

  it('answers refusals in English when asked', async () => {
    const s = await setUp({ new_patients: false });
    const res = await w.app.inject({
      method: 'POST', url: '/api/appointments',
      headers: { ...s.me.headers, 'idempotency-key': crypto.randomUUID(), 'accept-language': 'en' },
      payload: { holdId: s.holdId, patient: { kind: 'self' } },
    });
    assert.equal(res.json().message, 'We are sorry, this practitioner does not accept new patients for this visit reason.');
  });

  it('refuses a reason no longer bookable online (409 not_bookable_online)', async () => {
    const s = await setUp();
    await w.t.db.updateTable('visit_reasons').set({ online_bookable: false }).where('id', '=', s.agenda.reasonId).execute();
    await assertRefused(await confirm(s), 409, 'not_bookable_online');
  });
});

describe('the 8-day rule (C6)', () => {
  let w: BookingWorld;
  let specialty: string;

  before(async () => {
    w = await bookingWorld();
    const row = await w.t.db.selectFrom('specialties').select('code').where('eight_day_rule', '=', true).orderBy('code').executeTakeFirstOrThrow();
    specialty = row.code;
  });
  after(async () => w.close());

  /** Two agendas of a specialty with the rule on, and a patient already booked on Friday 6 March with the first. */
  const setUp = async () => {
    w.clock.set(MONDAY_7AM);
    const first = await insertAgenda(w.t.db);
    const second = await insertAgenda(w.t.db);
    await w.t.db.updateTable('practitioners').set({ specialty_code: specialty })
      .where('id', 'in', [first.practitionerId, second.practitionerId]).execute();
    const me = await w.signIn();
    const initial = (await w.hold(me, first, '2026-03-06T08:00:00.000Z')).json().hold;
    assert.equal((await w.confirm(me, { holdId: initial.id, patient: { kind: 'self' } })).statusCode, 201);
    return { first, second, me, initialId: initial.id as string };
  };
  const statusOf = async (id: string) => (await w.t.db.selectFrom('appointments').select(['status', 'replaced_by']).where('id', '=', id).executeTakeFirstOrThrow());

  it('refuses a second appointment less than 8 days apart with a practitioner of the same specialty, listing the conflict', async () => {
    const { second, me, initialId } = await setUp();
    const hold = (await w.hold(me, second, TUESDAY_9AM)).json().hold;
    const res = await w.confirm(me, { holdId: hold.id, patient: { kind: 'self' } });
    assert.equal(res.statusCode, 409);
    assert.equal(res.json().code, 'eight_day_rule');
    assert.equal(res.json().message, 'Vous avez déjà un rendez-vous prévu à moins de 8 jours d’écart avec ce praticien ou un praticien de la même spécialité.');
    assert.deepEqual(res.json().conflicts.map((c: { id: string; start: string }) => [c.id, c.start]), [[initialId, '2026-03-06T08:00:00.000Z']]);
  });

  it('« Conserver le rendez-vous initial »: releasing the hold leaves the first appointment as it was', async () => {
    const { second, me, initialId } = await setUp();
    const hold = (await w.hold(me, second, TUESDAY_9AM)).json().hold;
    assert.equal((await w.confirm(me, { holdId: hold.id, patient: { kind: 'self' } })).statusCode, 409);
    assert.equal((await w.app.inject({ method: 'DELETE', url: `/api/holds/${hold.id}`, headers: me.headers })).statusCode, 204);
    assert.deepEqual(await statusOf(initialId), { status: 'booked', replaced_by: null });
    assert.equal((await bookedRows(w.t, second.practitionerId)).length, 0);
  });

  it('« Remplacer par celui en cours » books the new one and cancels the first in one step', async () => {
    const { second, me, initialId } = await setUp();
    const hold = (await w.hold(me, second, TUESDAY_9AM)).json().hold;
    const res = await w.confirm(me, { holdId: hold.id, patient: { kind: 'self' }, eightDayRule: 'replace' });
    assert.equal(res.statusCode, 201);
    assert.equal(res.json().replaced.id, initialId);
    assert.equal(res.json().replaced.status, 'cancelled');
    assert.deepEqual(await statusOf(initialId), { status: 'cancelled', replaced_by: hold.id });
    assert.equal((await statusOf(hold.id)).status, 'booked');
  });

  it('replaces nothing when the replacement is refused: under 4 hours the first appointment stays (409 cancel_too_late)', async () => {
    const setup = await setUp();
    const { second, initialId } = setup;
    w.clock.set('2026-03-06T05:00:00Z'); // 3 hours before the first appointment
    const me = await w.reconnect(setup.me);
    const hold = (await w.hold(me, second, '2026-03-09T08:00:00.000Z')).json().hold;
    const res = await w.confirm(me, { holdId: hold.id, patient: { kind: 'self' }, eightDayRule: 'replace' });
    assert.equal(res.statusCode, 409);
    assert.equal(res.json().code, 'cancel_too_late');
    assert.equal(res.json().phone, '02 40 00 00 00');
    assert.deepEqual(await statusOf(initialId), { status: 'booked', replaced_by: null });
    assert.equal((await statusOf(hold.id)).status, 'held');
  });

  it('allows an appointment 8 days or more apart', async () => {
    const { second, me } = await setUp();
    const hold = (await w.hold(me, second, '2026-03-16T08:00:00.000Z')).json().hold; // Monday 16, 10 days after Friday 6
    assert.equal((await w.confirm(me, { holdId: hold.id, patient: { kind: 'self' } })).statusCode, 201);
  });

  it('does not apply to a relative’s appointments (another patient)', async () => {
    const { second, me } = await setUp();
    const relative = await w.t.db.insertInto('patients').values({
      account_id: me.accountId, is_holder: false, first_name: 'Léo', last_name: 'Martin', birth_date: '2018-09-30',
    }).returning('id').executeTakeFirstOrThrow();
    const hold = (await w.hold(me, second, TUESDAY_9AM)).json().hold;
    assert.equal((await w.confirm(me, { holdId: hold.id, patient: { kind: 'relative', relativeId: relative.id } })).statusCode, 201);
  });

  it('does not apply in specialties where it is off', async () => {
    w.clock.set(MONDAY_7AM);
    const agenda = await insertAgenda(w.t.db);
    const me = await w.signIn();
    for (const start of ['2026-03-06T08:00:00.000Z', TUESDAY_9AM]) {
      const hold = (await w.hold(me, agenda, start)).json().hold;
      assert.equal((await w.confirm(me, { holdId: hold.id, patient: { kind: 'self' } })).statusCode, 201);
    }
  });
});
