import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { fairnessRank, fairnessWindow, fairOrder, FAIRNESS_WINDOW_MS } from './fairness.ts';

const ids = Array.from({ length: 30 }, (_, i) => String(1000 + i * 7));
const monday9h = new Date('2026-03-02T08:00:00Z');

describe('search domain: fair order (B3)', () => {
  it('keeps the same window for two hours and moves to the next one after', () => {
    const window = fairnessWindow(monday9h);
    assert.equal(fairnessWindow(new Date(monday9h.getTime() + FAIRNESS_WINDOW_MS - 1)), window);
    assert.equal(fairnessWindow(new Date(monday9h.getTime() + FAIRNESS_WINDOW_MS)), window + 1);
  });

  it('gives the same order to everyone within one window', () => {
    const window = fairnessWindow(monday9h);
    const later = fairnessWindow(new Date(monday9h.getTime() + 90 * 60 * 1000));
    assert.deepEqual(fairOrder(ids, later), fairOrder(ids, window));
    assert.deepEqual(fairOrder([...ids].reverse(), window), fairOrder(ids, window));
  });

  it('changes the order from one window to the next', () => {
    const window = fairnessWindow(monday9h);
    for (const next of [window + 1, window + 2, window + 12]) {
      assert.notDeepEqual(fairOrder(ids, next), fairOrder(ids, window), `window ${next}`);
    }
  });

  it('does not favour the smallest ids: each id leads in some window', () => {
    const leaders = new Set(Array.from({ length: 400 }, (_, w) => fairOrder(ids.slice(0, 5), w)[0]));
    assert.equal(leaders.size, 5);
  });

  it('ranks identically in another process (no per-process seed)', () => {
    const module = fileURLToPath(new URL('./fairness.ts', import.meta.url));
    const script = `import('${module}').then((m) => console.log(JSON.stringify(${JSON.stringify(ids)}.map((id) => m.fairnessRank(id, 12345)))))`;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { encoding: 'utf8' });
    assert.equal(child.status, 0, child.stderr);
    assert.deepEqual(JSON.parse(child.stdout), ids.map((id) => fairnessRank(id, 12345)));
  });
});
