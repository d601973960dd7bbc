import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createSessionMemory, sessionEndsSubscription, type RememberedSession } from './session-memory.ts';

const MINUTE = 60_000;
const start = new Date('2026-03-02T08:00:00Z');
const at = (minutes: number) => new Date(start.getTime() + minutes * MINUTE);

const session = (accountId: string, fields: Partial<RememberedSession> = {}): RememberedSession => ({
  accountId, tokenHash: Buffer.from(accountId), remembered: false,
  lastSeenAt: start, idleExpiresAt: at(30), absoluteExpiresAt: at(12 * 60), ...fields,
});

/** A memory that hears of ended sessions, holding `entries` (token key → session) read at `start`. */
const trustedMemory = (entries: Record<string, RememberedSession>, options?: { maxEntries?: number }) => {
  const memory = createSessionMemory(options);
  memory.trust();
  for (const [key, value] of Object.entries(entries)) memory.remember(key, value, memory.mark());
  return memory;
};

describe('accounts: the session memory of a server process', () => {
  it('remembers nothing while it does not hear of ended sessions', () => {
    const memory = createSessionMemory();
    memory.remember('t1', session('a1'), memory.mark());
    assert.equal(memory.recall('t1', start, MINUTE), undefined);
    assert.equal(memory.size(), 0);
  });

  it('answers a session checked less than a minute ago, and asks the database again after a minute', () => {
    const memory = trustedMemory({ t1: session('a1') });
    assert.equal(memory.recall('t1', new Date(start.getTime() + 59_999), MINUTE)?.accountId, 'a1');
    assert.equal(memory.recall('t1', at(1), MINUTE), undefined);
    assert.equal(memory.size(), 0, 'the stale session is dropped');
  });

  it('never answers a session past its idle or absolute expiry', () => {
    const memory = trustedMemory({
      idle: session('a1', { lastSeenAt: at(29.5), idleExpiresAt: at(30) }),
      absolute: session('a2', { lastSeenAt: at(29.5), idleExpiresAt: at(60), absoluteExpiresAt: at(30) }),
    });
    assert.equal(memory.recall('idle', at(30), MINUTE), undefined);
    assert.equal(memory.recall('absolute', at(30), MINUTE), undefined);
  });

  it('does not answer for a time before the session was last seen (a clock set back)', () => {
    const memory = trustedMemory({ t1: session('a1', { lastSeenAt: at(5) }) });
    assert.equal(memory.recall('t1', at(4), MINUTE), undefined);
  });

  it('forgets every session of an account whose session ended, and keeps the others', () => {
    const memory = trustedMemory({ phone: session('a1'), laptop: session('a1'), other: session('a2') });
    memory.forgetAccount('a1');
    assert.equal(memory.recall('phone', start, MINUTE), undefined);
    assert.equal(memory.recall('laptop', start, MINUTE), undefined);
    assert.equal(memory.recall('other', start, MINUTE)?.accountId, 'a2');
  });

  it('does not keep a session read while an end was announced (it may have been read before it ended)', () => {
    const memory = trustedMemory({});
    const mark = memory.mark();
    memory.forgetAccount('a9');
    memory.remember('t1', session('a1'), mark);
    assert.equal(memory.recall('t1', start, MINUTE), undefined);
  });

  it('forgets everything when it stops hearing of ended sessions, and stays empty until it hears again', () => {
    const memory = trustedMemory({ t1: session('a1') });
    const mark = memory.mark();
    memory.distrust();
    assert.equal(memory.recall('t1', start, MINUTE), undefined);
    memory.remember('t2', session('a2'), memory.mark());
    memory.trust();
    memory.remember('t3', session('a3'), mark);
    assert.equal(memory.size(), 0, 'nothing read before or while distrusting is kept');
  });

  it('holds at most its number of sessions, dropping the longest remembered', () => {
    const memory = trustedMemory({ t1: session('a1'), t2: session('a2'), t3: session('a3') }, { maxEntries: 2 });
    assert.equal(memory.size(), 2);
    assert.equal(memory.recall('t1', start, MINUTE), undefined);
    assert.equal(memory.recall('t3', start, MINUTE)?.accountId, 'a3');
  });

  it('is trusted by its listening connection only while it listens, and hears the ended accounts', () => {
    const memory = createSessionMemory();
    const subscription = sessionEndsSubscription(memory);
    subscription.listening?.(false);
    memory.remember('t1', session('a1'), memory.mark());
    memory.remember('t2', session('a2'), memory.mark());
    subscription.heard('a1');
    assert.equal(memory.recall('t1', start, MINUTE), undefined);
    assert.equal(memory.recall('t2', start, MINUTE)?.accountId, 'a2');
    subscription.lost?.();
    assert.equal(memory.recall('t2', start, MINUTE), undefined);
  });
});
