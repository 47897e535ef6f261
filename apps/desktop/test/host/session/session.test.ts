import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { TRPCError } from '@trpc/server';
import { AppError } from '@eonpro/core';
import { startHost } from '../../../src/host/startHost.ts';
import { PassphraseKeyProvider } from '../../../src/host/keys/passphraseKeyProvider.ts';
import { ADMIN, setUpClinicOnHost, signInOnHost, startTestHost, type TestHost } from '../support/testHost.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { makeTempDir } from '../support/tempDir.ts';

/** The AppError code a host procedure failed with. */
function appCode(error: unknown): string | undefined {
  return error instanceof TRPCError && error.cause instanceof AppError ? error.cause.code : undefined;
}

describe('session', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
    const first = await startTestHost(server.url);
    assert.equal((await first.caller.session.status()).state, 'needs-setup');
    const status = await setUpClinicOnHost(first.caller, server, ADMIN);
    assert.equal(status.state, 'signed-in');
    assert.equal(status.clinicName, ADMIN.clinicName);
    assert.deepEqual([status.user?.email, status.user?.role], [ADMIN.email, 'admin']);
    await first.remove();
  });
  after(async () => server?.remove());

  describe('on a workstation with its key at hand', () => {
    let host: TestHost;
    before(async () => {
      host = await startTestHost(server.url);
    });
    after(async () => host?.remove());

    it('is signed out once the clinic exists, and says where it syncs and which device it is', async () => {
      const status = await host.caller.session.status();
      assert.equal(status.state, 'signed-out');
      assert.equal(status.serverUrl, server.url);
      assert.match(status.deviceId ?? '', /^[0-9a-f-]{36}$/);
      assert.equal(status.online, true);
    });

    it('refuses a wrong password with the server’s reason and stays signed out', async () => {
      await assert.rejects(host.caller.session.signIn({ email: ADMIN.email, password: 'wrong password, twelve+' }), (error: unknown) => appCode(error) === 'UNAUTHORIZED');
      assert.equal((await host.caller.session.status()).state, 'signed-out');
    });

    it('patient procedures need a signed-in user', async () => {
      await assert.rejects(host.caller.patients.search({ query: 'anyone' }), (error: unknown) => appCode(error) === 'UNAUTHORIZED');
    });

    it('signs in and out', async () => {
      const signedIn = await signInOnHost(host.caller, server, ADMIN);
      assert.equal(signedIn.state, 'signed-in');
      assert.deepEqual((await host.caller.patients.search({ query: 'nobody here' })).results, []);
      const signedOut = await host.caller.session.signOut();
      assert.equal(signedOut.state, 'signed-out');
      assert.equal(signedOut.user, null);
      await assert.rejects(host.caller.sync.status(), (error: unknown) => appCode(error) === 'UNAUTHORIZED');
    });
  });

  it('a workstation belongs to one clinic: an account of another clinic cannot sign in on it', async () => {
    const other = await startTestServer();
    const host = await startTestHost(server.url);
    try {
      await signInOnHost(host.caller, server, ADMIN);
      await host.restart(other.url);
      await setUpClinicOnHost(host.caller, other, { ...ADMIN, clinicName: 'Other Clinic', email: 'boss@other.test' }).then(
        () => assert.fail('signed in to another clinic'),
        (error: unknown) => assert.equal(appCode(error), 'FORBIDDEN'),
      );
      assert.equal((await host.caller.session.status()).state, 'signed-out');
    } finally {
      await host.remove();
      await other.remove();
    }
  });

  it('without an OS keychain it starts locked; the first passphrase sets it, a wrong one later is refused', async () => {
    const temp = makeTempDir();
    const keyPath = join(temp.dir, 'workstation-key.json');
    try {
      let host = await startHost({ dataDir: temp.dir, serverUrl: server.url, keyProvider: new PassphraseKeyProvider(keyPath) });
      let caller = host.router.createCaller(host.createContext());
      assert.deepEqual(await caller.session.status().then((s) => [s.state, s.deviceId, s.needsNewPassphrase]), ['workstation-locked', null, true]);
      await assert.rejects(caller.patients.search({ query: 'x' }), (error: unknown) => appCode(error) === 'LOCKED');
      await assert.rejects(caller.session.unlockWorkstation({ passphrase: 'short' }), (error: unknown) => appCode(error) === 'VALIDATION');
      const unlocked = await caller.session.unlockWorkstation({ passphrase: 'a long workstation passphrase' });
      assert.equal(unlocked.state, 'signed-out');
      const deviceId = unlocked.deviceId;
      await host.close();

      host = await startHost({ dataDir: temp.dir, serverUrl: server.url, keyProvider: new PassphraseKeyProvider(keyPath) });
      caller = host.router.createCaller(host.createContext());
      await assert.rejects(caller.session.unlockWorkstation({ passphrase: 'not the workstation passphrase' }), (error: unknown) => appCode(error) === 'UNAUTHORIZED');
      assert.deepEqual(await caller.session.status().then((s) => [s.state, s.needsNewPassphrase]), ['workstation-locked', false]);
      const again = await caller.session.unlockWorkstation({ passphrase: 'a long workstation passphrase' });
      assert.equal(again.deviceId, deviceId);
      await host.close();
    } finally {
      temp.remove();
    }
  });
});
