import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decideRestart, defaultRestartPolicy, type RestartPolicy } from './restart-policy.ts';

const policy: RestartPolicy = { maxExits: 5, windowMs: 60_000, firstDelayMs: 1_000, maxDelayMs: 10_000 };
const now = 1_000_000;
const secondsAgo = (...seconds: number[]) => seconds.map((s) => now - s * 1000);

describe('restarting a process that exited', () => {
  it('restarts after the first delay when the process exited for the first time', () => {
    assert.deepEqual(decideRestart(policy, secondsAgo(0), now), { action: 'restart', afterMs: 1_000 });
  });

  it('doubles the delay with each exit within the window: 1, 2, 4, 8 s', () => {
    const delays = [1, 2, 3, 4].map((count) => decideRestart(policy, secondsAgo(...Array.from({ length: count }, (_, i) => i)), now));
    assert.deepEqual(delays, [1_000, 2_000, 4_000, 8_000].map((afterMs) => ({ action: 'restart', afterMs })));
  });

  it('gives up at the fifth exit within a minute (a crash loop)', () => {
    assert.deepEqual(decideRestart(policy, secondsAgo(50, 40, 20, 10, 0), now), { action: 'give-up', recentExits: 5 });
  });

  it('forgets exits older than the window: a process that crashes once every few minutes keeps being restarted soon', () => {
    assert.deepEqual(decideRestart(policy, secondsAgo(600, 400, 300, 120, 61, 0), now), { action: 'restart', afterMs: 1_000 });
  });

  it('never waits longer than the longest delay', () => {
    const patient: RestartPolicy = { ...policy, maxExits: 20 };
    assert.deepEqual(decideRestart(patient, secondsAgo(9, 8, 7, 6, 5, 4, 3, 2, 1, 0), now), { action: 'restart', afterMs: 10_000 });
  });

  it('by default gives up after 5 exits within a minute', () => {
    assert.equal(decideRestart(defaultRestartPolicy, secondsAgo(4, 3, 2, 1, 0), now).action, 'give-up');
    assert.equal(decideRestart(defaultRestartPolicy, secondsAgo(61, 3, 2, 1, 0), now).action, 'restart');
  });
});
