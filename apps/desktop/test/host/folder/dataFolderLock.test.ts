import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { AppError } from '@eonpro/core';
import { DATA_FOLDER_LOCK_FILE } from '../../../src/host/dataFolderLock.ts';
import { startHost } from '../../../src/host/startHost.ts';
import { makeTempDir } from '../support/tempDir.ts';
import { fixedKeyProvider } from '../support/testStore.ts';
import { unreachableServerUrl } from '../support/unreachableServer.ts';

describe('one host per data folder', () => {
  const key = randomBytes(32);
  let serverUrl: string;
  let temp: ReturnType<typeof makeTempDir>;
  const lockFile = () => join(temp.dir, DATA_FOLDER_LOCK_FILE);
  const open = () => startHost({ dataDir: temp.dir, serverUrl, keyProvider: fixedKeyProvider(key), syncIntervalMs: 60 * 60_000 });
  const refusal = (attempt: Promise<unknown>) => attempt.then(() => assert.fail('the second host opened the data folder'), (error: unknown) => error);

  before(async () => {
    serverUrl = await unreachableServerUrl();
  });
  after(() => temp.remove());

  it('refuses a second host while the first has the folder open, and allows it once the first closes', async () => {
    temp = makeTempDir();
    const first = await open();
    assert.equal(readFileSync(lockFile(), 'utf8').trim(), String(process.pid), 'the lock names the process holding the folder');

    const error = await refusal(open());
    assert.ok(error instanceof AppError);
    assert.equal(error.code, 'CONFLICT');
    assert.equal(error.message, `The data folder ${temp.dir} is already open in another EONPro Clinic workstation (process ${process.pid}). Close that one first, or give this workstation its own data folder.`);
    assert.equal(readFileSync(lockFile(), 'utf8').trim(), String(process.pid), "the refused host left the first one's lock alone");

    await first.close();
    assert.equal(existsSync(lockFile()), false, 'closing removes the lock');
    const second = await open();
    assert.equal(readFileSync(lockFile(), 'utf8').trim(), String(process.pid));
    await second.close();
  });

  it('refuses a folder held by another running process', async () => {
    temp.remove();
    temp = makeTempDir();
    writeFileSync(lockFile(), `${process.ppid}\n`);
    const error = await refusal(open());
    assert.ok(error instanceof AppError);
    assert.match(error.message, new RegExp(`already open in another EONPro Clinic workstation \\(process ${process.ppid}\\)`));
    assert.equal(readFileSync(lockFile(), 'utf8').trim(), String(process.ppid), "the other process's lock stays");
  });

  it('takes over a lock left by a process that is no longer running', async () => {
    temp.remove();
    temp = makeTempDir();
    const ended = spawnSync(process.execPath, ['-e', '']);
    assert.equal(ended.status, 0);
    writeFileSync(lockFile(), `${ended.pid}\n`);
    const host = await open();
    assert.equal(readFileSync(lockFile(), 'utf8').trim(), String(process.pid), 'the stale lock now names this process');
    await host.close();
    assert.equal(existsSync(lockFile()), false);
  });
});
