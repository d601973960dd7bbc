import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dictionary } from '@zxcvbn-ts/language-common';
import { checkPassword, isCommonPassword, normalisePassword, passwordProblems, passwordProblemKeys } from './password.ts';
import { frenchCommonPasswords } from './french-common-passwords.ts';
import { translate } from '../../../platform/i18n/catalogue.ts';

const jean = { email: 'jean.dupont@example.fr', firstName: 'Jean', lastName: 'Dupont', birthDate: '1985-03-14' };

test('a strong password is accepted', () => {
  assert.deepEqual(checkPassword('Horloge#Jaune42', jean), []);
});

test('a strong password is accepted when nothing is known about the person', () => {
  assert.deepEqual(checkPassword('Girafe!Velo92', {}), []);
});

test('a 7-character password is too short, 8 is enough', () => {
  assert.deepEqual(checkPassword('Hx7#kq2', {}), ['too_short']);
  assert.deepEqual(checkPassword('Hx7#kq2w', {}), []);
});

test('a password over 128 characters is refused as too long', () => {
  assert.deepEqual(checkPassword(`Aa1!${'x'.repeat(125)}`, {}), ['too_long']);
  assert.deepEqual(checkPassword(`Aa1!${'x'.repeat(124)}`, {}), []);
});

test('length counts characters, not UTF-16 units', () => {
  assert.deepEqual(checkPassword('Hx7#kq2😀', {}), []);
});

test('each missing kind of character is named', () => {
  assert.deepEqual(checkPassword('HORLOGE#JAUNE42', {}), ['no_lowercase']);
  assert.deepEqual(checkPassword('horloge#jaune42', {}), ['no_uppercase']);
  assert.deepEqual(checkPassword('Horloge#Jaune', {}), ['no_digit']);
  assert.deepEqual(checkPassword('HorlogeJaune42', {}), ['no_special']);
});

test('accented letters count as lower and upper case letters', () => {
  assert.deepEqual(checkPassword('ÉTÉ#HORLOGE42é', {}), []);
});

test('a space counts as a special character', () => {
  assert.deepEqual(checkPassword('Horloge Jaune42', {}), []);
});

test('problems come in the order a person should fix them', () => {
  assert.deepEqual(checkPassword('abc', {}), ['too_short', 'no_uppercase', 'no_digit', 'no_special']);
});

test('Azerty123! is refused as common', () => {
  assert.deepEqual(checkPassword('Azerty123!', {}), ['common']);
});

test('P@ssw0rd1! is refused as common (leetspeak undone, trailing digits stripped)', () => {
  assert.deepEqual(checkPassword('P@ssw0rd1!', {}), ['common']);
});

test('Soleil2024! is refused as common (a word with a year)', () => {
  assert.deepEqual(checkPassword('Soleil2024!', {}), ['common']);
});

test('digits and symbols put before a common word do not hide it', () => {
  assert.deepEqual(checkPassword('2024!Soleil', {}), ['common']);
});

test('leetspeak with 1 for l or for i is undone', () => {
  assert.equal(isCommonPassword('Sole1l#2024'), true);
  assert.equal(isCommonPassword('Nico1as#2024'), true);
});

test('@ at the start of a common word is read as a', () => {
  assert.equal(isCommonPassword('@zerty123!'), true);
});

test('a common word with accents is common without them', () => {
  assert.equal(isCommonPassword('Bébé2024!'), true);
});

test('French common passwords missing from the English list are refused', () => {
  assert.deepEqual(checkPassword('Doudou13!', {}), ['common']);
  assert.deepEqual(checkPassword('Motdepasse1!', {}), ['common']);
});

test('the French additions are not already in the common list', () => {
  const english = new Set(dictionary['passwords-common'].map((entry) => String(entry).toLowerCase()));
  assert.deepEqual(frenchCommonPasswords.filter((word) => english.has(word)), []);
});

test('a common word inside a longer unusual password is not refused', () => {
  assert.equal(isCommonPassword('Soleil#Girafe42'), false);
});

test('a very short core left after stripping is not called common', () => {
  assert.equal(isCommonPassword('Ab!12345678'), false);
});

test('Dupont1985! is refused for Jean Dupont born 1985-03-14', () => {
  assert.ok(checkPassword('Dupont1985!', jean).includes('contains_personal'));
});

test('a name and birth year are fine in the password of someone else', () => {
  assert.deepEqual(checkPassword('Jean#Tulipe1985', { firstName: 'Marie', lastName: 'Curie', birthDate: '1967-11-07' }), []);
});

test('the birth year alone is refused', () => {
  assert.deepEqual(checkPassword('Jean#Tulipe1985', { firstName: 'Marie', birthDate: '1985-11-07' }), ['contains_personal']);
});

test('the first name is found whatever its case or accents', () => {
  const helene = { firstName: 'Hélène', lastName: 'Martin' };
  assert.deepEqual(checkPassword('HELENE#girafe42', helene), ['contains_personal']);
  assert.deepEqual(checkPassword('Hélène#girafe42', helene), ['contains_personal']);
});

test('a part of a compound first name is found', () => {
  assert.deepEqual(checkPassword('Pierre#Girafe42', { firstName: 'Jean-Pierre' }), ['contains_personal']);
});

test('a name written in leetspeak is still found', () => {
  assert.deepEqual(checkPassword('Dup0nt#Girafe42', jean), ['contains_personal']);
});

test('names shorter than 3 letters are not looked for', () => {
  assert.deepEqual(checkPassword('Lierre#Girafe42', { lastName: 'Li' }), []);
});

test('the email local part, or a piece of it, is refused in the password', () => {
  assert.deepEqual(checkPassword('Xq#jdupont42', { email: 'jdupont@example.fr' }), ['contains_personal']);
  assert.deepEqual(checkPassword('Xq#Dupont42z', { email: 'jean.dupont@example.fr' }), ['contains_personal']);
});

test('a short email local part is not looked for', () => {
  assert.deepEqual(checkPassword('Horloge#Jd42', { email: 'jd@example.fr' }), []);
});

test('the birth date is refused in its usual written forms', () => {
  for (const password of ['Tulipe#140385', 'Tulipe#19850314', 'Tulipe#14031985', 'Tulipe#14/03/1985', 'Tulipe#14.03.85', 'Tulipe#850314', 'Tulipe#1985x']) {
    assert.deepEqual(checkPassword(password, { birthDate: '1985-03-14' }), ['contains_personal'], password);
  }
});

test('another date in the password is fine', () => {
  assert.deepEqual(checkPassword('Tulipe#140386', { birthDate: '1985-03-14' }), []);
});

test('a password can be both common and personal', () => {
  assert.deepEqual(checkPassword('Nicolas1985!', { firstName: 'Nicolas', birthDate: '1985-03-14' }), ['common', 'contains_personal']);
});

test('a composed and a decomposed é normalise to the same password', () => {
  assert.equal(normalisePassword('Caf\u0065\u0301#Noir42'), normalisePassword('Caf\u00e9#Noir42'));
});

test('every problem has a French and an English sentence', () => {
  for (const problem of passwordProblems) {
    const key = passwordProblemKeys[problem];
    assert.notEqual(translate('fr', key), key, problem);
    assert.notEqual(translate('en', key), translate('fr', key), problem);
  }
});

test('the special-character sentence gives examples', () => {
  assert.equal(translate('fr', passwordProblemKeys.no_special), 'Ajoutez au moins un caractère spécial (par exemple ! ? # %).');
});
