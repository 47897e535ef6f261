import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isUuid } from '@eonpro/core';
import { importerDevice } from './deviceIdentity.ts';

describe('importerDevice', () => {
  it('is a valid UUID (version 8) that stays the same from run to run', () => {
    const first = importerDevice();
    assert.ok(isUuid(first.deviceId), first.deviceId);
    assert.equal(first.deviceId[14], '8');
    assert.deepEqual(importerDevice(), first);
  });
});
