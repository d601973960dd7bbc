import { test } from 'node:test';
import assert from 'node:assert/strict';
import { holidayAreaOf, publicHolidays } from './public-holidays.ts';

const days = (year: number, area: Parameters<typeof publicHolidays>[1]) => publicHolidays(year, area).map((h) => h.day);

test('Easter Monday 2026 is 6 April, Ascension 14 May and Whit Monday 25 May', () => {
  const holidays = days(2026, 'metropole');
  for (const day of ['2026-04-06', '2026-05-14', '2026-05-25']) assert.ok(holidays.includes(day), day);
});

test('metropolitan France has eleven public holidays, among them 14 July and 25 December', () => {
  const holidays = days(2027, 'metropole');
  assert.equal(holidays.length, 11);
  assert.ok(holidays.includes('2027-07-14') && holidays.includes('2027-12-25'));
});

test('Alsace-Moselle adds Good Friday and 26 December', () => {
  const metropole = new Set(days(2026, 'metropole'));
  const extras = days(2026, 'alsace-moselle').filter((day) => !metropole.has(day));
  assert.deepEqual(extras, ['2026-04-03', '2026-12-26']);
});

test('Moselle, Bas-Rhin and Haut-Rhin follow the Alsace-Moselle calendar; Meurthe-et-Moselle and Paris do not', () => {
  assert.deepEqual(['57', '67', '68', '54', '75'].map(holidayAreaOf), ['alsace-moselle', 'alsace-moselle', 'alsace-moselle', 'metropole', 'metropole']);
});

test('La Réunion also closes on 20 December, the abolition of slavery', () => {
  assert.equal(holidayAreaOf('974'), 'la-reunion');
  assert.ok(days(2026, 'la-reunion').includes('2026-12-20'));
  assert.ok(!days(2026, 'metropole').includes('2026-12-20'));
});

test('Easter Monday is right when Easter Sunday falls on the spring clock change (2024)', () => {
  assert.ok(days(2024, 'metropole').includes('2024-04-01'));
});

test('holidays come in calendar order', () => {
  const holidays = days(2030, 'alsace-moselle');
  assert.deepEqual(holidays, [...holidays].sort());
});

test('two feasts on one day make one closed day named after both (Ascension and abolition day, Martinique 2031)', () => {
  const sameDay = publicHolidays(2031, 'martinique').filter((h) => h.day === '2031-05-22');
  assert.deepEqual(sameDay, [{ day: '2031-05-22', name: "Ascension / Abolition de l'esclavage" }]);
});
