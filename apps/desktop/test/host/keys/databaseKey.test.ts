import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { AppError } from '@eonpro/core';
import { prepareDataFolder, type DataFolder } from '../../../src/host/dataFolder.ts';
import { openClinicDatabase } from '../../../src/host/db/openDatabase.ts';
import { PassphraseKeyProvider, SCRYPT_PARAMETERS } from '../../../src/host/keys/passphraseKeyProvider.ts';
import { LocalStore } from '../../../src/host/local/localStore.ts';
import { registerPatient } from '../../../src/host/local/patients.ts';
import { filesContainingKey } from '../support/noKeyOnDisk.ts';
import { patientInput } from '../support/patients.ts';
import { makeTempDir } from '../support/tempDir.ts';
import { openBoundStore } from '../support/testStore.ts';

const PASSPHRASE = 'correct horse battery staple';

describe('database key', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let folder: DataFolder;
  beforeEach(() => {
    temp = makeTempDir();
    folder = prepareDataFolder(temp.dir);
  });
  afterEach(() => temp.remove());

  it('refuses a wrong key with a clear error and leaves the existing file byte for byte as it was', () => {
    const key = randomBytes(32);
    const store = openBoundStore(folder.databasePath, key);
    registerPatient(store, { userId: store.deviceId }, patientInput());
    store.close();
    const before = readFileSync(folder.databasePath);

    assert.throws(
      () => LocalStore.open(folder.databasePath, randomBytes(32)),
      (error: unknown) => error instanceof AppError && error.code === 'LOCKED' && /cannot be opened with this workstation key/.test(error.message),
    );
    assert.deepEqual(readFileSync(folder.databasePath), before);

    const reopened = openClinicDatabase(folder.databasePath, Buffer.from(key));
    assert.equal((reopened.prepare('SELECT count(*) AS n FROM patients').get() as { n: number }).n, 1);
    reopened.close();
  });

  it('passphrase provider: the first unlock sets the passphrase, a new provider unwraps the same key with it', async () => {
    const first = new PassphraseKeyProvider(folder.wrappedKeyPath);
    assert.equal(first.hasPassphrase(), false);
    await first.unlock(PASSPHRASE);
    const key = await first.getDatabaseKey();
    assert.equal(key.length, 32);

    const second = new PassphraseKeyProvider(folder.wrappedKeyPath);
    assert.equal(second.hasPassphrase(), true);
    assert.equal(second.isUnlocked(), false);
    await second.unlock(PASSPHRASE);
    assert.deepEqual(await second.getDatabaseKey(), key);
  });

  it('passphrase provider: a wrong passphrase is refused and does not unlock', async () => {
    await new PassphraseKeyProvider(folder.wrappedKeyPath).unlock(PASSPHRASE);
    const provider = new PassphraseKeyProvider(folder.wrappedKeyPath);
    await assert.rejects(
      provider.unlock('not the passphrase at all'),
      (error: unknown) => error instanceof AppError && error.code === 'UNAUTHORIZED' && error.issues[0]?.path === 'passphrase',
    );
    assert.equal(provider.isUnlocked(), false);
    await assert.rejects(provider.getDatabaseKey(), (error: unknown) => error instanceof AppError && error.code === 'LOCKED');
  });

  it('passphrase provider: a first passphrase shorter than 12 characters is refused and nothing is written', async () => {
    const provider = new PassphraseKeyProvider(folder.wrappedKeyPath);
    await assert.rejects(provider.unlock('too short'), (error: unknown) => error instanceof AppError && error.code === 'VALIDATION');
    assert.equal(provider.hasPassphrase(), false);
  });

  it('passphrase provider: the key file holds only the wrapped key and the documented scrypt parameters', async () => {
    const provider = new PassphraseKeyProvider(folder.wrappedKeyPath);
    await provider.unlock(PASSPHRASE);
    const file = JSON.parse(readFileSync(folder.wrappedKeyPath, 'utf8')) as { kdf: Record<string, unknown>; cipher: { name: string } };
    assert.equal(file.kdf.name, 'scrypt');
    assert.equal(file.kdf.N, SCRYPT_PARAMETERS.N);
    assert.equal(file.kdf.r, SCRYPT_PARAMETERS.r);
    assert.equal(file.kdf.p, SCRYPT_PARAMETERS.p);
    assert.equal(file.cipher.name, 'aes-256-gcm');
    assert.deepEqual(filesContainingKey(folder.dir, await provider.getDatabaseKey()), []);
  });

  it('no file in the data folder holds the database key in plain form after the store is used', async () => {
    const provider = new PassphraseKeyProvider(folder.wrappedKeyPath);
    await provider.unlock(PASSPHRASE);
    const key = await provider.getDatabaseKey();
    const store = openBoundStore(folder.databasePath, await provider.getDatabaseKey());
    registerPatient(store, { userId: store.deviceId }, patientInput());
    store.close();
    assert.deepEqual(filesContainingKey(folder.dir, key), []);
  });
});
