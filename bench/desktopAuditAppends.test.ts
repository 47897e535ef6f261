import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { measureDesktopAuditAppends } from './desktopAuditAppends.ts';

describe('desktop audit append benchmark at a tiny size', () => {
  it('appends one per transaction and in batches with synchronous=FULL, and the chain it wrote verifies whole', () => {
    const measured = measureDesktopAuditAppends({ oneEach: 20, batched: 300, batchSizes: [10, 100] });
    assert.equal(measured.synchronous, 'FULL');
    assert.deepEqual(
      measured.runs.map((run) => [run.batchSize, run.appends]),
      [[1, 20], [10, 300], [100, 300]],
    );
    assert.deepEqual([measured.verify.ok, measured.verify.entries], [true, 2_000 + 20 + 300 + 300]);
  });
});
