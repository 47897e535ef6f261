import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isUuid, uuidv7, uuidv7Time } from './uuidv7.ts';

describe('uuidv7', () => {
  it('is a lower-case 8-4-4-4-12 UUID', () => {
    const id = uuidv7();
    assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    assert.ok(isUuid(id));
  });

  it('carries version 7 and the RFC 9562 variant', () => {
    for (let i = 0; i < 200; i++) {
      const id = uuidv7();
      assert.equal(id[14], '7');
      assert.ok('89ab'.includes(id[19]!), id);
    }
  });

  it('stores the creation time in its first 48 bits', () => {
    const now = Date.UTC(2024, 4, 17, 12, 30, 45, 123);
    const id = uuidv7(now);
    assert.equal(uuidv7Time(id), now);
    assert.equal(id.slice(0, 13), `${now.toString(16).padStart(12, '0').slice(0, 8)}-${now.toString(16).padStart(12, '0').slice(8)}`);
  });

  it('sorts by creation time', () => {
    const times = [0, 1, 255, 256, 65_535, 1_700_000_000_000, 1_700_000_000_001, 2 ** 47];
    const ids = times.map((t) => uuidv7(t));
    assert.deepEqual([...ids].sort(), ids);
    assert.deepEqual(ids.map(uuidv7Time), times);
  });

  it('differs between ids made in the same millisecond', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => uuidv7(1_700_000_000_000)));
    assert.equal(ids.size, 1000);
  });

  it('isUuid refuses malformed ids', () => {
    for (const bad of ['', 'not-a-uuid', '0190a6b4-6c1e-7abc-cdef-0123456789ab', '0190A6B4-6C1E-7ABC-8DEF-0123456789AB', '0190a6b46c1e7abc8def0123456789ab']) {
      assert.equal(isUuid(bad), false, bad);
    }
  });
});
