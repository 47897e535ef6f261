import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { prepareDataFolder, type DataFolder } from '../../apps/desktop/src/host/dataFolder.ts';
import { PassphraseKeyProvider } from '../../apps/desktop/src/host/keys/passphraseKeyProvider.ts';
import { recordWorkday, tamper } from '../../apps/desktop/test/host/audit/tamper.ts';
import { makeTempDir } from '../../apps/desktop/test/host/support/tempDir.ts';
import { openBoundStore } from '../../apps/desktop/test/host/support/testStore.ts';

const SCRIPT = resolve(import.meta.dirname, '../audit-verify.ts');
const PASSPHRASE = 'a long workstation passphrase';

function runVerify(dataDir: string, passphrase: string | null = PASSPHRASE) {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.EONPRO_WORKSTATION_PASSPHRASE;
  if (passphrase !== null) env.EONPRO_WORKSTATION_PASSPHRASE = passphrase;
  const run = spawnSync(process.execPath, ['--import', 'tsx', SCRIPT, '--desktop', dataDir], { encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'pipe'] });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** A workstation data folder with a passphrase-wrapped key and twelve audit entries. */
async function makeWorkstation(temp: { dir: string }): Promise<{ folder: DataFolder; key: Buffer }> {
  const folder = prepareDataFolder(temp.dir);
  const provider = new PassphraseKeyProvider(folder.wrappedKeyPath);
  await provider.unlock(PASSPHRASE);
  const key = await provider.getDatabaseKey();
  const store = openBoundStore(folder.databasePath, key);
  recordWorkday(store, 12);
  store.close();
  return { folder, key };
}

describe('npm run audit:verify -- --desktop <folder>', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(() => temp.remove());

  it('reports an intact chain with its length and head, exit 0', async () => {
    const { folder } = await makeWorkstation(temp);
    const { code, stdout } = runVerify(folder.dir);
    assert.equal(code, 0, stdout);
    assert.match(stdout, /intact: 12 entries, head [0-9a-f]{64}/);
  });

  it('names the first broken link of a tampered chain, exit 1', async () => {
    const { folder, key } = await makeWorkstation(temp);
    const store = openBoundStore(folder.databasePath, key);
    tamper(store.db, 'DELETE FROM audit_entries WHERE device_seq = 7');
    store.close();
    const { code, stdout } = runVerify(folder.dir);
    assert.equal(code, 1, stdout);
    assert.match(stdout, /BROKEN at device entry 7 .*\[sequence-gap\]/);
  });

  it('cannot run without the right passphrase or a workstation database, exit 2', async () => {
    const { folder } = await makeWorkstation(temp);
    const wrong = runVerify(folder.dir, 'not the workstation passphrase');
    assert.equal(wrong.code, 2);
    assert.match(wrong.stderr, /passphrase/i);
    const none = runVerify(join(temp.dir, 'no-such-folder'));
    assert.equal(none.code, 2);
    assert.match(none.stderr, /No workstation database/);
  });
});
