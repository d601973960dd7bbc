/**
 * The calendar invitation attached to appointment emails (SPEC E1; RFC 5545 format, RFC 5546 methods), so Google
 * Calendar, Apple Calendar and Outlook add, update and remove the appointment. Decisions (docs/decisions.md):
 * - times are written in UTC (`…Z`): every client converts them to its own zone, and no VTIMEZONE of ours can
 *   drift from the real Paris rules; the Paris time is in the email text;
 * - one UID per appointment, kept across moves (the caller names the first appointment of the chain), SEQUENCE
 *   counted by the caller (0 at booking, +1 at each move and at cancellation), METHOD:CANCEL + STATUS:CANCELLED to
 *   remove it;
 * - lines end with CRLF and are folded at 75 octets without ever splitting a UTF-8 character.
 */
import { utf8Chunks } from '../../../platform/text/utf8-chunks.ts';

export type InviteMethod = 'REQUEST' | 'CANCEL';

export interface CalendarInvite {
  uid: string;
  sequence: number;
  method: InviteMethod;
  start: Date;
  end: Date;
  summary: string;
  location: string;
  description: string;
  /** An http(s) page about the appointment (never a link carrying a token: calendars are often shared). */
  url?: string;
  organizerEmail: string;
  organizerName?: string;
  attendeeEmail?: string;
  /** When this version of the invitation was made (DTSTAMP). */
  now: Date;
}

/** Octets a content line may hold before its CRLF (RFC 5545 § 3.1). */
export const MAX_LINE_OCTETS = 75;

const CRLF = '\r\n';
const PRODUCT_ID = '-//Creneau//Rendez-vous//FR';

/** The UID of an appointment's calendar event: stable, globally unique, without personal data. */
export function calendarUid(appointmentId: string): string {
  return `${appointmentId}@creneau`;
}

/** The .ics text of one appointment event, as a REQUEST (add or update) or a CANCEL. */
export function buildCalendarInvite(invite: CalendarInvite): string {
  checkInvite(invite);
  const cancelled = invite.method === 'CANCEL';
  const lines = [
    'BEGIN:VCALENDAR',
    `PRODID:${PRODUCT_ID}`,
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    `METHOD:${invite.method}`,
    'BEGIN:VEVENT',
    `UID:${escapeText(invite.uid)}`,
    `DTSTAMP:${utcDateTime(invite.now)}`,
    `SEQUENCE:${invite.sequence}`,
    `DTSTART:${utcDateTime(invite.start)}`,
    `DTEND:${utcDateTime(invite.end)}`,
    `SUMMARY:${escapeText(invite.summary)}`,
    `LOCATION:${escapeText(invite.location)}`,
    `DESCRIPTION:${escapeText(invite.description)}`,
    ...(invite.url ? [`URL:${checkedUrl(invite.url)}`] : []),
    `STATUS:${cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    `TRANSP:${cancelled ? 'TRANSPARENT' : 'OPAQUE'}`,
    `ORGANIZER;CN=${quotedParameter(invite.organizerName ?? 'Créneau')}:${mailto(invite.organizerEmail)}`,
    ...(invite.attendeeEmail
      ? [`ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=FALSE:${mailto(invite.attendeeEmail)}`]
      : []),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}

/** A TEXT value escaped (RFC 5545 § 3.3.11): backslash, semicolon, comma, line breaks; other control characters dropped. */
export function escapeText(value: string): string {
  return value
    .replace(/\r\n|\r|\n/g, '\n')
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '')
    .replace(/[\\;,\n]/g, (character) => (character === '\n' ? '\\n' : `\\${character}`));
}

/**
 * One content line folded into lines of at most 75 octets joined by CRLF + space (the space counts in the 75),
 * cutting only between characters so no multi-byte UTF-8 sequence is split.
 */
export function foldLine(line: string): string {
  // Continuation lines start with the space that folding adds, so they hold one octet less.
  return utf8Chunks(line, (index) => (index === 0 ? MAX_LINE_OCTETS : MAX_LINE_OCTETS - 1)).join(`${CRLF} `);
}

/** An instant as a UTC DATE-TIME: 20260414T070000Z. */
function utcDateTime(instant: Date): string {
  return instant.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

/** Refuses what no appointment can have: the calendar would silently drop or misplace the event. */
function checkInvite(invite: CalendarInvite): void {
  if (!Number.isInteger(invite.sequence) || invite.sequence < 0) throw new RangeError('sequence must be a whole number ≥ 0');
  for (const instant of [invite.start, invite.end, invite.now]) {
    if (Number.isNaN(instant.getTime())) throw new RangeError('invalid date in a calendar invite');
  }
  if (invite.end.getTime() <= invite.start.getTime()) throw new RangeError('an event must end after it starts');
  if (!invite.uid.trim()) throw new RangeError('a calendar invite needs a UID');
}

/** A calendar user address: a mailto URI, refusing what could break out of the line. */
function mailto(email: string): string {
  if (!/^[^\s"<>\u0000-\u001F\u007F]+@[^\s"<>\u0000-\u001F\u007F]+$/u.test(email)) {
    throw new RangeError('not an email address usable in a calendar invite');
  }
  return `mailto:${email}`;
}

/** A parameter value in double quotes, without the characters a quoted value cannot hold. */
function quotedParameter(value: string): string {
  return `"${value.replace(/["\u0000-\u001F\u007F]/g, '')}"`;
}

/** A URI value: http(s) only, with nothing that could end the line. */
function checkedUrl(url: string): string {
  if (!/^https?:\/\/[^\s\u0000-\u001F\u007F]+$/u.test(url)) throw new RangeError('not an http(s) URL usable in a calendar invite');
  return url;
}
