import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { measureMillionVerification, measureServerAppends } from './audit.ts';

describe('audit benchmark at a tiny size', () => {
  it('appends server audit entries one per transaction and in batches, and the chain they make verifies whole', async () => {
    const measured = await measureServerAppends({ backend: 'pglite', appends: 20, batchSizes: [5] });
    assert.deepEqual(measured.runs.map((run) => [run.batchSize, run.appends]), [[1, 20], [5, 20]]);
    // 20 warm-up appends come first.
    assert.deepEqual([measured.verify.ok, measured.verify.entries], [true, 60]);
  });

  it('verifies an in-memory chain with its signed checkpoints, in one thread and with hash workers', async () => {
    const measured = await measureMillionVerification(25_000);
    assert.deepEqual([measured.ok, measured.entries, measured.checkpoints], [true, 25_000, 2]);
  });
});
