import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePhone, maskPhone, maskEmail, displayPhone } from './phone.ts';

/** The accepted reading of `input`, failing the test with the refusal reason otherwise. */
function accepted(input: string) {
  const result = parsePhone(input);
  assert.ok(result.ok, `${input} was refused: ${JSON.stringify(result)}`);
  return result;
}

test('a French mobile typed with spaces, dots, dashes or glued is the same +33 number', () => {
  for (const typed of ['06 12 34 56 78', '06.12.34.56.78', '06-12-34-56-78', '0612345678', ' 06 12 34 56 78 ']) {
    assert.equal(accepted(typed).e164, '+33612345678', typed);
  }
});

test('a French mobile typed in +33 form, with or without (0), is the same number', () => {
  for (const typed of ['+33 6 12 34 56 78', '+33612345678', '+33 (0)6 12 34 56 78', '+33 (0) 6 12 34 56 78']) {
    assert.equal(accepted(typed).e164, '+33612345678', typed);
  }
});

test('a French mobile is shown in French national format and gets an SMS', () => {
  const phone = accepted('+33612345678');
  assert.equal(phone.display, '06 12 34 56 78');
  assert.equal(phone.kind, 'mobile');
  assert.equal(phone.country, 'FR');
});

test('a 07 mobile is a mobile', () => {
  assert.equal(accepted('07 56 12 34 56').kind, 'mobile');
});

test('a landline gets a voice call', () => {
  const phone = accepted('01 42 34 56 78');
  assert.equal(phone.kind, 'landline');
  assert.equal(phone.e164, '+33142345678');
  assert.equal(phone.display, '01 42 34 56 78');
});

test('refuses 0033 6… and advises +33', () => {
  assert.deepEqual(parsePhone('0033 6 12 34 56 78'), { ok: false, reason: 'international_prefix_00' });
  assert.deepEqual(parsePhone('0033612345678'), { ok: false, reason: 'international_prefix_00' });
});

test('refuses a foreign number typed with 00 (0044…)', () => {
  assert.deepEqual(parsePhone('0044 7911 123456'), { ok: false, reason: 'international_prefix_00' });
});

test('a Réunion mobile typed 0692… is +262 and mobile', () => {
  const phone = accepted('0692 12 34 56');
  assert.equal(phone.e164, '+262692123456');
  assert.equal(phone.kind, 'mobile');
  assert.equal(phone.country, 'RE');
  assert.equal(phone.display, '+262 692 12 34 56');
});

test('a Réunion mobile typed +33 692… (a common slip) is read as +262', () => {
  assert.equal(accepted('+33 6 92 12 34 56').e164, '+262692123456');
});

test('a Réunion landline typed 0262… is +262 and a landline', () => {
  const phone = accepted('0262 21 12 34');
  assert.equal(phone.e164, '+262262211234');
  assert.equal(phone.kind, 'landline');
});

test('a Mayotte mobile typed 0639… is +262 in Mayotte', () => {
  const phone = accepted('0639 01 23 45');
  assert.equal(phone.e164, '+262639012345');
  assert.equal(phone.country, 'YT');
  assert.equal(phone.kind, 'mobile');
});

test('Guadeloupe, Martinique and Guyane mobiles typed nationally get their own country codes', () => {
  assert.equal(accepted('0690 12 34 56').e164, '+590690123456');
  assert.equal(accepted('0696 12 34 56').e164, '+596696123456');
  assert.equal(accepted('0694 12 34 56').e164, '+594694123456');
});

test('a Guadeloupe landline typed 0590… is +590 and a landline', () => {
  const phone = accepted('0590 27 12 34');
  assert.equal(phone.e164, '+590590271234');
  assert.equal(phone.kind, 'landline');
});

test('a British mobile in + form is accepted and shown in international format', () => {
  const phone = accepted('+44 7911 123456');
  assert.equal(phone.e164, '+447911123456');
  assert.equal(phone.kind, 'mobile');
  assert.equal(phone.display, '+44 7911 123456');
});

test('Belgian and Swiss mobiles in + form are mobiles', () => {
  assert.equal(accepted('+32 470 12 34 56').kind, 'mobile');
  assert.equal(accepted('+41 79 123 45 67').kind, 'mobile');
});

test('a North American number, which may be mobile or fixed, is treated as mobile', () => {
  const phone = accepted('+1 212 555 0123');
  assert.equal(phone.kind, 'mobile');
  assert.equal(phone.country, 'US');
});

test('a 09 VoIP number cannot receive a code', () => {
  assert.deepEqual(parsePhone('09 12 34 56 78'), { ok: false, reason: 'not_callable' });
});

test('premium-rate and toll-free numbers cannot receive a code', () => {
  assert.deepEqual(parsePhone('0899 12 34 56'), { ok: false, reason: 'not_callable' });
  assert.deepEqual(parsePhone('0800 12 34 56'), { ok: false, reason: 'not_callable' });
  assert.deepEqual(parsePhone('+1 800 555 0199'), { ok: false, reason: 'not_callable' });
});

test('an unallocated or too short number is invalid', () => {
  for (const typed of ['07 12 34 56 78', '06 12 34 56', '06 12 34 56 78 90', '+44 123', '+', '']) {
    assert.deepEqual(parsePhone(typed), { ok: false, reason: 'invalid' }, typed);
  }
});

test('a number inside text or with letters is invalid, not extracted', () => {
  assert.deepEqual(parsePhone('call 06 12 34 56 78'), { ok: false, reason: 'invalid' });
  assert.deepEqual(parsePhone('06 12 34 56 7O'), { ok: false, reason: 'invalid' });
});

test('a plus sign in the middle is invalid', () => {
  assert.deepEqual(parsePhone('06+12345678'), { ok: false, reason: 'invalid' });
});

test('a very long input is refused as invalid', () => {
  assert.deepEqual(parsePhone('0'.repeat(10_000)), { ok: false, reason: 'invalid' });
  assert.deepEqual(parsePhone(`06 12 34 56 78${' '.repeat(50)}9`), { ok: false, reason: 'invalid' });
});

test('a French number is masked keeping its first 2 and last 2 digits', () => {
  assert.equal(maskPhone('+33612345678'), '06 •• •• •• 78');
  assert.equal(maskPhone('+33142345678'), '01 •• •• •• 78');
});

test('a foreign number is masked after its country code, keeping first 2 and last 2 digits', () => {
  assert.equal(maskPhone('+447911123456'), '+44 79•• ••••56');
  assert.equal(maskPhone('+262692123456'), '+262 69• •• •• 56');
});

test('displayPhone shows a stored number as parsePhone displayed it', () => {
  assert.equal(displayPhone('+33612345678'), '06 12 34 56 78');
  assert.equal(displayPhone('+447911123456'), '+44 7911 123456');
});

test('an email is masked keeping its first letter and domain', () => {
  assert.equal(maskEmail('jean.dupont@example.fr'), 'j•••@example.fr');
  assert.equal(maskEmail('a@b.fr'), 'a•••@b.fr');
});

test('an email without local part is fully masked', () => {
  assert.equal(maskEmail('@example.fr'), '•••');
  assert.equal(maskEmail('nonsense'), '•••');
});
