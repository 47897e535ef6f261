import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { prepareDataFolder } from '../../../src/host/dataFolder.ts';
import { filesContainingKey } from '../support/noKeyOnDisk.ts';
import { makeTempDir } from '../support/tempDir.ts';

const PROBE = join(import.meta.dirname, '../support/keychainProbe.ts');

/** Runs the probe in a private D-Bus session with gnome-keyring's secret service, the keyring kept under `home`. */
function runProbe(home: string, dataDir: string): { keychain: boolean; keyHex: string; patientsBefore: number } {
  const script = `printf %s keyring-test-password | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "${process.execPath}" --import tsx "${PROBE}" "${dataDir}"`;
  const output = execFileSync('dbus-run-session', ['--', 'sh', '-c', script], {
    env: { ...process.env, HOME: home, XDG_DATA_HOME: join(home, '.local/share'), XDG_RUNTIME_DIR: home },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
    timeout: 60_000,
  });
  return JSON.parse(output) as { keychain: boolean; keyHex: string; patientsBefore: number };
}

describe('keychain key provider (libsecret through keytar)', () => {
  let home: ReturnType<typeof makeTempDir>;
  let data: ReturnType<typeof makeTempDir>;
  before(() => {
    home = makeTempDir('eonpro-keyring-');
    data = makeTempDir();
  });
  after(() => {
    home.remove();
    data.remove();
  });

  it('is chosen when a secret service answers, keeps the key only in the keychain, and reopens the database with it', () => {
    const first = runProbe(home.dir, data.dir);
    assert.equal(first.keychain, true);
    assert.equal(first.patientsBefore, 0);
    const folder = prepareDataFolder(data.dir);
    assert.equal(existsSync(folder.wrappedKeyPath), false);
    assert.deepEqual(filesContainingKey(data.dir, Buffer.from(first.keyHex, 'hex')), []);

    const second = runProbe(home.dir, data.dir);
    assert.equal(second.keychain, true);
    assert.equal(second.keyHex, first.keyHex);
    assert.equal(second.patientsBefore, 1);
  });
});
