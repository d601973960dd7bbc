import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ICAL from 'ical.js';
import { buildCalendarInvite, calendarUid, foldLine, type CalendarInvite } from './ics.ts';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const appointmentId = '3f2c1d9e-5b7a-4c1e-9d2f-0a1b2c3d4e5f';

const invite: CalendarInvite = {
  uid: calendarUid(appointmentId),
  sequence: 0,
  method: 'REQUEST',
  start: new Date('2026-04-14T09:00:00+02:00'),
  end: new Date('2026-04-14T09:20:00+02:00'),
  summary: 'Rendez-vous avec Dr Jean Martin',
  location: '12 rue de la Paix, 75002 Paris',
  description: 'Patient : Léa Martin',
  organizerEmail: 'rendez-vous@creneau.example',
  attendeeEmail: 'claire@example.fr',
  now: new Date('2026-04-01T10:00:00Z'),
};

/** The invite read back by an independent parser (ical.js). */
function parse(text: string): { calendar: ICAL.Component; event: ICAL.Event; vevent: ICAL.Component } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const vevent = calendar.getFirstSubcomponent('vevent');
  assert.ok(vevent, 'the calendar holds an event');
  return { calendar, vevent, event: new ICAL.Event(vevent) };
}

/** An instant as a Paris wall-clock date and time, 'dd/mm/yyyy hh:mm'. */
function parisTime(instant: Date): string {
  return instant.toLocaleString('fr-FR', {
    timeZone: 'Europe/Paris', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit',
  });
}

/** The raw lines of the file as octets, split at CRLF. */
function octetLines(text: string): Buffer[] {
  const bytes = Buffer.from(text, 'utf8');
  const lines: Buffer[] = [];
  let from = 0;
  for (let at = bytes.indexOf('\r\n'); at !== -1; at = bytes.indexOf('\r\n', from)) {
    lines.push(bytes.subarray(from, at));
    from = at + 2;
  }
  assert.equal(from, bytes.length, 'the file ends with CRLF');
  return lines;
}

describe('buildCalendarInvite — read by ical.js', () => {
  it('an appointment at 09:00 in Paris (summer time) reads as 09:00–09:20 in Europe/Paris', () => {
    const { event } = parse(buildCalendarInvite(invite));
    assert.equal(parisTime(event.startDate.toJSDate()), '14/04/2026 09:00');
    assert.equal(parisTime(event.endDate.toJSDate()), '14/04/2026 09:20');
  });

  it('an appointment in winter time reads at its Paris time too', () => {
    const winter = { ...invite, start: new Date('2026-01-20T16:45:00+01:00'), end: new Date('2026-01-20T17:15:00+01:00') };
    const { event } = parse(buildCalendarInvite(winter));
    assert.equal(parisTime(event.startDate.toJSDate()), '20/01/2026 16:45');
    assert.equal(parisTime(event.endDate.toJSDate()), '20/01/2026 17:15');
  });

  it('an appointment on the Sunday of the spring change reads at its Paris time', () => {
    const sunday = { ...invite, start: new Date('2026-03-29T10:00:00+02:00'), end: new Date('2026-03-29T10:30:00+02:00') };
    const { event } = parse(buildCalendarInvite(sunday));
    assert.equal(parisTime(event.startDate.toJSDate()), '29/03/2026 10:00');
  });

  it('writes times in UTC, so no client has to know the Paris rules', () => {
    const text = buildCalendarInvite(invite);
    assert.match(text, /\r\nDTSTART:20260414T070000Z\r\n/);
    assert.match(text, /\r\nDTEND:20260414T072000Z\r\n/);
  });

  it('carries the method, a stable UID, the sequence, DTSTAMP, organizer and attendee', () => {
    const { calendar, event, vevent } = parse(buildCalendarInvite({ ...invite, sequence: 2 }));
    assert.equal(calendar.getFirstPropertyValue('method'), 'REQUEST');
    assert.equal(calendar.getFirstPropertyValue('version'), '2.0');
    assert.equal(event.uid, `${appointmentId}@creneau`);
    assert.equal(event.sequence, 2);
    assert.equal(vevent.getFirstPropertyValue('status'), 'CONFIRMED');
    assert.equal(String(vevent.getFirstPropertyValue('dtstamp')), '2026-04-01T10:00:00Z');
    assert.equal(vevent.getFirstPropertyValue('organizer'), 'mailto:rendez-vous@creneau.example');
    assert.equal(vevent.getFirstPropertyValue('attendee'), 'mailto:claire@example.fr');
  });

  it('a cancellation is METHOD:CANCEL with STATUS:CANCELLED and the same UID', () => {
    const { calendar, event, vevent } = parse(buildCalendarInvite({ ...invite, method: 'CANCEL', sequence: 1 }));
    assert.equal(calendar.getFirstPropertyValue('method'), 'CANCEL');
    assert.equal(vevent.getFirstPropertyValue('status'), 'CANCELLED');
    assert.equal(event.uid, `${appointmentId}@creneau`);
    assert.equal(event.sequence, 1);
  });

  it('escapes commas, semicolons, backslashes and line breaks, which read back unchanged', () => {
    const description = 'Patient : Léa; Cabinet, 2e étage\nCode porte : 12\\B\r\nTél. 01 23 45 67 89';
    const text = buildCalendarInvite({ ...invite, summary: 'RDV; Dr Martin, Paris', description });
    assert.match(text, /SUMMARY:RDV\\; Dr Martin\\, Paris\r\n/);
    const { event } = parse(text);
    assert.equal(event.summary, 'RDV; Dr Martin, Paris');
    assert.equal(event.description, 'Patient : Léa; Cabinet, 2e étage\nCode porte : 12\\B\nTél. 01 23 45 67 89');
  });

  it('a hostile text cannot add properties: its line breaks stay inside the value', () => {
    const text = buildCalendarInvite({ ...invite, summary: 'Dr X\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil' });
    const { calendar, event } = parse(text);
    assert.equal(calendar.getAllSubcomponents('vevent').length, 1);
    assert.equal(event.uid, `${appointmentId}@creneau`);
  });

  it('refuses an attendee address that would break the line', () => {
    assert.throws(() => buildCalendarInvite({ ...invite, attendeeEmail: 'a@b.fr\r\nATTENDEE:mailto:x@y.fr' }), RangeError);
  });

  it('refuses an event that ends before it starts', () => {
    assert.throws(() => buildCalendarInvite({ ...invite, end: invite.start }), RangeError);
  });
});

describe('buildCalendarInvite — lines (RFC 5545 § 3.1)', () => {
  const longAddress = 'Maison de santé pluriprofessionnelle « Les Châtaigniers », bâtiment B, 3e étage, 147 avenue du '
    + 'Général-de-Gaulle-et-de-la-Libération, 94300 Vincennes — entrée côté cour, près de l’église Notre-Dame 🏥';
  const text = buildCalendarInvite({ ...invite, location: longAddress, description: longAddress.repeat(3) });

  it('ends every line with CRLF and has no bare line feed', () => {
    assert.ok(text.endsWith('\r\n'));
    assert.equal(text.replace(/\r\n/g, '').includes('\n'), false);
  });

  it('folds a long French address with accents into lines of at most 75 octets', () => {
    const lines = octetLines(text);
    assert.ok(lines.some((line) => line[0] === 0x20), 'some lines are continuations');
    for (const line of lines) assert.ok(line.length <= 75, `line of ${line.length} octets`);
  });

  it('never splits a UTF-8 character across two lines', () => {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    for (const line of octetLines(text)) assert.doesNotThrow(() => decoder.decode(line));
  });

  it('unfolds back to the exact address', () => {
    assert.equal(parse(text).event.location, longAddress);
  });

  it('folds a line made only of 2-, 3- and 4-octet characters at character boundaries', () => {
    const folded = foldLine(`LOCATION:${'é’🏥'.repeat(40)}`);
    const parts = folded.split('\r\n ');
    assert.ok(parts.length > 1);
    assert.equal(parts.join(''), `LOCATION:${'é’🏥'.repeat(40)}`);
    for (const [index, part] of parts.entries()) {
      const octets = Buffer.byteLength(part, 'utf8') + (index === 0 ? 0 : 1);
      assert.ok(octets <= 75, `line ${index} has ${octets} octets`);
      if (index < parts.length - 1) assert.ok(octets > 75 - 4, `line ${index} was cut early, at ${octets} octets`);
      assert.doesNotMatch(part, LONE_SURROGATE, `line ${index} holds half a character`);
    }
  });
});
