/**
 * The workstation and the sync server over real TLS: a throwaway clinic CA and server certificates made with the
 * openssl CLI; certificate checks are never turned off, so trust comes only from the CA file a host is given.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { AppError } from '@eonpro/core';
import { TRPCError } from '@trpc/server';
import { makeTestCertificates, type TestCertificates } from '../../../../sync-server/test/support/testCertificates.ts';
import { CERTIFICATE_PROBLEM_MESSAGES, certificateProblemOf } from '../../../src/host/server/certificateProblem.ts';
import { isConnectionFailure } from '../../../src/host/server/connectionFailure.ts';
import { readServerCaFile } from '../../../src/host/server/serverCaFile.ts';
import { ServerConnection } from '../../../src/host/server/serverConnection.ts';
import { toAppError } from '../../../src/host/server/serverErrors.ts';
import { startHost } from '../../../src/host/startHost.ts';
import { patientInput } from '../support/patients.ts';
import { makeTempDir } from '../support/tempDir.ts';
import { finishSecondStep } from '../support/testAuthenticator.ts';
import { ADMIN, hostAppCode, startTestHost, type TestHost } from '../support/testHost.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { fixedKeyProvider } from '../support/testStore.ts';

/** A host call's refusal: the AppError the renderer gets (the router wraps it in a TRPCError). */
async function refusal(call: Promise<unknown>): Promise<AppError> {
  const error = await call.then(
    () => assert.fail('expected a refusal'),
    (e: unknown) => e,
  );
  const appError = error instanceof TRPCError ? error.cause : error;
  assert.ok(appError instanceof AppError, `expected an AppError, got ${(error as Error).name}`);
  return appError;
}

describe('workstation to sync server over TLS', () => {
  let certificates: TestCertificates;
  let server: TestServer;
  let wrongName: TestServer;
  let expired: TestServer;
  const hosts: TestHost[] = [];
  const host = async (serverCaFile?: string) => {
    const started = await startTestHost(server.url, serverCaFile ? { serverCaFile } : {});
    hosts.push(started);
    return started;
  };
  const signIn = async (t: TestHost) => finishSecondStep(t.caller.session, server.authenticator, ADMIN.email, await t.caller.session.signIn(ADMIN));

  before(async () => {
    certificates = makeTestCertificates();
    const { certFile, keyFile, wrongNameCertFile, expiredCertFile } = certificates;
    [server, wrongName, expired] = await Promise.all([
      startTestServer({ tls: { certFile, keyFile } }),
      startTestServer({ tls: { certFile: wrongNameCertFile, keyFile } }),
      startTestServer({ tls: { certFile: expiredCertFile, keyFile } }),
    ]);
  });
  after(async () => {
    for (const started of hosts) await started.remove();
    await Promise.all([server, wrongName, expired].map((running) => running?.remove()));
    certificates?.remove();
  });

  let first: TestHost;
  let second: TestHost;
  let patientId: string;

  it('with the clinic CA, a workstation sets up the clinic and syncs over HTTPS; a second one receives its changes', async () => {
    assert.match(server.url, /^https:\/\//);
    first = await host(certificates.caFile);
    const status = await finishSecondStep(first.caller.session, server.authenticator, ADMIN.email, await first.caller.session.setupClinic(ADMIN));
    assert.equal(status.state, 'signed-in');
    ({ id: patientId } = await first.caller.patients.register(patientInput({ givenName: 'Tansy', familyName: 'Overbridge' })));
    const synced = await first.host.syncNow();
    assert.deepEqual({ state: synced.state, pending: synced.pending, lastError: synced.lastError }, { state: 'idle', pending: 0, lastError: null });

    second = await host(certificates.caFile);
    const pending = await refusal(second.caller.session.signIn(ADMIN));
    assert.equal(pending.code, 'DEVICE_PENDING');
    await first.caller.workstations.approve({ deviceId: (await second.caller.session.status()).deviceId! });
    assert.equal((await signIn(second)).state, 'signed-in');
    assert.equal((await second.host.syncNow()).state, 'idle');
    assert.equal((await second.caller.patients.get({ id: patientId })).familyName, 'Overbridge');
  });

  it('without the CA, a workstation refuses the server as untrusted, works offline and loses nothing; with it, all arrives', async () => {
    const stranger = await host();
    const untrusted = await refusal(stranger.caller.session.signIn(ADMIN));
    assert.equal(untrusted.code, 'OFFLINE');
    assert.equal(untrusted.message, CERTIFICATE_PROBLEM_MESSAGES.untrusted);
    assert.match(untrusted.message, /untrusted certificate/);

    // The first workstation started without its CA file: the person signs in offline and keeps working.
    await first.stop();
    const withoutCa = await startHost({ dataDir: first.folder.dir, serverUrl: server.url, keyProvider: fixedKeyProvider(first.key), syncIntervalMs: 60 * 60_000 });
    const caller = withoutCa.router.createCaller(withoutCa.createContext());
    await caller.session.signIn(ADMIN);
    const offline = await caller.session.status();
    assert.deepEqual({ state: offline.state, signedInOffline: offline.signedInOffline, online: offline.online }, { state: 'signed-in', signedInOffline: true, online: false });
    const { id } = await caller.patients.register(patientInput({ givenName: 'Quillon', familyName: 'Marchbank' }));
    const refused = await withoutCa.syncNow();
    assert.deepEqual({ state: refused.state, pending: refused.pending, lastError: refused.lastError }, { state: 'offline', pending: 1, lastError: CERTIFICATE_PROBLEM_MESSAGES.untrusted });
    await withoutCa.close();

    await first.restart();
    assert.equal((await signIn(first)).state, 'signed-in');
    const synced = await first.host.syncNow();
    assert.deepEqual({ state: synced.state, pending: synced.pending, lastError: synced.lastError }, { state: 'idle', pending: 0, lastError: null });
    assert.equal((await second.host.syncNow()).state, 'idle');
    assert.equal((await second.caller.patients.get({ id })).familyName, 'Marchbank', 'the change made while refused reached the server');
  });

  it('names a certificate made out for another address, and an expired one, as the reason it cannot connect', async () => {
    const caBundle = readServerCaFile(certificates.caFile);
    for (const [running, problem, phrase] of [
      [wrongName, 'name-mismatch', /name mismatch/],
      [expired, 'expired', /has expired/],
    ] as const) {
      const connection = new ServerConnection(running.url, () => undefined, { caBundle });
      const error = await connection.call((client) => client.health.query()).catch((e: unknown) => e);
      assert.equal(certificateProblemOf(error), problem);
      assert.equal(isConnectionFailure(error), true);
      assert.equal(connection.online, false);
      const shown = toAppError(error);
      assert.equal(shown.code, 'OFFLINE');
      assert.match(shown.message, phrase);
      assert.ok(!/\bat .+:\d+|Error:/.test(shown.message), shown.message);
    }
  });

  it('refuses to start with a CA file that is missing or holds no certificate, naming the file', async () => {
    const temp = makeTempDir();
    try {
      const missing = join(temp.dir, 'clinic-ca.pem');
      for (const [serverCaFile, message] of [
        [missing, `The sync server's CA file ${missing} cannot be read.`],
        [certificates.keyFile, `The sync server's CA file ${certificates.keyFile} does not hold a PEM certificate.`],
      ] as const) {
        const error = await startHost({ dataDir: temp.dir, serverUrl: server.url, serverCaFile, keyProvider: fixedKeyProvider(Buffer.alloc(32, 7)) }).catch((e: unknown) => e);
        assert.equal(hostAppCode(error), 'VALIDATION');
        assert.equal((error as AppError).message, message);
      }
    } finally {
      temp.remove();
    }
  });
});
