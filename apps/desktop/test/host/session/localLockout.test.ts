import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { localLockMs } from '../../../src/host/session/localPasswordCheck.ts';

describe('the local lock-out after wrong passwords', () => {
  it('lets 4 go by, then locks for 30 s, doubling each time, never more than 15 minutes', () => {
    assert.deepEqual([1, 2, 3, 4].map(localLockMs), [0, 0, 0, 0]);
    assert.deepEqual([5, 6, 7, 8].map(localLockMs), [30_000, 60_000, 120_000, 240_000]);
    assert.equal(localLockMs(20), 15 * 60_000);
  });
});
