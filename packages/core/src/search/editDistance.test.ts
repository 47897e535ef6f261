import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { editDistance } from './editDistance.ts';

describe('editDistance', () => {
  it('is 0 for equal strings and the length for an empty one', () => {
    assert.equal(editDistance('reinger', 'reinger'), 0);
    assert.equal(editDistance('', 'abc'), 3);
    assert.equal(editDistance('abc', ''), 3);
  });

  it('counts insertions, deletions and substitutions', () => {
    assert.equal(editDistance('kitten', 'sitting'), 3);
    assert.equal(editDistance('jon', 'joan'), 1);
    assert.equal(editDistance('smith', 'smyth'), 1);
  });

  it('counts an adjacent transposition as one edit', () => {
    assert.equal(editDistance('reinger', 'reigner'), 1);
    assert.equal(editDistance('ab', 'ba'), 1);
  });

  it('is symmetric', () => {
    for (const [a, b] of [['berge', 'bergé'], ['maggio', 'magio'], ['ca', 'abc']] as const) assert.equal(editDistance(a, b), editDistance(b, a));
  });

  it('stops early past the limit and answers limit + 1', () => {
    assert.equal(editDistance('abcdef', 'uvwxyz', 2), 3);
    assert.equal(editDistance('a', 'abcdefgh', 2), 3);
    assert.equal(editDistance('kitten', 'sitting', 3), 3);
  });
});
