import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import PostalMime from 'postal-mime';
import { composeMime, type MimeMessage } from './mime.ts';

const invitation = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nSUMMARY:Rendez-vous – Dr Hélène Dupont\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';
const message: MimeMessage = {
  from: 'Créneau <rdv@creneau.example>',
  to: 'camille.martin@example.fr',
  subject: 'Votre rendez-vous du mardi 3 mars 2026 à 09:00 avec Dr Hélène Dupont-Lefèvre est confirmé — Créneau',
  text: `Bonjour Camille,\n\nvotre rendez-vous est confirmé : « Consultation », 3 rue de la Paix, 44000 Nantes.\n${'Ligne de texte accentuée : é è à ç ô ü.\n'.repeat(40)}`,
  html: `<p>Bonjour Camille,</p><p>votre rendez-vous est <strong>confirmé</strong>.</p>${'<p>é è à ç ô ü — 😀</p>'.repeat(40)}`,
  messageId: '<4f1c:confirmation:holder:email:v0@creneau.example>',
  date: new Date('2026-03-02T06:03:00Z'),
  headers: { 'X-Creneau-Kind': 'confirmation' },
  attachments: [{ filename: 'rendez-vous.ics', contentType: 'text/calendar; method=REQUEST; charset=utf-8', content: invitation }],
};

describe('delivery: MIME messages built directly', () => {
  it('reads back, with an independent parser, exactly what was given: headers, accents, both parts and the invitation', async () => {
    const raw = composeMime(message);
    assert.ok(raw);
    const email = await PostalMime.parse(raw);
    assert.equal(email.subject, message.subject);
    assert.deepEqual(email.from, { name: 'Créneau', address: 'rdv@creneau.example' });
    assert.deepEqual(email.to, [{ name: '', address: 'camille.martin@example.fr' }]);
    assert.equal(email.messageId, message.messageId);
    assert.equal(new Date(email.date!).toISOString(), '2026-03-02T06:03:00.000Z');
    assert.equal(email.text, message.text);
    assert.equal(email.html, message.html);
    assert.equal(email.headers.find((header) => header.key === 'x-creneau-kind')?.value, 'confirmation');
    assert.equal(email.attachments.length, 1);
    const [file] = email.attachments;
    assert.equal(file?.filename, 'rendez-vous.ics');
    assert.equal(file?.mimeType, 'text/calendar');
    // The invitation's bytes, CRLF included (RFC 5545), read from its base64 part.
    const calendarPart = /name="rendez-vous\.ics"\r\nContent-Transfer-Encoding: base64\r\n[^\r]*\r\n[^\r]*\r\n\r\n([A-Za-z0-9+/=\r\n]+?)\r\n--/.exec(raw.toString('utf8'));
    assert.equal(Buffer.from(calendarPart?.[1] ?? '', 'base64').toString('utf8'), invitation);
  });

  it('keeps every line within the 78 characters of RFC 5322, headers folded and bodies wrapped', () => {
    const lines = composeMime(message)!.toString('utf8').split('\r\n');
    assert.deepEqual(lines.filter((line) => line.length > 78), []);
    assert.ok(!/[^\x00-\x7f]/.test(lines.join('')), 'only ASCII travels: everything else is encoded');
  });

  it('sends a short ASCII subject and a message without files as they are, with a fresh id on the sender’s domain', async () => {
    const raw = composeMime({ ...message, subject: 'Votre code', attachments: [], messageId: undefined })!;
    assert.match(raw.toString('utf8'), /^Subject: Votre code\r$/m);
    const email = await PostalMime.parse(raw);
    assert.equal(email.attachments.length, 0);
    assert.match(email.messageId ?? '', /^<[0-9a-f]{24}@creneau\.example>$/);
    assert.equal(email.html, message.html);
  });

  it('leaves to the general composer what it does not write: non-ASCII addresses or file names', () => {
    assert.equal(composeMime({ ...message, to: 'élodie.lefèvre@example.fr' }), null);
    assert.equal(composeMime({ ...message, from: 'Créneau <rdv@créneau.example>' }), null);
    assert.equal(composeMime({ ...message, attachments: [{ ...message.attachments[0]!, filename: 'rendez-vous-été.ics' }] }), null);
    assert.equal(composeMime({ ...message, headers: { 'X-Creneau-Kind': 'rappel été' } }), null);
  });
});
