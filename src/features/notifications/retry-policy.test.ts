import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { backoffDelayMs, defaultRetryPolicy, isPermanentRefusal, judgeFailure } from './retry-policy.ts';

const now = new Date('2026-03-02T07:00:00Z');

describe('notifications: when a failed message is tried again', () => {
  it('waits 30 s, then twice as long at each failure, never more than an hour', () => {
    // At the bottom of the jitter (75 % of each step): 30 s, 1, 2, 4 min… capped at 1 h.
    const steps = [1, 2, 3, 4, 8, 9, 20].map((attempts) => backoffDelayMs(defaultRetryPolicy, attempts, 0) / 0.75);
    assert.deepEqual(steps, [30_000, 60_000, 120_000, 240_000, 3_600_000, 3_600_000, 3_600_000]);
  });

  it('draws each wait between 75 % and 100 % of its step, so retries of one outage spread out', () => {
    assert.equal(backoffDelayMs(defaultRetryPolicy, 2, 0), 45_000);
    assert.equal(backoffDelayMs(defaultRetryPolicy, 2, 0.5), 52_500);
  });

  it('retries a provider that is down, and gives up after the last attempt', () => {
    assert.deepEqual(judgeFailure(defaultRetryPolicy, 1, 'smtp ECONNECTION', now, 0), { retryAt: new Date('2026-03-02T07:00:22.500Z') });
    assert.deepEqual(judgeFailure(defaultRetryPolicy, 8, 'smtp ECONNECTION', now, 1), { retryAt: new Date('2026-03-02T08:00:00.000Z') });
    assert.deepEqual(judgeFailure(defaultRetryPolicy, 9, 'smtp ECONNECTION', now, 0), { deadLetter: true });
  });

  it('sends a refused address or number to the dead letter at once, but keeps retrying refused credentials', () => {
    assert.equal(isPermanentRefusal('smtp EENVELOPE 550'), true);
    assert.equal(isPermanentRefusal('smtp EMESSAGE 554'), true);
    assert.equal(isPermanentRefusal('twilio http 400 code 21211'), true);
    assert.equal(isPermanentRefusal('smtp EAUTH 535'), false);
    assert.equal(isPermanentRefusal('smtp EENVELOPE 451'), false);
    assert.equal(isPermanentRefusal('twilio http 401 code 20003'), false);
    assert.equal(isPermanentRefusal('twilio http 429'), false);
    assert.equal(isPermanentRefusal('no provider configured'), false);
    assert.deepEqual(judgeFailure(defaultRetryPolicy, 1, 'smtp EENVELOPE 550', now, 0), { deadLetter: true });
  });
});
