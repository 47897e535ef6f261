import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { readSyncState } from '../../../src/host/db/readers.ts';
import { PULL_PAGE_SIZE } from '../../../src/host/sync/pullChanges.ts';
import { startCuttableProxy, type CuttableProxy } from '../support/cuttableProxy.ts';
import { countRows } from '../support/outboxRows.ts';
import { patientInput } from '../support/patients.ts';
import { ADMIN, setUpClinicOnHost, signInOnHost, startTestHost, type TestHost } from '../support/testHost.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

const PATIENTS = PULL_PAGE_SIZE + 50;

describe('a pull cut off half-way', () => {
  let server: TestServer;
  let proxy: CuttableProxy;
  let a: TestHost;
  let b: TestHost;
  before(async () => {
    server = await startTestServer();
    proxy = await startCuttableProxy(server.url);
    a = await startTestHost(server.url);
    b = await startTestHost(proxy.url);
    await setUpClinicOnHost(a.caller, server, ADMIN);
    for (let i = 0; i < PATIENTS; i++) {
      await a.caller.patients.register(patientInput({ givenName: `Bulk${i}`, familyName: 'Resume', mrn: `RES-${i}` }));
    }
    assert.equal((await a.host.syncNow()).pending, 0);
  });
  after(async () => {
    await a?.remove();
    await b?.remove();
    await proxy?.close();
    await server?.remove();
  });

  function storedOnB(): { patients: number; cursor: number } {
    const store = b.openStore();
    try {
      return { patients: countRows(store.db, 'patients'), cursor: readSyncState(store.db)!.cursor };
    } finally {
      store.close();
    }
  }

  it('keeps the pages it stored, reports offline, and resumes from the stored cursor', async () => {
    proxy.cutPullsAfter = 1;
    // Signing in starts a sync; syncNow waits for it and tries once more: every pull after the first is cut.
    await signInOnHost(b.caller, server, ADMIN);
    const cut = await b.host.syncNow();
    assert.equal(cut.state, 'offline');
    const stored = storedOnB();
    assert.equal(stored.patients, PULL_PAGE_SIZE);
    assert.ok(stored.cursor > 0);
    assert.equal(proxy.pullCursors[0], 0);
    assert.ok(proxy.pullCursors.length >= 2);
    assert.ok(proxy.pullCursors.slice(1).every((cursor) => cursor === stored.cursor), 'every retry asks from the stored cursor');

    proxy.cutPullsAfter = null;
    const cutAttempts = proxy.pullCursors.length;
    const resumed = await b.host.syncNow();
    assert.equal(resumed.state, 'idle');
    assert.equal(proxy.pullCursors[cutAttempts], stored.cursor);
    assert.equal(storedOnB().patients, PATIENTS);
  });
});
