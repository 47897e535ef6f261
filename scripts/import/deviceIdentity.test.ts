import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { isUuid } from '@eonpro/core';
import { importerDevice, importerDeviceFile } from './deviceIdentity.ts';

describe('importerDevice', () => {
  it('makes a device key on first use, keeps it owner-only, and is the same device on the next run', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'eonpro-import-device-'));
    try {
      const file = path.join(dir, 'nested', 'import-device.json');
      const first = importerDevice(file);
      assert.ok(isUuid(first.deviceId), first.deviceId);
      assert.match(first.fingerprint, /^[0-9A-F]{4}-[0-9A-F]{4}$/);
      assert.equal(statSync(file).mode & 0o777, 0o600);
      const again = importerDevice(file);
      assert.deepEqual([again.deviceId, again.fingerprint], [first.deviceId, first.fingerprint]);
      assert.equal(again.signInFields('a@b.test', 'http://x').devicePublicKey, first.signInFields('a@b.test', 'http://x').devicePublicKey);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is kept where EONPRO_IMPORT_DEVICE_FILE says, else in ~/.eonpro', () => {
    assert.equal(importerDeviceFile({ EONPRO_IMPORT_DEVICE_FILE: '/tmp/x.json' }), '/tmp/x.json');
    assert.match(importerDeviceFile({}), /\.eonpro[/\\]import-device\.json$/);
  });
});
