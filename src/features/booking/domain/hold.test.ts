import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HOLD_MINUTES, holdExpiresAt, holdState, canConfirmHold } from './hold.ts';

const heldAt = new Date('2026-05-04T08:00:00Z');
const expiresAt = holdExpiresAt(heldAt);
const minute = 60_000;

function at(ms: number): Date {
  return new Date(ms);
}

test('a slot is held for 15 minutes', () => {
  assert.equal(HOLD_MINUTES, 15);
  assert.equal(expiresAt.toISOString(), '2026-05-04T08:15:00.000Z');
});

test('a hold is live one minute before its expiry and expired at the expiry instant', () => {
  assert.equal(holdState({ expiresAt }, at(expiresAt.getTime() - minute)), 'live');
  assert.equal(holdState({ expiresAt }, expiresAt), 'expired');
  assert.equal(holdState({ expiresAt }, at(expiresAt.getTime() + minute)), 'expired');
});

test('the account holding the slot confirms it within 15 minutes', () => {
  const claim = { holdAccountId: 'A', holdTokenMatches: false, accountId: 'A', expiresAt };
  assert.equal(canConfirmHold(claim, at(expiresAt.getTime() - minute)), 'ok');
});

test('the account holding the slot cannot confirm it once the 15 minutes are over', () => {
  const claim = { holdAccountId: 'A', holdTokenMatches: true, accountId: 'A', expiresAt };
  assert.equal(canConfirmHold(claim, at(expiresAt.getTime() + minute)), 'expired');
});

test('another account can never confirm a hold of account A, even with its token', () => {
  const claim = { holdAccountId: 'A', holdTokenMatches: true, accountId: 'B', expiresAt };
  assert.equal(canConfirmHold(claim, heldAt), 'not_yours');
});

test('another account is told « not yours », not « expired », about an expired hold of account A', () => {
  const claim = { holdAccountId: 'A', holdTokenMatches: false, accountId: 'B', expiresAt };
  assert.equal(canConfirmHold(claim, at(expiresAt.getTime() + minute)), 'not_yours');
});

test('a hold taken before login is confirmed by the account that signs up with its token', () => {
  const claim = { holdAccountId: null, holdTokenMatches: true, accountId: 'new', expiresAt };
  assert.equal(canConfirmHold(claim, at(heldAt.getTime() + 10 * minute)), 'ok');
});

test('a hold taken before login cannot be confirmed by an account without its token', () => {
  const claim = { holdAccountId: null, holdTokenMatches: false, accountId: 'B', expiresAt };
  assert.equal(canConfirmHold(claim, heldAt), 'not_yours');
});
