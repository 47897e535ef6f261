import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { REVOCATION_MARKER_FILE } from '../../../src/host/device/revocationMarker.ts';
import { makeTempDir } from '../support/tempDir.ts';
import { adminConsoleOf, ADMIN, setUpClinicOnHost, startTestHost, type TestHost } from '../support/testHost.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

const PROBE = join(import.meta.dirname, '../support/revocationProbe.ts');

interface ProbeResult {
  keychain: boolean;
  deviceId: string;
  signInCode: string | null;
  state: string;
  keyInKeychain: boolean;
  databaseFiles: number;
  reason: string | null;
}

/**
 * Runs the probe in a private D-Bus session with gnome-keyring's secret service, the keyring kept under `home`.
 * Asynchronously: the sync server it talks to runs in this process.
 */
async function runProbe(home: string, dataDir: string, serverUrl: string): Promise<ProbeResult> {
  const script = `printf %s keyring-test-password | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "${process.execPath}" --import tsx "${PROBE}" "$@"`;
  const { stdout } = await promisify(execFile)('dbus-run-session', ['--', 'sh', '-c', script, 'probe', dataDir, serverUrl, ADMIN.email, ADMIN.password], {
    env: { ...process.env, HOME: home, XDG_DATA_HOME: join(home, '.local/share'), XDG_RUNTIME_DIR: home },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return JSON.parse(stdout) as ProbeResult;
}

describe('a revoked workstation whose key is in the OS keychain', () => {
  let server: TestServer;
  let clinicHost: TestHost;
  const home = makeTempDir('eonpro-keyring-');
  const data = makeTempDir();

  before(async () => {
    server = await startTestServer();
    clinicHost = await startTestHost(server.url);
    await setUpClinicOnHost(clinicHost.caller, server, ADMIN);
  });
  after(async () => {
    await clinicHost?.remove();
    await server?.remove();
    home.remove();
    data.remove();
  });

  it('deletes its keychain entry with its database at its next contact, and keeps only the marker', async () => {
    const registered = await runProbe(home.dir, data.dir, server.url);
    assert.equal(registered.keychain, true);
    assert.equal(registered.signInCode, 'DEVICE_PENDING');
    assert.equal(registered.keyInKeychain, true);
    assert.equal(registered.databaseFiles, 1);

    await adminConsoleOf(server).revoke(registered.deviceId, 'Sold with the old hardware');
    const contacted = await runProbe(home.dir, data.dir, server.url);
    assert.equal(contacted.signInCode, 'DEVICE_REVOKED');
    assert.equal(contacted.state, 'workstation-revoked');
    assert.equal(contacted.reason, 'Sold with the old hardware');
    assert.equal(contacted.keyInKeychain, false);
    assert.equal(contacted.databaseFiles, 0);
    assert.ok(existsSync(join(data.dir, REVOCATION_MARKER_FILE)));
  });
});
