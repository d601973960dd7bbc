import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isMessageKey, translate } from '../../../platform/i18n/catalogue.ts';
import {
  checkBookingRules, refusalMessage, sameIdentity, isMoreThanYearsBefore,
  type BookingRuleInput, type BookingRefusal, type PracticeFile,
} from './rules.ts';

const alice = { firstName: 'Alice', lastName: 'Martin', birthDate: '1990-06-15' };

/** A booking nothing refuses: an open reason, a new patient, a slot at 10:00 Paris on 10 June 2026. */
function booking(overrides: Partial<BookingRuleInput> = {}): BookingRuleInput {
  return {
    reason: {
      onlineBookable: true, newPatients: true, minAgeYears: null, maxAgeYears: null,
      referralRequired: false, hasInstructions: false,
    },
    file: null,
    noShowsWithPractitioner: 0,
    patient: alice,
    referringPractitionerId: null,
    instructionsAccepted: false,
    slotStart: new Date('2026-06-10T08:00:00Z'),
    ...overrides,
  };
}

function reason(overrides: Partial<BookingRuleInput['reason']>): BookingRuleInput['reason'] {
  return { ...booking().reason, ...overrides };
}

function knownFile(overrides: Partial<PracticeFile> = {}): PracticeFile {
  return { blocked: false, lastVisitOn: '2025-01-20', identity: alice, ...overrides };
}

function kindOf(input: BookingRuleInput): string | null {
  return checkBookingRules(input)?.kind ?? null;
}

test('a new patient booking an open reason is accepted', () => {
  assert.equal(checkBookingRules(booking()), null);
});

test('a patient blocked by the practice is refused even with no no-show', () => {
  assert.equal(kindOf(booking({ file: knownFile({ blocked: true }) })), 'blocked_by_practice');
});

test('the third declared no-show with the practitioner blocks online booking, two do not', () => {
  assert.equal(kindOf(booking({ noShowsWithPractitioner: 2 })), null);
  assert.deepEqual(checkBookingRules(booking({ noShowsWithPractitioner: 3 })), { kind: 'blocked_no_shows', noShows: 3 });
});

test('a blocked patient hears about the block before any other refusal', () => {
  const everythingWrong = booking({
    file: knownFile({ blocked: true }),
    reason: reason({ onlineBookable: false, newPatients: false, minAgeYears: 99, referralRequired: true, hasInstructions: true }),
  });
  assert.equal(kindOf(everythingWrong), 'blocked_by_practice');
});

test('a reason the practice does not offer online is refused', () => {
  assert.equal(kindOf(booking({ reason: reason({ onlineBookable: false }) })), 'not_bookable_online');
});

test('a reason reserved to known patients refuses a patient the practice has no file on', () => {
  assert.equal(kindOf(booking({ reason: reason({ newPatients: false }) })), 'new_patients_not_accepted');
});

test('a known patient books a reason reserved to known patients', () => {
  assert.equal(kindOf(booking({ reason: reason({ newPatients: false }), file: knownFile() })), null);
});

test('a known patient whose birth date differs from the practice file is refused as an identity mismatch', () => {
  const file = knownFile({ identity: { ...alice, birthDate: '1990-06-16' } });
  assert.equal(kindOf(booking({ reason: reason({ newPatients: false }), file })), 'identity_mismatch');
});

test('a known patient whose last name differs from the practice file is refused as an identity mismatch', () => {
  const file = knownFile({ identity: { ...alice, lastName: 'Martin-Durand' } });
  assert.equal(kindOf(booking({ reason: reason({ newPatients: false }), file })), 'identity_mismatch');
});

test('identity ignores case, accents, surrounding spaces and hyphens written as spaces', () => {
  const practice = { firstName: 'Jean-Pierre', lastName: 'Lefèvre', birthDate: '1970-01-01' };
  assert.equal(sameIdentity(practice, { firstName: '  jean pierre ', lastName: 'LEFEVRE', birthDate: '1970-01-01' }), true);
  assert.equal(sameIdentity({ ...practice, firstName: 'Lætitia' }, { ...practice, firstName: 'Laetitia' }), true);
  assert.equal(sameIdentity({ ...practice, lastName: 'D’Artagnan' }, { ...practice, lastName: "d'artagnan" }), true);
});

test('identity does not ask for a birth date one side does not know', () => {
  assert.equal(sameIdentity({ ...alice, birthDate: null }, alice), true);
  assert.equal(sameIdentity(alice, { ...alice, birthDate: null }), true);
});

test('a file with a different identity does not matter for a reason open to new patients', () => {
  const file = knownFile({ identity: { ...alice, firstName: 'Alicia' } });
  assert.equal(kindOf(booking({ file })), null);
});

test('a last visit exactly 2 years before the slot date still allows online booking', () => {
  const file = knownFile({ lastVisitOn: '2024-06-10' });
  assert.equal(kindOf(booking({ reason: reason({ newPatients: false }), file })), null);
});

test('a last visit 2 years and 1 day before the slot date means booking by phone', () => {
  const file = knownFile({ lastVisitOn: '2024-06-09' });
  assert.deepEqual(
    checkBookingRules(booking({ reason: reason({ newPatients: false }), file })),
    { kind: 'last_visit_too_old', lastVisitOn: '2024-06-09' },
  );
});

test('the 2-year rule counts from the slot date in Paris, not UTC', () => {
  // 23:30 UTC on 9 June is already 10 June in Paris: exactly 2 years after the last visit.
  const file = knownFile({ lastVisitOn: '2024-06-10' });
  const input = booking({ reason: reason({ newPatients: false }), file, slotStart: new Date('2026-06-09T22:30:00Z') });
  assert.equal(kindOf(input), null);
});

test('a last visit on 29 February is more than 2 years old on 1 March, not on 28 February', () => {
  assert.equal(isMoreThanYearsBefore('2024-02-29', '2026-02-28', 2), false);
  assert.equal(isMoreThanYearsBefore('2024-02-29', '2026-03-01', 2), true);
});

test('a file the practice created without a recorded visit counts as a known patient', () => {
  const file = knownFile({ lastVisitOn: null });
  assert.equal(kindOf(booking({ reason: reason({ newPatients: false }), file })), null);
});

test('a patient under the minimum age on the day of the appointment is refused with that age', () => {
  const input = booking({ reason: reason({ minAgeYears: 16 }), patient: { ...alice, birthDate: '2010-06-11' } });
  assert.deepEqual(checkBookingRules(input), { kind: 'too_young', minAgeYears: 16 });
});

test('a patient whose birthday is the day of the appointment has reached that age', () => {
  const input = booking({ reason: reason({ minAgeYears: 16 }), patient: { ...alice, birthDate: '2010-06-10' } });
  assert.equal(kindOf(input), null);
});

test('age is judged on the appointment date: a child too young today may book a slot after the birthday', () => {
  // Today is 1 June 2026, the child turns 6 on 5 June, the slot is on 10 June.
  const input = booking({
    reason: reason({ minAgeYears: 6 }), patient: { ...alice, birthDate: '2020-06-05' }, today: '2026-06-01',
  });
  assert.equal(kindOf(input), null);
});

test('the maximum age is inclusive: 17 years old books a reason up to 17, 18 does not', () => {
  const paediatric = reason({ maxAgeYears: 17 });
  assert.equal(kindOf(booking({ reason: paediatric, patient: { ...alice, birthDate: '2008-06-11' } })), null);
  assert.deepEqual(
    checkBookingRules(booking({ reason: paediatric, patient: { ...alice, birthDate: '2008-06-10' } })),
    { kind: 'too_old', maxAgeYears: 17 },
  );
});

test('someone born on 29 February is still 17 on 28 February and 18 on 1 March of a common year', () => {
  const paediatric = reason({ maxAgeYears: 17 });
  const leapling = { ...alice, birthDate: '2008-02-29' };
  assert.equal(kindOf(booking({ reason: paediatric, patient: leapling, slotStart: new Date('2026-02-28T09:00:00Z') })), null);
  assert.equal(kindOf(booking({ reason: paediatric, patient: leapling, slotStart: new Date('2026-03-01T09:00:00Z') })), 'too_old');
});

test('a relative booked by the holder is judged on the relative’s birth date', () => {
  const child = { firstName: 'Léo', lastName: 'Martin', birthDate: '2022-01-01' };
  assert.equal(kindOf(booking({ reason: reason({ minAgeYears: 18 }), patient: child })), 'too_young');
  assert.equal(kindOf(booking({ reason: reason({ maxAgeYears: 15 }), patient: child })), null);
});

test('a reason with age limits asks for the birth date of a patient who has none', () => {
  const input = booking({ reason: reason({ minAgeYears: 16 }), patient: { ...alice, birthDate: null } });
  assert.equal(kindOf(input), 'birth_date_required');
});

test('a reason requiring a referral is refused until a referring practitioner is chosen', () => {
  assert.equal(kindOf(booking({ reason: reason({ referralRequired: true }) })), 'referral_required');
  assert.equal(kindOf(booking({ reason: reason({ referralRequired: true }), referringPractitionerId: '42' })), null);
});

test('a reason with instructions is refused until they are accepted', () => {
  assert.equal(kindOf(booking({ reason: reason({ hasInstructions: true }) })), 'instructions_not_accepted');
  assert.equal(kindOf(booking({ reason: reason({ hasInstructions: true }), instructionsAccepted: true })), null);
});

test('refusals come in the documented order', () => {
  let input = booking({
    noShowsWithPractitioner: 3,
    reason: reason({ onlineBookable: false, newPatients: false, minAgeYears: 99, referralRequired: true, hasInstructions: true }),
  });
  const seen: string[] = [];
  const fixes: Array<(i: BookingRuleInput) => BookingRuleInput> = [
    (i) => ({ ...i, noShowsWithPractitioner: 0 }),
    (i) => ({ ...i, reason: { ...i.reason, onlineBookable: true } }),
    (i) => ({ ...i, reason: { ...i.reason, newPatients: true } }),
    (i) => ({ ...i, reason: { ...i.reason, minAgeYears: null } }),
    (i) => ({ ...i, referringPractitionerId: '7' }),
    (i) => ({ ...i, instructionsAccepted: true }),
  ];
  for (const fix of fixes) {
    seen.push(kindOf(input) ?? 'accepted');
    input = fix(input);
  }
  seen.push(kindOf(input) ?? 'accepted');
  assert.deepEqual(seen, [
    'blocked_no_shows', 'not_bookable_online', 'new_patients_not_accepted', 'too_young',
    'referral_required', 'instructions_not_accepted', 'accepted',
  ]);
});

test('every refusal has a French and an English message with its numbers filled in', () => {
  const refusals: BookingRefusal[] = [
    { kind: 'blocked_by_practice' }, { kind: 'blocked_no_shows', noShows: 3 }, { kind: 'not_bookable_online' },
    { kind: 'new_patients_not_accepted' }, { kind: 'identity_mismatch' },
    { kind: 'last_visit_too_old', lastVisitOn: '2020-01-01' }, { kind: 'birth_date_required' },
    { kind: 'too_young', minAgeYears: 16 }, { kind: 'too_old', maxAgeYears: 70 },
    { kind: 'referral_required' }, { kind: 'instructions_not_accepted' },
  ];
  for (const refusal of refusals) {
    const { key, params } = refusalMessage(refusal);
    assert.ok(isMessageKey(key), key);
    for (const lang of ['fr', 'en'] as const) {
      const text = translate(lang, key, params);
      assert.doesNotMatch(text, /\{\w+\}/, `${lang} ${key}`);
    }
  }
  assert.equal(
    translate('fr', 'booking.refusal.too_young', refusalMessage({ kind: 'too_young', minAgeYears: 16 }).params),
    'Nous sommes désolés, ce praticien ne prend pas de patient de moins de 16 ans.',
  );
});
