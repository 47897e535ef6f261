import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { KeyProviderError } from './keyProvider.ts';
import { masterKeyFilePath } from './masterKeyLocation.ts';
import { MasterKeyFile } from './masterKeyFile.ts';

describe('master key file', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'eonpro-master-key-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('is created owner-only on first open and opens with the same key afterwards', async () => {
    const path = join(dir, 'nested', 'master.json');
    const first = await MasterKeyFile.open(path);
    assert.equal((await stat(path)).mode & 0o777, 0o600);
    const dataKey = randomBytes(32);
    const wrapped = await first.wrap(dataKey);
    assert.equal(wrapped.keyId, first.keyId);
    assert.equal(wrapped.keyVersion, 1);
    assert.ok(!wrapped.ciphertext.includes(dataKey.toString('base64url')));

    const reopened = await MasterKeyFile.open(path);
    assert.equal(reopened.keyId, first.keyId);
    assert.deepEqual(await reopened.unwrap(wrapped), dataKey);
  });

  it('refuses a file that group or others may read', async () => {
    const path = join(dir, 'open.json');
    await MasterKeyFile.open(path);
    await chmod(path, 0o644);
    await assert.rejects(MasterKeyFile.open(path), (error: Error) => error instanceof KeyProviderError && /chmod 600/.test(error.message));
  });

  it('refuses a file that is not a master key file', async () => {
    const path = join(dir, 'garbage.json');
    await writeFile(path, '{"format":"something else"}', { mode: 0o600 });
    await assert.rejects(MasterKeyFile.open(path), /not a valid EONPro master key file/);
  });

  it('refuses a wrapped key that was altered or wrapped under another master key', async () => {
    const provider = await MasterKeyFile.open(join(dir, 'tamper.json'));
    const other = await MasterKeyFile.open(join(dir, 'other.json'));
    const wrapped = await provider.wrap(randomBytes(32));
    const bytes = Buffer.from(wrapped.ciphertext, 'base64url');
    bytes[bytes.length - 1]! ^= 1;
    await assert.rejects(provider.unwrap({ ...wrapped, ciphertext: bytes.toString('base64url') }), /altered/);
    await assert.rejects(other.unwrap(wrapped), /wrapped under master key/);
  });

  it('adds a version that wraps from then on, unwraps older ones until they are retired, and persists both steps', async () => {
    const path = join(dir, 'rotate.json');
    const provider = await MasterKeyFile.open(path);
    const dataKey = randomBytes(32);
    const old = await provider.wrap(dataKey);
    assert.equal(await provider.addVersion(), 2);
    const fresh = await provider.wrap(dataKey);
    assert.equal(fresh.keyVersion, 2);
    // Another process holding the same file sees the new version without being told.
    const elsewhere = await MasterKeyFile.open(path);
    assert.deepEqual(await elsewhere.unwrap(fresh), dataKey);
    assert.deepEqual(await elsewhere.unwrap(old), dataKey);

    await provider.retireVersionsBefore(2);
    assert.equal((await stat(path)).mode & 0o777, 0o600);
    assert.deepEqual(JSON.parse(await readFile(path, 'utf8')).versions.map((v: { version: number }) => v.version), [2]);
    const afterRetirement = await MasterKeyFile.open(path);
    await assert.rejects(afterRetirement.unwrap(old), /version 1 is not in the master key/);
    assert.deepEqual(await afterRetirement.unwrap(fresh), dataKey);
  });

  it('lives beside an embedded database folder, in the env path when set, and must be named for PostgreSQL', () => {
    assert.equal(masterKeyFilePath({ kind: 'pglite', dataDir: '/srv/eonpro/server' }, undefined, {}), '/srv/eonpro/server-master-key.json');
    assert.equal(masterKeyFilePath({ kind: 'pglite' }, undefined, {}), null);
    assert.equal(masterKeyFilePath({ kind: 'postgres', url: 'postgres://db' }, undefined, { EONPRO_MASTER_KEY_FILE: '/etc/eonpro/master.json' }), '/etc/eonpro/master.json');
    assert.throws(() => masterKeyFilePath({ kind: 'postgres', url: 'postgres://db' }, undefined, {}), /EONPRO_MASTER_KEY_FILE/);
  });
});
