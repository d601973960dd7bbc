import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  isMoreThanSevenDaysAhead, planReminders, reminderTime, type PlannedMessage, type Recipient,
} from './schedule.ts';

const HOUR = 3_600_000;
const MINUTE = 60_000;
const DAY = 24 * HOUR;

const holder: Recipient = { role: 'holder', email: 'claire@example.fr', phone: '+33612345678', phoneKind: 'mobile' };
const relativeWithContact: Recipient = { role: 'relative', email: 'leo@example.fr', phone: '+33698765432', phoneKind: 'mobile' };
const relativeWithoutContact: Recipient = { role: 'relative', email: null, phone: null, phoneKind: null };

/** Tuesday 14 April 2026, 09:00 in Paris (summer time, UTC+2). */
const start = new Date('2026-04-14T09:00:00+02:00');

/** The plan as short readable lines: kind, channel, recipient, ISO send time. */
function lines(plan: PlannedMessage[]): string[] {
  return plan.map((message) => `${message.kind} ${message.channel} ${message.to} ${message.sendAt.toISOString()}`);
}

function kinds(plan: PlannedMessage[]): string[] {
  return plan.map((message) => message.kind);
}

describe('planReminders — booked more than 7 days ahead (E2, E3)', () => {
  it('sends an email 7 days before, an SMS 48 h before and an email 24 h before, at the appointment’s Paris time', () => {
    const plan = planReminders({ start, bookedAt: new Date(start.getTime() - 20 * DAY), recipients: [holder] });
    assert.deepEqual(lines(plan), [
      'reminder_7d email claire@example.fr 2026-04-07T07:00:00.000Z',
      'reminder_sms_48h sms +33612345678 2026-04-12T07:00:00.000Z',
      'reminder_24h email claire@example.fr 2026-04-13T07:00:00.000Z',
    ]);
  });

  it('booked exactly 7 days ahead is not « more than 7 days »: one email and one SMS 24 h before', () => {
    const plan = planReminders({ start, bookedAt: new Date(start.getTime() - 7 * DAY), recipients: [holder] });
    assert.deepEqual(kinds(plan), ['reminder_24h', 'reminder_sms_24h']);
  });

  it('booked 7 days and 1 minute ahead gets the SMS 48 h before, and no 7-day email a minute after booking', () => {
    const plan = planReminders({ start, bookedAt: new Date(start.getTime() - 7 * DAY - MINUTE), recipients: [holder] });
    assert.deepEqual(kinds(plan), ['reminder_sms_48h', 'reminder_24h']);
  });

  it('booked 7 days and 2 hours ahead gets the 7-day email 2 hours after booking', () => {
    const bookedAt = new Date(start.getTime() - 7 * DAY - 2 * HOUR);
    const plan = planReminders({ start, bookedAt, recipients: [holder] });
    assert.deepEqual(kinds(plan), ['reminder_7d', 'reminder_sms_48h', 'reminder_24h']);
    assert.equal(plan[0]!.sendAt.getTime() - bookedAt.getTime(), 2 * HOUR);
  });
});

describe('planReminders — booked within 7 days', () => {
  it('booked 3 days ahead: an email and an SMS 24 h before', () => {
    const plan = planReminders({ start, bookedAt: new Date(start.getTime() - 3 * DAY), recipients: [holder] });
    assert.deepEqual(lines(plan), [
      'reminder_24h email claire@example.fr 2026-04-13T07:00:00.000Z',
      'reminder_sms_24h sms +33612345678 2026-04-13T07:00:00.000Z',
    ]);
  });

  it('booked 30 h ahead still gets the 24 h email and SMS, 6 hours after booking', () => {
    const plan = planReminders({ start, bookedAt: new Date(start.getTime() - 30 * HOUR), recipients: [holder] });
    assert.deepEqual(kinds(plan), ['reminder_24h', 'reminder_sms_24h']);
  });

  it('booked 25 h ahead gets the 24 h reminders an hour after booking', () => {
    const plan = planReminders({ start, bookedAt: new Date(start.getTime() - 25 * HOUR), recipients: [holder] });
    assert.deepEqual(kinds(plan), ['reminder_24h', 'reminder_sms_24h']);
  });

  it('booked 25 h minus a minute ahead gets no reminder: it would follow the confirmation within the hour', () => {
    const plan = planReminders({ start, bookedAt: new Date(start.getTime() - 25 * HOUR + MINUTE), recipients: [holder] });
    assert.deepEqual(plan, []);
  });

  it('booked 10 h ahead gets no reminder: the confirmation suffices', () => {
    const plan = planReminders({ start, bookedAt: new Date(start.getTime() - 10 * HOUR), recipients: [holder] });
    assert.deepEqual(plan, []);
  });

  it('an appointment already started at booking gets no reminder', () => {
    assert.deepEqual(planReminders({ start, bookedAt: new Date(start.getTime() + MINUTE), recipients: [holder] }), []);
  });
});

describe('isMoreThanSevenDaysAhead', () => {
  it('is false at exactly 7 days and true one minute earlier', () => {
    assert.equal(isMoreThanSevenDaysAhead(start, new Date(start.getTime() - 7 * DAY)), false);
    assert.equal(isMoreThanSevenDaysAhead(start, new Date(start.getTime() - 7 * DAY - MINUTE)), true);
  });

  it('counts Paris calendar days: booked Sunday 22 March 09:00 for Sunday 29 March 09:00 (167 real hours) is exactly 7 days', () => {
    const sunday = new Date('2026-03-29T09:00:00+02:00');
    assert.equal(isMoreThanSevenDaysAhead(sunday, new Date('2026-03-22T09:00:00+01:00')), false);
    assert.equal(isMoreThanSevenDaysAhead(sunday, new Date('2026-03-22T08:59:00+01:00')), true);
  });
});

describe('reminder times across daylight-saving changes (Paris wall clock)', () => {
  it('spring (last Sunday of March): 09:00 on Sunday 29 March is reminded at 09:00 on the Saturday, 23 real hours before', () => {
    const sunday = new Date('2026-03-29T09:00:00+02:00');
    const at = reminderTime(sunday, 'reminder_24h');
    assert.equal(at.toISOString(), new Date('2026-03-28T09:00:00+01:00').toISOString());
    assert.equal(sunday.getTime() - at.getTime(), 23 * HOUR);
  });

  it('spring: the 48 h SMS and the 7-day email of that Sunday are at 09:00 winter time', () => {
    const sunday = new Date('2026-03-29T09:00:00+02:00');
    assert.equal(reminderTime(sunday, 'reminder_sms_48h').toISOString(), '2026-03-27T08:00:00.000Z');
    assert.equal(reminderTime(sunday, 'reminder_7d').toISOString(), '2026-03-22T08:00:00.000Z');
  });

  it('autumn (last Sunday of October): 09:00 on Sunday 25 October is reminded at 09:00 on the Saturday, 25 real hours before', () => {
    const sunday = new Date('2026-10-25T09:00:00+01:00');
    const at = reminderTime(sunday, 'reminder_24h');
    assert.equal(at.toISOString(), new Date('2026-10-24T09:00:00+02:00').toISOString());
    assert.equal(sunday.getTime() - at.getTime(), 25 * HOUR);
  });

  it('autumn: a Monday appointment is reminded on the Sunday of the change at the same wall time', () => {
    const monday = new Date('2026-10-26T10:30:00+01:00');
    assert.equal(reminderTime(monday, 'reminder_sms_24h').toISOString(), new Date('2026-10-25T10:30:00+01:00').toISOString());
    assert.equal(reminderTime(monday, 'reminder_sms_48h').toISOString(), new Date('2026-10-24T10:30:00+02:00').toISOString());
  });

  it('a wall time skipped by the spring change (02:30 on 29 March) moves to the end of the gap, 03:00', () => {
    const monday = new Date('2026-03-30T02:30:00+02:00');
    assert.equal(reminderTime(monday, 'reminder_24h').toISOString(), new Date('2026-03-29T03:00:00+02:00').toISOString());
  });

  it('a wall time repeated by the autumn change (02:30 on 25 October) takes the first one, in summer time', () => {
    const monday = new Date('2026-10-26T02:30:00+01:00');
    assert.equal(reminderTime(monday, 'reminder_24h').toISOString(), new Date('2026-10-25T02:30:00+02:00').toISOString());
  });

  it('the whole plan of the spring Sunday booked a month ahead keeps 09:00 Paris for every reminder', () => {
    const sunday = new Date('2026-03-29T09:00:00+02:00');
    const plan = planReminders({ start: sunday, bookedAt: new Date('2026-03-01T12:00:00+01:00'), recipients: [holder] });
    const parisTimes = plan.map((message) => message.sendAt.toLocaleTimeString('fr-FR', { timeZone: 'Europe/Paris' }));
    assert.deepEqual(parisTimes, ['09:00:00', '09:00:00', '09:00:00']);
  });
});

describe('who receives the reminders (A7, E3)', () => {
  const farAhead = { start, bookedAt: new Date(start.getTime() - 20 * DAY) };

  it('a relative with its own email and mobile gets the SMS; the holder and the relative both get the emails', () => {
    const plan = planReminders({ ...farAhead, recipients: [holder, relativeWithContact] });
    assert.deepEqual(plan.map((message) => `${message.kind} ${message.role} ${message.to}`), [
      'reminder_7d holder claire@example.fr',
      'reminder_7d relative leo@example.fr',
      'reminder_sms_48h relative +33698765432',
      'reminder_24h holder claire@example.fr',
      'reminder_24h relative leo@example.fr',
    ]);
  });

  it('a relative without contact of its own: every reminder goes to the holder', () => {
    const plan = planReminders({ ...farAhead, recipients: [relativeWithoutContact, holder] });
    assert.deepEqual(plan.map((message) => `${message.channel} ${message.role}`), ['email holder', 'sms holder', 'email holder']);
  });

  it('a relative with an email but no phone: the SMS goes to the holder’s mobile', () => {
    const relative: Recipient = { role: 'relative', email: 'leo@example.fr', phone: null, phoneKind: null };
    const sms = planReminders({ ...farAhead, recipients: [holder, relative] }).filter((message) => message.channel === 'sms');
    assert.deepEqual(sms.map((message) => `${message.role} ${message.to}`), ['holder +33612345678']);
  });

  it('a relative whose own phone is a landline gets no SMS, and the SMS does not fall back to the holder', () => {
    const relative: Recipient = { ...relativeWithContact, phone: '+33140000000', phoneKind: 'landline' };
    const plan = planReminders({ ...farAhead, recipients: [holder, relative] });
    assert.equal(plan.filter((message) => message.channel === 'sms').length, 0);
    assert.equal(plan.filter((message) => message.channel === 'email').length, 4);
  });

  it('a holder with a landline gets the reminder emails and no SMS', () => {
    const landline: Recipient = { ...holder, phone: '+33140000000', phoneKind: 'landline' };
    const plan = planReminders({ start, bookedAt: new Date(start.getTime() - 3 * DAY), recipients: [landline] });
    assert.deepEqual(plan.map((message) => message.channel), ['email']);
  });

  it('a phone of unknown kind is not sent SMS', () => {
    const unknown: Recipient = { ...holder, phoneKind: null };
    const plan = planReminders({ start, bookedAt: new Date(start.getTime() - 3 * DAY), recipients: [unknown] });
    assert.deepEqual(plan.map((message) => message.channel), ['email']);
  });

  it('the same email on the holder and the relative is sent once', () => {
    const relative: Recipient = { ...relativeWithContact, email: 'Claire@Example.fr' };
    const plan = planReminders({ start, bookedAt: new Date(start.getTime() - 3 * DAY), recipients: [holder, relative] });
    assert.deepEqual(plan.filter((message) => message.channel === 'email').map((message) => message.to), ['claire@example.fr']);
  });

  it('a holder without email gets only the SMS', () => {
    const noEmail: Recipient = { ...holder, email: null };
    const plan = planReminders({ start, bookedAt: new Date(start.getTime() - 3 * DAY), recipients: [noEmail] });
    assert.deepEqual(plan.map((message) => message.channel), ['sms']);
  });
});
