import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parisToday, ageOn, isMinor, validateBirthDate, isCalendarDate, normaliseEmail, normaliseName } from './people.ts';

test('late evening UTC is already tomorrow in Paris', () => {
  assert.equal(parisToday(new Date('2025-06-30T22:30:00Z')), '2025-07-01');
  assert.equal(parisToday(new Date('2025-12-31T23:30:00Z')), '2026-01-01');
});

test('just before Paris midnight it is still today', () => {
  assert.equal(parisToday(new Date('2025-06-30T21:59:59Z')), '2025-06-30');
  assert.equal(parisToday(new Date('2025-01-15T22:59:59Z')), '2025-01-15');
});

test('someone turns a year older on their birthday, not the day before', () => {
  assert.equal(ageOn('1985-03-14', '2025-03-13'), 39);
  assert.equal(ageOn('1985-03-14', '2025-03-14'), 40);
});

test('someone born on 29 February turns a year older on 1 March in a common year', () => {
  assert.equal(ageOn('2008-02-29', '2026-02-28'), 17);
  assert.equal(ageOn('2008-02-29', '2026-03-01'), 18);
});

test('someone born on 29 February turns a year older on 29 February in a leap year', () => {
  assert.equal(ageOn('2008-02-29', '2028-02-28'), 19);
  assert.equal(ageOn('2008-02-29', '2028-02-29'), 20);
});

test('a child is a minor until the day of their 18th birthday', () => {
  assert.equal(isMinor('2007-09-01', '2025-08-31'), true);
  assert.equal(isMinor('2007-09-01', '2025-09-01'), false);
});

test('a baby born today is a plausible birth date', () => {
  assert.equal(validateBirthDate('2025-03-14', '2025-03-14'), null);
});

test('a birth date tomorrow is refused as in the future', () => {
  assert.equal(validateBirthDate('2025-03-15', '2025-03-14'), 'future');
});

test('someone exactly 120 years old is accepted, 121 is refused as too old', () => {
  assert.equal(validateBirthDate('1905-03-14', '2025-03-14'), null);
  assert.equal(validateBirthDate('1904-03-14', '2025-03-14'), 'too_old');
});

test('30 February or a malformed date is refused as invalid', () => {
  for (const typed of ['1985-02-30', '1985-13-01', '14/03/1985', '1985-3-14', '']) {
    assert.equal(validateBirthDate(typed, '2025-03-14'), 'invalid', typed);
  }
});

test('29 February exists only in leap years', () => {
  assert.equal(isCalendarDate('2024-02-29'), true);
  assert.equal(isCalendarDate('2025-02-29'), false);
  assert.equal(isCalendarDate('1900-02-29'), false);
  assert.equal(isCalendarDate('2000-02-29'), true);
});

test('an email typed with capitals and spaces is stored in lower case, trimmed', () => {
  assert.equal(normaliseEmail('  Jean.Dupont@Example.FR '), 'jean.dupont@example.fr');
});

test('a name typed with extra spaces is tidied', () => {
  assert.equal(normaliseName('  Jean   Pierre\t Dupont '), 'Jean Pierre Dupont');
});

test('a name with a decomposed accent is stored composed', () => {
  assert.equal(normaliseName('He\u0301le\u0300ne'), 'Hélène');
});

test('a name longer than 100 characters is cut to 100', () => {
  assert.equal(Array.from(normaliseName('é'.repeat(150))).length, 100);
});
