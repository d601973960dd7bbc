/**
 * Every practitioner-space route is authorised (issue 6): a practitioner reaches only its own agenda, patients and
 * appointments (anything else answers 404, as for a practitioner that does not exist); a secretary only what it was
 * granted (403 for a missing right); patients never (401), even with a malformed request.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { practiceWorld, type PracticeWorld, type StaffCaller } from '../src/features/practice/practice-test-world.ts';

describe('who reaches the practitioner space', () => {
  let w: PracticeWorld;
  let appointmentId: string;
  let patientId: string;
  let fileId: string;

  before(async () => {
    w = await practiceWorld();
    const patient = await w.signIn();
    const hold = (await w.hold(patient, w.agenda, '2026-03-03T08:00:00.000Z')).json().hold;
    const booked = (await w.confirm(patient, { holdId: hold.id, patient: { kind: 'self' } })).json().appointment;
    appointmentId = booked.id;
    patientId = booked.patient.id;
    fileId = (await w.practice('POST', '/patient-files', { firstName: 'Yves', lastName: 'Colin' })).json().patient.fileId;
  });
  after(async () => w.close());

  /** One request of each kind against the doctor's agenda, as `caller`; the statuses in order. */
  const everyRoute = (caller: StaffCaller | { headers: Record<string, string> }) => {
    const as = { caller };
    const desk = { placeId: w.agenda.placeId, reasonId: w.agenda.reasonId, start: '2026-03-04T08:00:00.000Z', patient: { fileId } };
    return Promise.all([
      w.practice('GET', '/agenda', undefined, as),
      w.practice('GET', '/settings', undefined, as),
      w.practice('GET', `/appointments/${appointmentId}`, undefined, as),
      w.practice('GET', '/appointments/outside-hours', undefined, as),
      w.practice('GET', '/patients?q=Colin', undefined, as),
      w.practice('POST', '/appointments', desk, as),
      w.practice('POST', `/appointments/${appointmentId}/move`, { start: '2026-03-05T08:00:00.000Z' }, as),
      w.practice('POST', `/appointments/${appointmentId}/cancel`, undefined, as),
      w.practice('POST', `/appointments/${appointmentId}/no-show`, undefined, as),
      w.practice('POST', '/patient-files', { firstName: 'Zoé', lastName: 'Colin' }, as),
      w.practice('PATCH', `/patient-files/${fileId}`, { blocked: true }, as),
      w.practice('PATCH', `/patients/${patientId}`, { notificationsOff: true }, as),
      w.practice('PATCH', `/places/${w.agenda.placeId}`, { onlineBooking: false }, as),
      w.practice('PATCH', `/reasons/${w.agenda.reasonId}`, { priceCents: 1 }, as),
      w.practice('PUT', `/places/${w.agenda.placeId}/opening-hours`, { rules: [] }, as),
      w.practice('POST', '/absences', { from: '2026-03-06', to: '2026-03-06' }, as),
      w.practice('POST', '/replacements', { firstName: 'Jean', lastName: 'Roc', from: '2026-03-06', to: '2026-03-06' }, as),
    ]).then((answers) => answers.map((res) => res.statusCode));
  };

  /** Nothing of the doctor's agenda changed. */
  const untouched = async () => {
    const appointment = await w.t.db.selectFrom('appointments').select('status').where('id', '=', appointmentId).executeTakeFirstOrThrow();
    const place = await w.t.db.selectFrom('places').select('online_booking').where('id', '=', w.agenda.placeId).executeTakeFirstOrThrow();
    const rules = await w.t.db.selectFrom('opening_rules').select('id').where('place_id', '=', w.agenda.placeId).execute();
    const file = await w.t.db.selectFrom('patient_files').select('blocked_at').where('id', '=', fileId).executeTakeFirstOrThrow();
    assert.deepEqual([appointment.status, place.online_booking, rules.length, file.blocked_at], ['booked', true, 10, null]);
  };

  it('answers 404 to another practitioner, on every route, and changes nothing', async () => {
    const other = await w.newPractice();
    assert.deepEqual(await everyRoute(other.staff), Array(17).fill(404));
    await untouched();
  });

  it('answers 404 to a secretary of another practitioner', async () => {
    const other = await w.newPractice();
    const secretary = await w.secretary(other.agenda.practitionerId, ['book', 'manage_patients', 'edit_settings']);
    assert.deepEqual(await everyRoute(secretary), Array(17).fill(404));
    await untouched();
  });

  it('lets a secretary with the view right only read, and answers 403 to every change', async () => {
    const secretary = await w.secretary(w.agenda.practitionerId, ['view']);
    assert.deepEqual(await everyRoute(secretary), [200, 200, 200, 200, 200, ...Array(12).fill(403)]);
    await untouched();
  });

  it('lets a secretary who may book create an appointment, but not change the settings', async () => {
    const secretary = await w.secretary(w.agenda.practitionerId, ['book']);
    const desk = await w.practice('POST', '/appointments', {
      placeId: w.agenda.placeId, reasonId: w.agenda.reasonId, start: '2026-03-06T08:00:00.000Z', patient: { fileId },
    }, { caller: secretary });
    assert.equal(desk.statusCode, 201, desk.body);
    const hours = await w.practice('PUT', `/places/${w.agenda.placeId}/opening-hours`, { rules: [] }, { caller: secretary });
    assert.equal(hours.statusCode, 403);
    const block = await w.practice('PATCH', `/patient-files/${fileId}`, { blocked: true }, { caller: secretary });
    assert.equal(block.statusCode, 403);
    await w.practice('POST', `/appointments/${desk.json().appointment.id}/cancel`);
  });

  it('refuses a patient’s session with 401, even for a malformed request', async () => {
    const patient = await w.signIn();
    assert.deepEqual(await everyRoute(patient), Array(17).fill(401));
    const malformed = await w.practice('POST', '/appointments', { start: 'tomorrow' }, { caller: patient });
    assert.equal(malformed.statusCode, 401);
    await untouched();
  });

  it('refuses a request without any session with 401', async () => {
    assert.deepEqual(await everyRoute({ headers: {} }), [401, 401, 401, 401, 401, ...Array(12).fill(403)]);
    await untouched();
  });
});
