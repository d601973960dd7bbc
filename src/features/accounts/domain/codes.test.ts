import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  judgeCodeAttempt, codeExpiresAt, resendAvailableAt, canResend, normaliseCodeInput, formatCodeForVoice,
  CODE_LENGTH, MAX_ATTEMPTS, CODE_TTL_MS, RESEND_AFTER_MS,
} from './codes.ts';

const sentAt = new Date('2025-03-14T09:00:00Z');
const minutes = (n: number) => new Date(sentAt.getTime() + n * 60_000);
const live = (attempts = 0) => ({ expiresAt: codeExpiresAt(sentAt), consumedAt: null, attempts });

test('codes have 6 digits, 5 attempts, 15 minutes of life and a 2-minute resend delay', () => {
  assert.equal(CODE_LENGTH, 6);
  assert.equal(MAX_ATTEMPTS, 5);
  assert.equal(CODE_TTL_MS, 15 * 60_000);
  assert.equal(RESEND_AFTER_MS, 2 * 60_000);
});

test('the right code within 15 minutes is accepted', () => {
  assert.deepEqual(judgeCodeAttempt(live(), true, minutes(14.99)), { outcome: 'accepted' });
});

test('the right code after earlier wrong attempts is still accepted', () => {
  assert.deepEqual(judgeCodeAttempt(live(4), true, minutes(1)), { outcome: 'accepted' });
});

test('a wrong code tells how many attempts are left', () => {
  assert.deepEqual(judgeCodeAttempt(live(0), false, minutes(1)), { outcome: 'wrong', attemptsLeft: 4 });
  assert.deepEqual(judgeCodeAttempt(live(3), false, minutes(1)), { outcome: 'wrong', attemptsLeft: 1 });
});

test('the 5th wrong attempt exhausts the code', () => {
  assert.deepEqual(judgeCodeAttempt(live(4), false, minutes(1)), { outcome: 'exhausted' });
});

test('an exhausted code refuses even the right code', () => {
  assert.deepEqual(judgeCodeAttempt(live(5), true, minutes(1)), { outcome: 'exhausted' });
});

test('a code attempt after 15 minutes is refused even when correct', () => {
  assert.deepEqual(judgeCodeAttempt(live(), true, minutes(15)), { outcome: 'expired' });
  assert.deepEqual(judgeCodeAttempt(live(), true, minutes(60)), { outcome: 'expired' });
});

test('a wrong code after 15 minutes says expired, not wrong', () => {
  assert.deepEqual(judgeCodeAttempt(live(), false, minutes(16)), { outcome: 'expired' });
});

test('a code already used cannot be used again', () => {
  const used = { ...live(), consumedAt: minutes(1) };
  assert.deepEqual(judgeCodeAttempt(used, true, minutes(2)), { outcome: 'used' });
});

test('resend at 1:59 refused, at 2:00 allowed', () => {
  assert.equal(canResend(sentAt, new Date(sentAt.getTime() + 119_000)), false);
  assert.equal(canResend(sentAt, minutes(2)), true);
  assert.deepEqual(resendAvailableAt(sentAt), minutes(2));
});

test('a code sent at 9:00 expires at 9:15', () => {
  assert.deepEqual(codeExpiresAt(sentAt), new Date('2025-03-14T09:15:00Z'));
});

test('a code typed with spaces or dashes is read as its 6 digits', () => {
  assert.equal(normaliseCodeInput(' 481 516 '), '481516');
  assert.equal(normaliseCodeInput('481-516'), '481516');
});

test('a code with letters or the wrong length is not a code', () => {
  for (const typed of ['48151', '4815162', '48151a', '', '４８１５１６']) assert.equal(normaliseCodeInput(typed), null, typed);
});

test('a code read by the voice call is spaced digit by digit', () => {
  assert.equal(formatCodeForVoice('481516'), '4 8 1 5 1 6');
});
