import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { freshDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { bucketKey, enforceRateLimit, TooManyAttempts } from './rate-limit.ts';

describe('http: fixed-window rate limits in PostgreSQL', () => {
  let t: TestDatabase;
  before(async () => {
    t = await freshDatabase();
  });
  after(async () => t.drop());

  const at = (iso: string) => new Date(iso);
  const hit = (bucket: string, now: Date) => enforceRateLimit(t.db, { bucket, limit: 3, windowMs: 15 * 60_000, now });

  it('lets the limit through and refuses the next hit with the seconds until the window ends', async () => {
    for (let i = 0; i < 3; i++) await hit('a', at('2026-03-02T08:00:00Z'));
    await assert.rejects(hit('a', at('2026-03-02T08:05:00Z')), (error: unknown) => {
      assert.ok(error instanceof TooManyAttempts);
      assert.equal(error.headers['retry-after'], '600');
      assert.equal(error.params.minutes, 10);
      return true;
    });
  });

  it('opens a new window when the previous one ends', async () => {
    for (let i = 0; i < 3; i++) await hit('b', at('2026-03-02T08:00:00Z'));
    await assert.rejects(hit('b', at('2026-03-02T08:14:59Z')), TooManyAttempts);
    await hit('b', at('2026-03-02T08:15:00Z'));
  });

  it('counts buckets separately', async () => {
    for (let i = 0; i < 3; i++) await hit('c', at('2026-03-02T08:00:00Z'));
    await hit('d', at('2026-03-02T08:00:00Z'));
  });

  it('counts concurrent hits exactly', async () => {
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => hit('e', at('2026-03-02T09:00:00Z'))));
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 3);
  });

  it('keeps neither emails nor addresses in clear in bucket names', () => {
    const bucket = bucketKey('login_email', 'jeanne@example.fr');
    assert.doesNotMatch(bucket, /jeanne|example/);
    assert.equal(bucket, bucketKey('login_email', 'jeanne@example.fr'));
  });

  it('deletes windows older than a day on a later hit', async () => {
    await hit('old', at('2026-03-01T08:00:00Z'));
    await hit('new', at('2026-03-03T08:00:00Z'));
    const rows = await t.db.selectFrom('rate_limit_hits').select('bucket').where('bucket', '=', 'old').execute();
    assert.equal(rows.length, 0);
  });
});
