import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { after, before, describe, it } from 'node:test';
import { SYNC_PROTOCOL_VERSION, SYNC_SCHEMA_VERSION, uuidv7 } from '@eonpro/core';
import { ServerConnection } from '../../../src/host/server/serverConnection.ts';
import { isConnectionFailure } from '../../../src/host/server/connectionFailure.ts';
import { toAppError } from '../../../src/host/server/serverErrors.ts';
import { DeviceIdentity } from '../../../src/host/device/deviceIdentity.ts';
import { serverAppCode } from '../support/adminConsole.ts';
import { adminConsoleOf, ADMIN, setUpClinicOnHost, startTestHost } from '../support/testHost.ts';
import { openTestStore, type TestStore } from '../support/testStore.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { unreachableServerUrl } from '../support/unreachableServer.ts';

describe('connection to the sync server', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
    const first = await startTestHost(server.url);
    await setUpClinicOnHost(first.caller, server, ADMIN);
    await first.remove();
  });
  after(async () => server?.remove());

  /** Each connection is a new workstation: its device key in a real store, approved by the administrator. */
  const stores: TestStore[] = [];
  after(() => stores.forEach((store) => store.cleanup()));

  async function signedIn(onEnded: () => void = () => undefined) {
    const workstation = openTestStore({ boundToClinic: false });
    stores.push(workstation);
    const identity = DeviceIdentity.read(workstation.store.db, workstation.store.deviceId);
    const connection = new ServerConnection(server.url, onEnded);
    connection.refreshProof = (refreshToken) => identity.proof('refresh', refreshToken, connection.serverUrl);
    const signIn = () =>
      connection.call((client) =>
        client.auth.signIn.mutate({
          email: ADMIN.email,
          password: ADMIN.password,
          deviceId: identity.deviceId,
          deviceName: hostname(),
          ...identity.signInFields(ADMIN.email, connection.serverUrl),
        }),
      );
    const answer = await signIn().catch(async (error: unknown) => {
      if (serverAppCode(error) !== 'DEVICE_PENDING') throw error;
      await adminConsoleOf(server).approve(identity.deviceId);
      return signIn();
    });
    // The admin set up an authenticator when the clinic was created: a code follows the password.
    if (answer.status !== 'mfa-required') throw new Error(`expected the second step, got ${answer.status}`);
    const code = await server.authenticator.nextCode(ADMIN.email);
    const session = await connection.call((client) => client.auth.completeMfa.mutate({ challengeToken: answer.challengeToken, code }));
    connection.setTokens(session);
    return { connection, session };
  }
  const pull = (connection: ServerConnection) =>
    connection.authorized((client) => client.sync.pull.query({ protocolVersion: SYNC_PROTOCOL_VERSION, schemaVersion: SYNC_SCHEMA_VERSION, cursor: 0 }));

  it('refreshes the access token before a call when it is about to expire, rotating the refresh token', async () => {
    const { connection, session } = await signedIn();
    connection.setTokens({ ...session, accessTokenExpiresAt: new Date(Date.now() - 1_000).toISOString() });
    await pull(connection);
    assert.notEqual(connection.refreshToken, session.refreshToken);
  });

  it('refreshes once and retries when the server refuses the access token', async () => {
    const { connection, session } = await signedIn();
    connection.setTokens({ ...session, accessToken: 'not-a-token' });
    const page = await pull(connection);
    assert.equal(typeof page.cursor, 'number');
  });

  it('ends the session when the refresh token is refused too', async () => {
    let ended = 0;
    const { connection, session } = await signedIn(() => ended++);
    connection.setTokens({ ...session, accessToken: 'not-a-token', refreshToken: randomUUID() });
    await assert.rejects(pull(connection));
    assert.equal(ended, 1);
    assert.equal(connection.signedIn, false);
  });

  it('tells a refused connection (offline) from an answer, and says so without details', async () => {
    const connection = new ServerConnection(await unreachableServerUrl(), () => undefined);
    const error = await connection.call((client) => client.health.query()).catch((e: unknown) => e);
    assert.equal(isConnectionFailure(error), true);
    assert.equal(connection.online, false);
    assert.equal(toAppError(error).code, 'OFFLINE');

    const answered = new ServerConnection(server.url, () => undefined);
    const refusal = await answered.call((client) => client.auth.signIn.mutate({ email: ADMIN.email, password: 'wrong password, twelve+', deviceId: uuidv7(), deviceName: 'x' })).catch((e: unknown) => e);
    assert.equal(isConnectionFailure(refusal), false);
    assert.equal(answered.online, true);
    assert.equal(toAppError(refusal).code, 'UNAUTHORIZED');
  });
});
