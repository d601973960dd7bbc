import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { interpretWhat } from './interpretation.ts';

describe('search domain: what free text means', () => {
  it('takes a specialty typed from its start, even when a name also matches', () => {
    const label = { kind: 'specialty' as const, code: 'SM04', rank: 0 as const, similarity: 0.5 };
    assert.deepEqual(interpretWhat(label, { rank: 0, similarity: 1 }), { kind: 'specialty', code: 'SM04' });
  });

  it('prefers a matching name to a label that only looks alike (« cardin » is Dr Cardin)', () => {
    const label = { kind: 'specialty' as const, code: 'SM04', rank: 2 as const, similarity: 0.71 };
    assert.deepEqual(interpretWhat(label, { rank: 1, similarity: 1 }), { kind: 'name' });
  });

  it('takes a lookalike label when names match even less', () => {
    const label = { kind: 'reason' as const, code: 'eye-exam', rank: 2 as const, similarity: 0.8 };
    assert.deepEqual(interpretWhat(label, { rank: 2, similarity: 0.62 }), { kind: 'reason', code: 'eye-exam' });
  });

  it('is unresolved when nothing matches', () => {
    assert.deepEqual(interpretWhat(null, null), { kind: 'unresolved' });
  });
});
