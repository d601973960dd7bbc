import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ICAL from 'ical.js';
import type { Language } from '../../../platform/i18n/catalogue.ts';
import { notifications as catalogue } from '../../../platform/i18n/messages/notifications.ts';
import { smsLength } from '../domain/sms.ts';
import { EMAIL_COLOURS } from './email-layout.ts';
import { NOTIFICATION_CHANNEL, notificationKinds, renderNotification, type NotificationData, type NotificationKind } from './render.ts';

const languages: readonly Language[] = ['fr', 'en'];
const token = (letter: string) => `${'A'.repeat(35)}.${letter.repeat(43)}`; // the shape of a real link token (79 characters)
const links = {
  moveUrl: `https://rdv.creneau.example.fr/rdv/deplacer#jeton=${token('M')}`,
  cancelUrl: `https://rdv.creneau.example.fr/rdv/annuler#jeton=${token('C')}`,
};

/** Léa Martin's appointment, booked by her mother Claire from her account: Tuesday 14 April 2026, 09:00 in Paris. */
const data: NotificationData = {
  appointment: {
    id: '3f2c1d9e-5b7a-4c1e-9d2f-0a1b2c3d4e5f',
    start: new Date('2026-04-14T09:00:00+02:00'),
    end: new Date('2026-04-14T09:20:00+02:00'),
    practitionerName: 'Dr Jean Martin',
    specialty: 'Médecin généraliste',
    placeName: 'Cabinet du Parc',
    address: '12 rue de la Paix',
    postalCode: '75002',
    city: 'Paris',
    reasonLabel: 'Renouvellement d’ordonnance',
    patientName: 'Léa Martin',
    patientIsHolder: false,
    practicePhone: '+33123456789',
  },
  links,
  sequence: 0,
  recipientRole: 'holder',
  issuedAt: new Date('2026-04-01T10:00:00Z'),
  senderEmail: 'rendez-vous@creneau.example.fr',
  recipientEmail: 'claire@example.fr',
};

const parisDate: Record<Language, string> = { fr: 'mardi 14 avril 2026', en: 'Tuesday 14 April 2026' };
const withLinks: readonly NotificationKind[] = ['confirmation', 'reminder_7d', 'reminder_24h', 'moved'];
const hostile = 'Dr <script>alert("x")</script> & <img src=x onerror=alert(1)>';

/** Everything a reader of the message sees: the email's subject, text and HTML, or the SMS. */
function visibleParts(kind: NotificationKind, input: NotificationData, lang: Language): string[] {
  const rendered = renderNotification(kind, input, lang);
  return rendered.email ? [rendered.email.subject, rendered.email.text, rendered.email.html] : [rendered.sms!.text];
}

function email(kind: NotificationKind, input: NotificationData = data, lang: Language = 'fr') {
  const rendered = renderNotification(kind, input, lang).email;
  assert.ok(rendered, `${kind} is an email`);
  return rendered;
}

function sms(kind: NotificationKind, input: NotificationData = data, lang: Language = 'fr'): string {
  const rendered = renderNotification(kind, input, lang).sms;
  assert.ok(rendered, `${kind} is an SMS`);
  return rendered.text;
}

/** The attached invitation read by ical.js. */
function invite(kind: NotificationKind, input: NotificationData = data) {
  const attachment = email(kind, input).attachments?.[0];
  assert.ok(attachment, `${kind} carries an invitation`);
  const calendar = new ICAL.Component(ICAL.parse(attachment.content));
  const vevent = calendar.getFirstSubcomponent('vevent')!;
  return { attachment, calendar, vevent, event: new ICAL.Event(vevent) };
}

function parisClock(instant: Date): string {
  return instant.toLocaleString('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'short' });
}

/** WCAG contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16) / 255)
      .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

describe('every message, in French and in English', () => {
  for (const kind of notificationKinds) {
    for (const lang of languages) {
      it(`${kind} (${lang}) gives the appointment's Paris time, not UTC`, () => {
        const parts = visibleParts(kind, data, lang);
        // The no-show subject is the seed's own question, with no time in it.
        for (const part of kind === 'no_show' ? parts.slice(1) : parts) assert.ok(part.includes('09:00'), part);
        if (NOTIFICATION_CHANNEL[kind] === 'email') assert.ok(email(kind, data, lang).text.includes(parisDate[lang]));
        else assert.ok(sms(kind, data, lang).includes('14/04'));
      });

      it(`${kind} (${lang}) escapes a hostile practitioner name`, () => {
        const input = { ...data, appointment: { ...data.appointment, practitionerName: hostile } };
        const rendered = renderNotification(kind, input, lang);
        if (rendered.email) {
          assert.ok(!/<script|<img|onerror=alert\(1\)>/i.test(rendered.email.html));
          assert.ok(rendered.email.html.includes('Dr &#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; &#60;img'));
        } else {
          assert.ok(rendered.sms!.text.includes('Dr <script>'), 'an SMS is plain text: the name reads as typed');
        }
      });
    }
  }

  for (const kind of withLinks) {
    for (const lang of languages) {
      it(`${kind} (${lang}) links « Déplacer » and « Annuler » in its HTML and its text`, () => {
        const { html, text } = email(kind, data, lang);
        assert.ok(html.includes(`href="${links.moveUrl}"`) && html.includes(`href="${links.cancelUrl}"`));
        assert.ok(text.includes(links.moveUrl) && text.includes(links.cancelUrl));
      });
    }
  }

  for (const kind of ['reminder_sms_48h', 'reminder_sms_24h'] as const) {
    for (const lang of languages) {
      it(`${kind} (${lang}) carries the cancel link in at most 2 GSM-7 segments`, () => {
        const text = sms(kind, data, lang);
        assert.ok(text.includes(links.cancelUrl));
        const length = smsLength(text);
        assert.equal(length.encoding, 'gsm7');
        assert.ok(length.segments <= 2, `${length.units} septets, ${length.segments} segments`);
      });
    }
  }

  it('French and English catalogues have the same notification texts', () => {
    assert.deepEqual(Object.keys(catalogue.fr).sort(), Object.keys(catalogue.en).sort());
  });
});

describe('confirmation email (E1)', () => {
  it('names practitioner, specialty, place with address, reason, patient and practice phone in both parts', () => {
    const { text, html } = email('confirmation');
    const expected = ['Dr Jean Martin', 'Médecin généraliste', 'Cabinet du Parc, 12 rue de la Paix, 75002 Paris',
      'Renouvellement d’ordonnance', 'Léa Martin', '01 23 45 67 89', 'mardi 14 avril 2026 à 09:00 (heure de Paris)'];
    for (const value of expected) {
      assert.ok(text.includes(value), `text: ${value}`);
      assert.ok(html.includes(value), `html: ${value}`);
    }
  });

  it('attaches a REQUEST invitation that ical.js reads at 09:00–09:20 in Paris', () => {
    const { attachment, calendar, event } = invite('confirmation');
    assert.equal(attachment.filename, 'rendez-vous.ics');
    assert.equal(attachment.contentType, 'text/calendar; charset=utf-8; method=REQUEST');
    assert.equal(calendar.getFirstPropertyValue('method'), 'REQUEST');
    assert.equal(parisClock(event.startDate.toJSDate()), '14/04/2026 09:00');
    assert.equal(parisClock(event.endDate.toJSDate()), '14/04/2026 09:20');
    assert.equal(event.uid, `${data.appointment.id}@creneau`);
    assert.equal(event.sequence, 0);
    assert.equal(event.location, 'Cabinet du Parc, 12 rue de la Paix, 75002 Paris');
  });

  it('keeps the visit reason and the link tokens out of the calendar file', () => {
    const { attachment } = invite('confirmation');
    assert.ok(!attachment.content.includes('ordonnance'));
    assert.ok(!attachment.content.includes('jeton'));
  });

  it('an appointment in winter reads at its Paris time in the email and the invitation', () => {
    const winter = { ...data, appointment: { ...data.appointment,
      start: new Date('2026-01-20T16:45:00+01:00'), end: new Date('2026-01-20T17:15:00+01:00') } };
    assert.ok(email('confirmation', winter).text.includes('mardi 20 janvier 2026 à 16:45'));
    assert.equal(parisClock(invite('confirmation', winter).event.startDate.toJSDate()), '20/01/2026 16:45');
  });

  it('the English email has an English invitation file name', () => {
    assert.equal(email('confirmation', data, 'en').attachments?.[0]?.filename, 'appointment.ics');
  });

  it('without links (none could be made) it still gives the 4-hour rule and the practice phone', () => {
    const { text, html } = email('confirmation', { ...data, links: null });
    assert.ok(!html.includes('<a '));
    assert.ok(text.includes('4 heures') && text.includes('appelez le cabinet au 01 23 45 67 89'));
  });

  it('a link that is not http(s) is never made clickable', () => {
    const evil = { ...data, links: { moveUrl: 'javascript:alert(1)', cancelUrl: links.cancelUrl } };
    const { html, text } = email('confirmation', evil);
    assert.ok(!html.includes('javascript:') && !text.includes('javascript:'));
    assert.ok(html.includes(`href="${links.cancelUrl}"`));
  });

  it('a line break typed in a name cannot reach the subject', () => {
    const input = { ...data, appointment: { ...data.appointment, practitionerName: 'Dr Martin\r\nBcc: x@evil.example' } };
    assert.ok(!/[\r\n]/.test(email('confirmation', input).subject));
  });

  it('tells a relative with its own email why it receives the message', () => {
    assert.ok(email('confirmation', { ...data, recipientRole: 'relative' }).text.includes('pris pour vous'));
    assert.ok(email('confirmation').text.includes('depuis votre compte'));
  });
});

describe('email HTML is accessible and free of tracking', () => {
  for (const kind of notificationKinds.filter((k) => NOTIFICATION_CHANNEL[k] === 'email')) {
    for (const lang of languages) {
      it(`${kind} (${lang}): lang attribute, one h1, no image, no external resource`, () => {
        const { html } = email(kind, data, lang);
        assert.match(html, new RegExp(`^<!doctype html>\\n<html lang="${lang}"`));
        assert.equal(html.match(/<h1[\s>]/g)?.length, 1);
        assert.ok((html.match(/<h2[\s>]/g)?.length ?? 0) >= 1);
        assert.doesNotMatch(html, /<img|<link|<script|<iframe|<object|\ssrc=|url\(|@import|background=/i);
        const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((match) => match[1]);
        for (const href of hrefs) assert.ok(href === links.moveUrl || href === links.cancelUrl, `unexpected link ${href}`);
      });
    }
  }

  it('every colour has a contrast of at least 7:1 on the white background', () => {
    for (const colour of [EMAIL_COLOURS.text, EMAIL_COLOURS.heading, EMAIL_COLOURS.link, EMAIL_COLOURS.muted]) {
      assert.ok(contrast(colour, EMAIL_COLOURS.background) >= 7, `${colour}: ${contrast(colour, EMAIL_COLOURS.background).toFixed(2)}`);
    }
  });

  it('uses only the layout’s colours', () => {
    const used = new Set([...email('confirmation').html.matchAll(/#[0-9a-f]{6}/gi)].map((match) => match[0].toLowerCase()));
    for (const colour of used) assert.ok(Object.values(EMAIL_COLOURS).includes(colour as never), colour);
  });
});

describe('reminder emails (E2)', () => {
  it('the 7-day and 24 h reminders remind the time, the place and the links, without an invitation', () => {
    for (const kind of ['reminder_7d', 'reminder_24h'] as const) {
      const reminder = email(kind);
      assert.ok(reminder.subject.startsWith('Rappel : rendez-vous le mardi 14 avril 2026 à 09:00'));
      assert.ok(reminder.text.includes('12 rue de la Paix'));
      assert.equal(reminder.attachments, undefined);
    }
  });
});

describe('moved email (D2)', () => {
  const moved = { ...data, sequence: 2, calendarId: '11111111-2222-4333-8444-555555555555',
    previousStart: new Date('2026-04-10T14:30:00+02:00') };

  it('gives the new time and the time it replaces', () => {
    const { text, subject } = email('moved', moved);
    assert.ok(subject.includes('mardi 14 avril 2026 à 09:00'));
    assert.ok(text.includes('vendredi 10 avril 2026 à 14:30'));
  });

  it('updates the same calendar event: REQUEST, UID of the first appointment, the caller’s sequence', () => {
    const { calendar, event } = invite('moved', moved);
    assert.equal(calendar.getFirstPropertyValue('method'), 'REQUEST');
    assert.equal(event.uid, '11111111-2222-4333-8444-555555555555@creneau');
    assert.equal(event.sequence, 2);
    assert.equal(parisClock(event.startDate.toJSDate()), '14/04/2026 09:00');
  });
});

describe('cancelled email (D3)', () => {
  it('removes the event (METHOD:CANCEL, STATUS:CANCELLED, same UID) and offers no links', () => {
    const cancelled = email('cancelled', { ...data, sequence: 1 });
    const { calendar, vevent, event } = invite('cancelled', { ...data, sequence: 1 });
    assert.equal(calendar.getFirstPropertyValue('method'), 'CANCEL');
    assert.equal(vevent.getFirstPropertyValue('status'), 'CANCELLED');
    assert.equal(event.uid, `${data.appointment.id}@creneau`);
    assert.equal(event.sequence, 1);
    assert.ok(!cancelled.html.includes('<a ') && !cancelled.text.includes(links.cancelUrl));
  });
});

describe('no-show email (D5)', () => {
  it('is titled « Vous avez manqué votre dernier rendez-vous ? » and explains the third blocks online booking', () => {
    const noShow = email('no_show', { ...data, links: null });
    assert.equal(noShow.subject, 'Vous avez manqué votre dernier rendez-vous ?');
    assert.ok(noShow.text.includes('trois absences non excusées'));
    assert.ok(noShow.text.includes('préventif'));
  });

  it('with the count known: « 2 sur 3 » after the second, « bloquée » after the third', () => {
    assert.ok(email('no_show', { ...data, noShowCount: 2 }).text.includes('2 sur 3'));
    const third = email('no_show', { ...data, noShowCount: 3 }).text;
    assert.ok(third.includes('désormais bloquée') && !third.includes('3 sur 3'));
  });

  it('has no invitation and no links', () => {
    const noShow = email('no_show');
    assert.equal(noShow.attachments, undefined);
    assert.ok(!noShow.html.includes('<a '));
  });
});

describe('reminder SMS (E3, D4)', () => {
  it('names the patient when the holder receives it for a relative, not when the relative receives it', () => {
    assert.ok(sms('reminder_sms_24h').startsWith('Rappel : RDV de Léa Martin avec Dr Jean Martin le mar. 14/04 à 09:00.'));
    assert.ok(sms('reminder_sms_24h', { ...data, recipientRole: 'relative' }).startsWith('Rappel : RDV avec Dr Jean Martin'));
  });

  it('gives the place and the practice phone, never the visit reason', () => {
    const text = sms('reminder_sms_48h');
    assert.ok(text.includes('12 rue de la Paix, 75002 Paris') && text.includes('01 23 45 67 89'));
    assert.ok(!text.includes('ordonnance'));
  });

  it('stays in GSM-7 with a name and an address outside it (ç, ô, curly apostrophe)', () => {
    const input = { ...data, appointment: { ...data.appointment, practitionerName: 'Dr François Côté',
      address: '3 rue de l’Hôtel-de-Ville' } };
    const text = sms('reminder_sms_24h', input);
    assert.ok(text.includes("Dr Francois Coté") && text.includes("3 rue de l'Hotel-de-Ville"));
    assert.equal(smsLength(text).encoding, 'gsm7');
  });

  it('adds the move link too when the links are short enough for two segments', () => {
    const short = { moveUrl: 'https://c.fr/d', cancelUrl: 'https://c.fr/a' };
    const text = sms('reminder_sms_24h', { ...data, links: short });
    assert.ok(text.includes('Déplacer : https://c.fr/d') && text.includes('Annuler : https://c.fr/a'));
  });

  it('with a long address, drops the optional parts before the cancel link', () => {
    const input = { ...data, appointment: { ...data.appointment, address: `Bâtiment B, ${'très longue allée '.repeat(8)}` } };
    const text = sms('reminder_sms_24h', input);
    assert.ok(text.includes(links.cancelUrl) && !text.includes('allée'));
    assert.ok(smsLength(text).segments <= 2);
  });

  it('a name in another script makes it UCS-2, yet the cancel link is always there', () => {
    const input = { ...data, appointment: { ...data.appointment, practitionerName: 'Dr 王芳' } };
    const text = sms('reminder_sms_24h', input);
    assert.equal(smsLength(text).encoding, 'ucs2');
    assert.ok(text.includes(links.cancelUrl));
  });

  it('is written in English for an English-speaking recipient', () => {
    const text = sms('reminder_sms_48h', data, 'en');
    assert.ok(text.startsWith('Reminder: appointment of Léa Martin with Dr Jean Martin on Tue 14/04 at 09:00.'));
    assert.ok(text.includes(`Cancel: ${links.cancelUrl}`));
  });
});
