import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { pino } from 'pino';
import { readBaseline, readOutboxForRecord } from '../../../src/host/db/readers.ts';
import { getPatient, updatePatient } from '../../../src/host/local/patients.ts';
import { ServerConnection } from '../../../src/host/server/serverConnection.ts';
import { SessionManager } from '../../../src/host/session/sessionManager.ts';
import { pullChanges } from '../../../src/host/sync/pullChanges.ts';
import { patientInput } from '../support/patients.ts';
import { adminConsoleOf, ADMIN, hostAppCode, setUpClinicOnHost, startTestHost, type TestHost } from '../support/testHost.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { openTestStore, type TestStore } from '../support/testStore.ts';

describe('pulling a record that has local edits still in the outbox', () => {
  let server: TestServer;
  let a: TestHost;
  let local: TestStore;
  let connection: ServerConnection;
  before(async () => {
    server = await startTestServer();
    a = await startTestHost(server.url);
    await setUpClinicOnHost(a.caller, server, ADMIN);
    local = openTestStore({ boundToClinic: false });
    connection = new ServerConnection(server.url, () => undefined);
    const session = new SessionManager(connection, pino({ level: 'silent' }));
    // A new workstation: it registers, the administrator approves it, then the admin signs in on it.
    const signIn = () => session.signIn(local.store, { email: ADMIN.email, password: ADMIN.password });
    const first = await signIn().catch(async (error: unknown) => {
      if (hostAppCode(error) !== 'DEVICE_PENDING') throw error;
      await adminConsoleOf(server).approve(local.store.deviceId);
      return signIn();
    });
    assert.equal(first, null, 'a code comes next');
    const user = await session.completeMfa(local.store, { code: await server.authenticator.nextCode(ADMIN.email) });
    local.actor = { userId: user.id };
  });
  after(async () => {
    local?.cleanup();
    await a?.remove();
    await server?.remove();
  });

  const pull = () => pullChanges(local.store, connection, () => undefined);

  it('merges per field: the server change arrives, the pending local edit stays, and both are kept for a later undo', async () => {
    const { id } = await a.caller.patients.register(patientInput({ givenName: 'Outbox', familyName: 'Merge' }));
    await a.host.syncNow();
    await pull();
    const before = getPatient(local.store, id);
    updatePatient(local.store, local.actor, id, before.rev, { email: 'mine@example.org' });

    const onA = await a.caller.patients.get({ id });
    await a.caller.patients.update({ id, baseRev: onA.rev, changes: { postalCode: '54321' } });
    await a.host.syncNow();
    await pull();

    const merged = getPatient(local.store, id);
    assert.deepEqual([merged.email, merged.postalCode], ['mine@example.org', '54321']);
    assert.equal(readOutboxForRecord(local.store.db, 'patient', id).length, 1);
    const baseline = readBaseline(local.store.db, 'patient', id);
    assert.deepEqual([baseline?.fields.email, baseline?.fields.postalCode], [null, '54321']);
  });

  it('reports progress page by page: what arrived so far and what is still waiting', async () => {
    await a.caller.patients.register(patientInput({ givenName: 'Progress', familyName: 'Report' }));
    await a.host.syncNow();
    const progress: { received: number; remaining: number }[] = [];
    const received = await pullChanges(local.store, connection, (p) => progress.push(p));
    assert.ok(received >= 1);
    assert.deepEqual(progress.at(-1), { received, remaining: 0 });
  });

  it('a later edit of the same field elsewhere wins over an older pending one (last writer by HLC)', async () => {
    const { id } = await a.caller.patients.register(patientInput({ givenName: 'Later', familyName: 'Writer' }));
    await a.host.syncNow();
    await pull();
    updatePatient(local.store, local.actor, id, getPatient(local.store, id).rev, { phone: '555-0001' });
    const onA = await a.caller.patients.get({ id });
    await a.caller.patients.update({ id, baseRev: onA.rev, changes: { phone: '555-0002' } });
    await a.host.syncNow();
    await pull();
    assert.equal(getPatient(local.store, id).phone, '555-0002');
  });
});
