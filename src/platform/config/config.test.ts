import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import os from 'node:os';
import { defaultNotificationWorkers, defaultPoolSize, loadConfig } from './config.ts';

describe('database pool size', () => {
  it('takes CRENEAU_DATABASE_POOL_SIZE when the operator sets it', () => {
    assert.equal(loadConfig({ CRENEAU_DATABASE_POOL_SIZE: '12' }).databasePoolSize, 12);
  });

  it('defaults to four connections per core, never under 8 nor over 20', () => {
    const expected = Math.min(20, Math.max(8, 4 * os.availableParallelism()));
    assert.equal(defaultPoolSize(), expected);
    assert.equal(loadConfig({}).databasePoolSize, expected);
  });
});

describe('notification worker settings', () => {
  it('forks one worker process per core, at most 2, unless CRENEAU_NOTIFICATION_WORKERS says otherwise', () => {
    assert.equal(defaultNotificationWorkers(), Math.min(2, os.availableParallelism()));
    assert.equal(loadConfig({}).notificationWorkers, defaultNotificationWorkers());
    assert.equal(loadConfig({ CRENEAU_NOTIFICATION_WORKERS: '3' }).notificationWorkers, 3);
  });

  it('keeps the worker inside the server with CRENEAU_NOTIFICATION_WORKERS=0', () => {
    assert.equal(loadConfig({ CRENEAU_NOTIFICATION_WORKERS: '0' }).notificationWorkers, 0);
  });

  it('defaults to 16 messages in flight, 4 SMTP connections and a look at the outbox every 500 ms', () => {
    const config = loadConfig({});
    assert.deepEqual(
      [config.notificationConcurrency, config.notificationSmtpConnections, config.notificationPollMs], [16, 4, 500],
    );
    const tuned = loadConfig({
      CRENEAU_NOTIFICATION_CONCURRENCY: '32', CRENEAU_NOTIFICATION_SMTP_CONNECTIONS: '8', CRENEAU_NOTIFICATION_POLL_MS: '100',
    });
    assert.deepEqual([tuned.notificationConcurrency, tuned.notificationSmtpConnections, tuned.notificationPollMs], [32, 8, 100]);
  });

  it('refuses a count that is not a whole number, naming the setting', () => {
    assert.throws(() => loadConfig({ CRENEAU_NOTIFICATION_WORKERS: 'two' }), /CRENEAU_NOTIFICATION_WORKERS must be a whole number/);
    assert.throws(() => loadConfig({ CRENEAU_NOTIFICATION_CONCURRENCY: '0' }), /CRENEAU_NOTIFICATION_CONCURRENCY must be .*at least 1/);
  });
});

describe('session memory', () => {
  it('remembers sessions per process unless CRENEAU_SESSION_MEMORY=0', () => {
    assert.equal(loadConfig({}).sessionMemory, true);
    assert.equal(loadConfig({ CRENEAU_SESSION_MEMORY: '1' }).sessionMemory, true);
    assert.equal(loadConfig({ CRENEAU_SESSION_MEMORY: '0' }).sessionMemory, false);
  });
});
