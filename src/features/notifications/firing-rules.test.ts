import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { judgeFiring, type FiringIntent } from './firing-rules.ts';
import type { NotificationSubject } from './subjects.ts';

const start = new Date('2026-03-04T08:00:00Z');
const now = new Date('2026-03-03T08:00:00Z');

const subject = (changes: Partial<NotificationSubject> = {}): NotificationSubject => ({
  appointmentId: 'a', status: 'booked', start, notificationsOn: true, language: 'fr',
  recipients: [
    { role: 'holder', email: 'camille@example.fr', phone: '+33240000000', phoneKind: 'landline' },
    { role: 'relative', email: null, phone: '+33698765432', phoneKind: 'mobile' },
  ],
  ...changes,
});
const reminder: FiringIntent = { kind: 'reminder_24h', channel: 'email', role: 'holder', plannedStart: start };

describe('notifications: what a message finds when it fires', () => {
  it('sends a reminder of a booked appointment at the time it was planned for, to the current address', () => {
    assert.deepEqual(judgeFiring(reminder, subject(), now), { send: true, to: 'camille@example.fr' });
  });

  it('drops a reminder of a cancelled, moved, missed or vanished appointment', () => {
    assert.deepEqual(judgeFiring(reminder, subject({ status: 'cancelled' }), now), { send: false, outcome: 'appointment_cancelled' });
    assert.deepEqual(judgeFiring(reminder, subject({ status: 'no_show' }), now), { send: false, outcome: 'appointment_no_show' });
    assert.deepEqual(judgeFiring(reminder, undefined, now), { send: false, outcome: 'appointment_gone' });
  });

  it('drops a reminder planned for another start (time changed in place) and one whose appointment has begun', () => {
    assert.deepEqual(judgeFiring(reminder, subject({ start: new Date('2026-03-05T08:00:00Z') }), now), { send: false, outcome: 'rescheduled' });
    assert.deepEqual(judgeFiring(reminder, subject(), start), { send: false, outcome: 'started' });
  });

  it('sends the cancellation only of a cancelled appointment, the no-show email only of a missed one', () => {
    const cancellation: FiringIntent = { ...reminder, kind: 'cancelled' };
    assert.deepEqual(judgeFiring(cancellation, subject({ status: 'cancelled' }), now), { send: true, to: 'camille@example.fr' });
    assert.deepEqual(judgeFiring({ ...reminder, kind: 'no_show' }, subject({ status: 'no_show' }), now), { send: true, to: 'camille@example.fr' });
    assert.deepEqual(judgeFiring(cancellation, subject(), now), { send: false, outcome: 'appointment_booked' });
  });

  it('drops everything once the practice switched notifications off (E4)', () => {
    assert.deepEqual(judgeFiring({ ...reminder, kind: 'cancelled' }, subject({ status: 'cancelled', notificationsOn: false }), now),
      { send: false, outcome: 'notifications_off' });
  });

  it('texts only a mobile: the relative\'s mobile yes, the holder\'s landline no (E3)', () => {
    const sms: FiringIntent = { kind: 'reminder_sms_24h', channel: 'sms', role: 'relative', plannedStart: start };
    assert.deepEqual(judgeFiring(sms, subject(), now), { send: true, to: '+33698765432' });
    assert.deepEqual(judgeFiring({ ...sms, role: 'holder' }, subject(), now), { send: false, outcome: 'no_mobile' });
  });

  it('drops an email whose recipient no longer has an address (account deleted)', () => {
    assert.deepEqual(judgeFiring(reminder, subject({ recipients: [] }), now), { send: false, outcome: 'no_email' });
  });
});
