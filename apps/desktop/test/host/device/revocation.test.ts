import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { deviceFingerprint } from '@eonpro/core';
import { REVOCATION_MARKER_FILE } from '../../../src/host/device/revocationMarker.ts';
import { prepareDataFolder } from '../../../src/host/dataFolder.ts';
import { PassphraseKeyProvider } from '../../../src/host/keys/passphraseKeyProvider.ts';
import { startHost, type Host } from '../../../src/host/startHost.ts';
import { adminConsoleOf, ADMIN, hostAppCode, setUpClinicOnHost, signInOnHost, startTestHost, type TestHost } from '../support/testHost.ts';
import { patientInput } from '../support/patients.ts';
import { makeTempDir } from '../support/tempDir.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

const PASSPHRASE = 'workstation passphrase for the test';

/** A workstation whose key is wrapped by a passphrase (a real key file next to the database), as on a machine without a keychain. */
async function startPassphraseHost(dataDir: string, serverUrl: string): Promise<{ host: Host; caller: ReturnType<Host['router']['createCaller']> }> {
  const host = await startHost({ dataDir, serverUrl, keyProvider: new PassphraseKeyProvider(prepareDataFolder(dataDir).wrappedKeyPath), syncIntervalMs: 60 * 60_000 });
  const caller = host.router.createCaller(host.createContext());
  return { host, caller };
}

describe('a workstation revoked by the clinic', () => {
  let server: TestServer;
  let clinicHost: TestHost;
  const data = makeTempDir();
  let workstation: Awaited<ReturnType<typeof startPassphraseHost>>;

  before(async () => {
    server = await startTestServer();
    clinicHost = await startTestHost(server.url);
    await setUpClinicOnHost(clinicHost.caller, server, ADMIN);
    workstation = await startPassphraseHost(data.dir, server.url);
    await workstation.caller.session.unlockWorkstation({ passphrase: PASSPHRASE });
  });
  after(async () => {
    await workstation?.host.close();
    await clinicHost?.remove();
    await server?.remove();
    data.remove();
  });

  it('waits for approval showing its code, which matches the administrator’s list, and signs in once approved', async () => {
    const refused = await workstation.caller.session.signIn({ email: ADMIN.email, password: ADMIN.password }).catch((error: unknown) => error);
    assert.equal(hostAppCode(refused), 'DEVICE_PENDING');
    const waiting = await workstation.caller.session.status();
    assert.equal(waiting.state, 'workstation-pending');
    assert.match(waiting.pendingApproval?.code ?? '', /^[0-9A-F]{4}-[0-9A-F]{4}$/);

    const listed = (await adminConsoleOf(server).list()).devices.find((device) => device.id === waiting.deviceId);
    assert.equal(listed?.status, 'pending');
    assert.equal(listed?.fingerprint, waiting.pendingApproval?.code);
    assert.equal((await workstation.caller.workstations.checkApproval()).state, 'workstation-pending');

    // Someone else may sign in instead; the workstation still waits.
    assert.equal((await workstation.caller.workstations.leaveWaiting()).state, 'signed-out');
    const again = await workstation.caller.session.signIn({ email: ADMIN.email, password: ADMIN.password }).catch((error: unknown) => error);
    assert.equal(hostAppCode(again), 'DEVICE_PENDING');
    assert.equal((await workstation.caller.session.status()).state, 'workstation-pending');

    await adminConsoleOf(server).approve(waiting.deviceId!);
    const approved = await workstation.caller.workstations.checkApproval();
    assert.equal(approved.state, 'signed-out');
    assert.equal(approved.pendingApproval, null);
    assert.equal((await signInOnHost(workstation.caller, server, ADMIN)).state, 'signed-in');
  });

  it('at its next sync erases its database, -wal, -shm and key file, keeps a marker counting the unsent changes it erased, and its push never arrives', async () => {
    const folder = prepareDataFolder(data.dir);
    await workstation.caller.patients.register(patientInput({ givenName: 'Synced', familyName: 'Before' }));
    assert.equal((await workstation.host.syncNow()).pending, 0);
    const { deviceId } = await workstation.caller.session.status();

    await adminConsoleOf(server).revoke(deviceId!, 'Laptop stolen from the car');
    await workstation.caller.patients.register(patientInput({ givenName: 'Written', familyName: 'After' }));
    const sync = await workstation.host.syncNow().catch((error: unknown) => error);
    assert.equal(hostAppCode(sync), 'DEVICE_REVOKED');

    for (const file of [folder.databasePath, `${folder.databasePath}-wal`, `${folder.databasePath}-shm`, folder.wrappedKeyPath]) {
      assert.equal(existsSync(file), false, `${file} is gone`);
    }
    const marker = JSON.parse(readFileSync(join(data.dir, REVOCATION_MARKER_FILE), 'utf8')) as Record<string, string | number>;
    assert.equal(marker.reason, 'Laptop stolen from the car');
    assert.ok(Date.parse(String(marker.revokedAt)) && Date.parse(String(marker.erasedAt)));
    assert.deepEqual(Object.keys(marker).sort(), ['erasedAt', 'reason', 'revokedAt', 'unsentChanges']);
    // The patient registered after the revocation never reached the clinic: erased by design, and counted so it is told.
    assert.equal(marker.unsentChanges, 1);

    const status = await workstation.caller.session.status();
    assert.equal(status.state, 'workstation-revoked');
    assert.equal(status.user, null);
    assert.equal(status.revocation?.reason, 'Laptop stolen from the car');
    assert.equal(status.revocation?.unsentChanges, 1);
    const search = await workstation.caller.patients.search({ query: 'Synced' }).catch((error: unknown) => error);
    assert.equal(hostAppCode(search), 'DEVICE_REVOKED');

    // The change made after the revocation was refused: the clinic never received it.
    await clinicHost.host.syncNow();
    assert.equal((await clinicHost.caller.patients.search({ query: 'Written After' })).results.length, 0);
    assert.equal((await clinicHost.caller.patients.search({ query: 'Synced Before' })).results.length, 1);
  });

  it('stays revoked after a restart, and can be set up again as a new workstation that waits for approval', async () => {
    await workstation.host.close();
    workstation = await startPassphraseHost(data.dir, server.url);
    const restarted = await workstation.caller.session.status();
    assert.equal(restarted.state, 'workstation-revoked');
    assert.equal(restarted.revocation?.reason, 'Laptop stolen from the car');
    assert.equal(restarted.revocation?.unsentChanges, 1, 'the count survives a restart');

    const fresh = await workstation.caller.workstations.setUpAgain();
    assert.equal(fresh.state, 'workstation-locked');
    assert.equal(fresh.needsNewPassphrase, true, 'the old key is gone: a new passphrase makes a new one');
    await workstation.caller.session.unlockWorkstation({ passphrase: `${PASSPHRASE} again` });
    const refused = await workstation.caller.session.signIn({ email: ADMIN.email, password: ADMIN.password }).catch((error: unknown) => error);
    assert.equal(hostAppCode(refused), 'DEVICE_PENDING');
    const waiting = await workstation.caller.session.status();
    assert.equal(waiting.state, 'workstation-pending');
    const listed = (await adminConsoleOf(server).list()).devices.find((device) => device.id === waiting.deviceId);
    assert.equal(listed?.status, 'pending');
    assert.equal(listed?.fingerprint, waiting.pendingApproval?.code);
    assert.notEqual(listed?.fingerprint, deviceFingerprint('A'.repeat(43)));
    assert.equal(existsSync(join(data.dir, REVOCATION_MARKER_FILE)), false);
  });
});
