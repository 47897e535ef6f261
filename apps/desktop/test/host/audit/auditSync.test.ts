import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import type { ChainHead } from '@eonpro/core';
import { countUnsentAuditEntries, readAuditEntries, readAuditHeads, saveAcknowledgedHead } from '../../../src/host/audit/auditRows.ts';
import type { HostRuntime } from '../../../src/host/hostRuntime.ts';
import { patientInput } from '../support/patients.ts';
import { ADMIN, setUpClinicOnHost, signInOnHost, startTestHost, type TestHost } from '../support/testHost.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { hostAuditEntries, hostDb } from './hostAudit.ts';
import { forgeEntries, insertRaw, tamper } from './tamper.ts';

describe('the workstation audit chain reaches the server', () => {
  let server: TestServer;
  let t: TestHost;
  before(async () => {
    server = await startTestServer();
    const first = await startTestHost(server.url);
    await setUpClinicOnHost(first.caller, server, ADMIN);
    await first.remove();
  });
  after(async () => server?.remove());
  beforeEach(async () => {
    t = await startTestHost(server.url);
    await signInOnHost(t.caller, server, ADMIN);
    await t.host.syncNow(); // after the sync a sign-in starts on its own, so each test begins from a settled state
  });
  afterEach(async () => t?.remove());

  const runtime = (): HostRuntime => t.host.createContext().host;
  const serverDeviceHead = (): Promise<ChainHead> =>
    runtime().connection.authorized((client) => client.audit.deviceHead.query({ deviceId: runtime().requireStore().deviceId }));

  /** A little work at the workstation: register, chart, search. */
  async function work(): Promise<void> {
    const { id } = await t.caller.patients.register(patientInput());
    await t.caller.chart.summary({ patientId: id });
    await t.caller.patients.search({ query: 'Ada Testperson' });
  }

  it('sends every entry after the push, in device order, and marks them sent where the server acknowledges', async () => {
    await work();
    const recordedBeforeSync = readAuditHeads(hostDb(t.host)).recorded;
    const status = await t.host.syncNow();
    assert.equal(status.state, 'idle', status.lastError ?? '');

    const { acknowledged } = readAuditHeads(hostDb(t.host));
    assert.ok(acknowledged.seq > recordedBeforeSync.seq, 'the sync-push entry went out with the rest');
    assert.deepEqual(await serverDeviceHead(), acknowledged);
    const events = hostAuditEntries(t.host).map((entry) => entry.event);
    const push = events.find((event) => event.action === 'sync-push')!;
    assert.deepEqual(push.detail, { accepted: 1, rejected: 0 });

    // Whatever was recorded after the audit push (the pull's own entry) goes with the next sync.
    await t.host.syncNow();
    assert.equal(countUnsentAuditEntries(hostDb(t.host)), 0);
    assert.deepEqual(await serverDeviceHead(), readAuditHeads(hostDb(t.host)).recorded);
  });

  it('sending again entries the server already holds is harmless: a lost answer is simply retried', async () => {
    await work();
    const db = hostDb(t.host);
    const sentBefore = readAuditHeads(db).acknowledged;
    const entries = readAuditEntries(db, sentBefore.seq, 500);
    // The first attempt reached the server, but its answer never came back: nothing is marked sent here.
    const first = await runtime().connection.authorized((client) =>
      client.audit.pushDeviceEntries.mutate({ deviceId: runtime().requireStore().deviceId, entries }),
    );
    assert.deepEqual([first.appended, first.alreadyHeld], [entries.length, 0]);
    assert.deepEqual(readAuditHeads(db).acknowledged, sentBefore);

    const status = await t.host.syncNow();
    assert.equal(status.state, 'idle', status.lastError ?? '');
    assert.deepEqual(await serverDeviceHead(), readAuditHeads(db).acknowledged);
    const verification = await runtime().connection.authorized((client) => client.audit.verify.query({}));
    assert.equal(verification.ok, true, JSON.stringify(verification));
  });

  it('when the server holds fewer entries than it once acknowledged (restored from a backup), sending resumes from its head', async () => {
    await work();
    await t.host.syncNow();
    await work();
    const db = hostDb(t.host);
    // As if the server had acknowledged these too and then lost them.
    const { recorded } = readAuditHeads(db);
    t.host.createContext().host.requireStore().transaction(() => saveAcknowledgedHead(db, recorded));
    const status = await t.host.syncNow();
    assert.equal(status.state, 'idle', status.lastError ?? '');
    assert.deepEqual(await serverDeviceHead(), readAuditHeads(db).acknowledged);
    assert.equal(countUnsentAuditEntries(db), readAuditHeads(db).recorded.seq - readAuditHeads(db).acknowledged.seq);
  });

  it('a workstation whose chain no longer matches the server’s is told so, and still receives the server’s changes', async () => {
    await work();
    await t.host.syncNow();
    const db = hostDb(t.host);
    const { acknowledged } = readAuditHeads(db);
    // Someone rewrites history from an entry the server already holds (hashes and all) and winds the heads back.
    const original = readAuditEntries(db, acknowledged.seq - 1, 1)[0]!;
    const [forged] = forgeEntries({ seq: original.deviceSeq - 1, hash: original.devicePrevHash }, original.event, 1);
    tamper(db, 'DELETE FROM audit_entries WHERE device_seq >= ?', original.deviceSeq);
    insertRaw(db, [forged!]);
    tamper(db, 'UPDATE audit_head SET recorded_seq = ?, recorded_hash = ?, acknowledged_seq = ?, acknowledged_hash = ? WHERE id = 1',
      forged!.deviceSeq, forged!.deviceHash, original.deviceSeq - 1, original.devicePrevHash);

    const other = await startTestHost(server.url);
    try {
      await signInOnHost(other.caller, server, ADMIN);
      const { id } = await other.caller.patients.register(patientInput({ givenName: 'Arrives', familyName: 'Anyway' }));
      await other.host.syncNow();

      const status = await t.host.syncNow();
      assert.equal(status.state, 'error');
      assert.ok(status.lastError);
      assert.equal((await t.caller.patients.get({ id })).id, id, 'the pull ran despite the refused audit push');
    } finally {
      await other.remove();
    }
  });
});
