import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { smsLength, toGsmFriendly } from './sms.ts';

describe('smsLength', () => {
  it('160 GSM characters are one segment, 161 are two (153 each)', () => {
    assert.deepEqual(smsLength('a'.repeat(160)), { encoding: 'gsm7', units: 160, segments: 1 });
    assert.deepEqual(smsLength('a'.repeat(161)), { encoding: 'gsm7', units: 161, segments: 2 });
    assert.deepEqual(smsLength('a'.repeat(306)), { encoding: 'gsm7', units: 306, segments: 2 });
    assert.deepEqual(smsLength('a'.repeat(307)), { encoding: 'gsm7', units: 307, segments: 3 });
  });

  it('é, è, à and ù keep a French text in GSM-7', () => {
    assert.equal(smsLength('Déplacer le RDV à 9h, où ? Très bien.').encoding, 'gsm7');
  });

  it('the euro sign and brackets count two septets (extension table)', () => {
    assert.deepEqual(smsLength('25 €'), { encoding: 'gsm7', units: 5, segments: 1 });
    assert.equal(smsLength('[a]').units, 5);
  });

  it('one ç, ê or curly apostrophe switches the whole text to UCS-2: 70 per segment, 67 when split', () => {
    assert.equal(smsLength('Rappel : RDV à l’hôpital').encoding, 'ucs2');
    assert.deepEqual(smsLength(`ç${'a'.repeat(69)}`), { encoding: 'ucs2', units: 70, segments: 1 });
    assert.deepEqual(smsLength(`ç${'a'.repeat(70)}`), { encoding: 'ucs2', units: 71, segments: 2 });
    assert.deepEqual(smsLength(`ç${'a'.repeat(134)}`), { encoding: 'ucs2', units: 135, segments: 3 });
  });
});

describe('toGsmFriendly', () => {
  it('writes French letters outside GSM-7 plainly and keeps those inside', () => {
    assert.equal(toGsmFriendly('François Lefèvre-Château, Noël, Œuvre, cœur, éàùè'), 'Francois Lefèvre-Chateau, Noel, OEuvre, coeur, éàùè');
  });

  it('writes typographic quotes, dashes and non-breaking spaces plainly', () => {
    assert.equal(toGsmFriendly('« l’hôpital » — 9\u00A0h\u202F00…'), '" l\'hopital " - 9 h 00...');
  });

  it('turns a French reminder into a GSM-7 text', () => {
    const text = toGsmFriendly('Rappel : RDV avec Dr Hélène Brûlé, 3 bd Saint-Michel, 75005 Paris — Annuler : https://x.fr/a#jeton=Ab_-');
    assert.equal(smsLength(text).encoding, 'gsm7');
  });

  it('keeps characters of other scripts, which then make the text UCS-2', () => {
    const text = toGsmFriendly('Dr 王芳');
    assert.equal(text, 'Dr 王芳');
    assert.equal(smsLength(text).encoding, 'ucs2');
  });
});
