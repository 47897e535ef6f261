import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chooseDatabaseKeySource } from './databaseKeySource.ts';

describe('chooseDatabaseKeySource', () => {
  it('uses safeStorage for a new data folder when it is usable', () => {
    assert.equal(chooseDatabaseKeySource({ safeStorageUsable: true, hasSafeStorageKey: false, hasDatabase: false }), 'safe-storage');
  });

  it("leaves a new data folder to the host's own key provider when safeStorage is refused", () => {
    assert.equal(chooseDatabaseKeySource({ safeStorageUsable: false, hasSafeStorageKey: false, hasDatabase: false }), 'host');
  });

  it('keeps using safeStorage for a folder whose key it wraps', () => {
    assert.equal(chooseDatabaseKeySource({ safeStorageUsable: true, hasSafeStorageKey: true, hasDatabase: true }), 'safe-storage');
  });

  it('keeps a database keyed by the host with the host, even when safeStorage is usable', () => {
    assert.equal(chooseDatabaseKeySource({ safeStorageUsable: true, hasSafeStorageKey: false, hasDatabase: true }), 'host');
  });

  it('stops with a clear error when the key is wrapped by safeStorage but safeStorage is unavailable', () => {
    assert.throws(
      () => chooseDatabaseKeySource({ safeStorageUsable: false, hasSafeStorageKey: true, hasDatabase: true }),
      { name: 'AppError', code: 'LOCKED', message: /keychain, which is not available right now/ },
    );
  });
});
