import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { measureStores, openBaselineStore, openEncryptedStore } from './local-store.ts';
import { assertSameSettings } from './plainStore.ts';
import { searchQueries } from './searchQueries.ts';
import { measureSync } from './sync.ts';
import { DEFAULT_SEED, syntheticPatients } from './syntheticPatients.ts';
import { makeTempFolder } from './tempFolder.ts';

/** Each benchmark's core loop at a tiny size, so the benchmark code cannot rot unnoticed. */
describe('benchmarks at a tiny size', () => {
  it('local: both stores keep every registered patient with its outbox entry, and find them by name, birth date and MRN', () => {
    const temp = makeTempFolder('eonpro-bench-test-');
    try {
      const patients = syntheticPatients(200, DEFAULT_SEED);
      const queries = searchQueries(patients, 20, DEFAULT_SEED + 1);
      const encrypted = openEncryptedStore(join(temp.dir, 'encrypted.db'));
      const plain = openBaselineStore(join(temp.dir, 'plain.db'));
      assertSameSettings(encrypted.db, plain.db);
      const measured = measureStores([encrypted, plain], patients, queries);
      encrypted.close();
      plain.close();

      for (const result of measured) {
        assert.equal(result.insertMs.length, 200);
        assert.equal(result.stored.patients, 200);
        assert.equal(result.stored.outbox, 200);
        assert.ok(result.stored.searchGrams > 200);
        assert.equal(result.searchMs.length, 20);
        for (const kind of ['exact name', 'birth date', 'MRN'] as const) {
          assert.ok(result.hits[kind].total > 0, `${kind} searches were run`);
          assert.equal(result.hits[kind].hits, result.hits[kind].total, `every ${kind} search found its patient`);
        }
      }
      assert.deepEqual(measured[0]!.hits, measured[1]!.hits, 'the same code finds the same patients in both stores');
    } finally {
      temp.remove();
    }
  });

  it('sync: every patient A registers is pushed, and a fresh B pulls them all', async () => {
    const result = await measureSync({ count: 100, backend: 'pglite' });
    assert.equal(result.register.pendingAfter, 100);
    assert.deepEqual([result.push.accepted, result.push.rejected, result.push.pendingAfter], [100, 0, 0]);
    assert.equal(result.push.requests, 1);
    assert.equal(result.pull.patientsOnB, 100);
    assert.ok(result.pull.requests >= 1);
    assert.equal(result.pull.sampleFound, result.pull.sampleSize);
  });
});
