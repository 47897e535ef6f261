import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '@eonpro/core';
import { checkSafeStorage, SafeStorageKeyProvider, type SafeStorageLike } from './safeStorageKeyProvider.ts';

/**
 * Electron's safeStorage cannot run here (no Electron binary), so this stands in for it with real AES-256-GCM
 * under a secret that lives only in memory, as the OS keychain's secret would.
 */
function keychainBackedStorage(options: { backend?: string; available?: boolean; reEncrypt?: boolean } = {}) {
  const secret = randomBytes(32);
  const storage: SafeStorageLike = {
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
    isAsyncEncryptionAvailable: async () => options.available ?? true,
    encryptStringAsync: async (plainText) => {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', secret, iv);
      const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decryptStringAsync: async (encrypted) => {
      const decipher = createDecipheriv('aes-256-gcm', secret, encrypted.subarray(0, 12));
      decipher.setAuthTag(encrypted.subarray(12, 28));
      const result = Buffer.concat([decipher.update(encrypted.subarray(28)), decipher.final()]).toString('utf8');
      return { result, shouldReEncrypt: options.reEncrypt ?? false };
    },
  };
  return storage;
}

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'eonpro-safestorage-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

const keyFileNamed = (name: string) => join(dir, `${name}.json`);

describe('SafeStorageKeyProvider', () => {
  it('creates a random 32-byte key on first use and keeps it on disk only wrapped', async () => {
    const keyFile = keyFileNamed('first-use');
    const key = await new SafeStorageKeyProvider(keychainBackedStorage(), keyFile).getDatabaseKey();

    assert.equal(key.length, 32);
    const onDisk = readFileSync(keyFile);
    for (const form of [key, Buffer.from(key.toString('hex')), Buffer.from(key.toString('base64'))]) {
      assert.equal(onDisk.includes(form), false, 'the key file must not contain the key in any plain form');
    }
    assert.equal(statSync(keyFile).mode & 0o077, 0, 'the key file is readable by its owner only');
  });

  it('returns the same key on every later start', async () => {
    const storage = keychainBackedStorage();
    const keyFile = keyFileNamed('same-key');
    const first = await new SafeStorageKeyProvider(storage, keyFile).getDatabaseKey();
    const again = await new SafeStorageKeyProvider(storage, keyFile).getDatabaseKey();
    assert.deepEqual(again, first);
  });

  it('re-wraps the key when the keychain asks for it, keeping the same key', async () => {
    const keyFile = keyFileNamed('re-encrypt');
    const storage = keychainBackedStorage({ reEncrypt: true });
    const key = await new SafeStorageKeyProvider(storage, keyFile).getDatabaseKey();
    const wrappedBefore = readFileSync(keyFile, 'utf8');

    assert.deepEqual(await new SafeStorageKeyProvider(storage, keyFile).getDatabaseKey(), key);
    assert.notEqual(readFileSync(keyFile, 'utf8'), wrappedBefore);
  });

  it('refuses a damaged key file with a clear error and leaves it untouched', async () => {
    const keyFile = keyFileNamed('damaged');
    writeFileSync(keyFile, '{"format":"something-else"}');

    await assert.rejects(new SafeStorageKeyProvider(keychainBackedStorage(), keyFile).getDatabaseKey(), (error: unknown) => {
      assert.ok(error instanceof AppError);
      assert.equal(error.code, 'LOCKED');
      assert.match(error.message, /key file is damaged/);
      assert.deepEqual(error.issues.map((i) => i.path), ['damaged.json']);
      return true;
    });
    assert.equal(readFileSync(keyFile, 'utf8'), '{"format":"something-else"}');
  });

  it('refuses a key another keychain wrapped, without replacing it', async () => {
    const keyFile = keyFileNamed('other-keychain');
    await new SafeStorageKeyProvider(keychainBackedStorage(), keyFile).getDatabaseKey();
    const wrapped = readFileSync(keyFile, 'utf8');

    await assert.rejects(new SafeStorageKeyProvider(keychainBackedStorage(), keyFile).getDatabaseKey(), /keychain could not unlock/);
    assert.equal(readFileSync(keyFile, 'utf8'), wrapped);
    assert.equal(existsSync(`${keyFile}.${process.pid}.tmp`), false);
  });
});

describe('checkSafeStorage', () => {
  it("refuses Linux's basic_text backend", async () => {
    assert.deepEqual(await checkSafeStorage(keychainBackedStorage({ backend: 'basic_text' }), 'linux'), {
      usable: false,
      reason: 'basic-text-backend',
    });
  });

  it('accepts a Linux secret service backend', async () => {
    assert.deepEqual(await checkSafeStorage(keychainBackedStorage({ backend: 'gnome_libsecret' }), 'linux'), { usable: true });
  });

  it('refuses when encryption is not available', async () => {
    assert.deepEqual(await checkSafeStorage(keychainBackedStorage({ available: false }), 'darwin'), {
      usable: false,
      reason: 'encryption-unavailable',
    });
  });
});
