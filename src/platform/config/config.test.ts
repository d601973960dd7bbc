import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import os from 'node:os';
import { defaultPoolSize, loadConfig } from './config.ts';

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
