import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { patientInput } from '../support/patients.ts';
import { ADMIN, signInOnHost, startTestHost, type TestHost } from '../support/testHost.ts';
import type { TestServer } from '../support/testServer.ts';
import { startWorkstationPair, type WorkstationPair } from '../support/workstationPair.ts';

describe('two workstations syncing through a real sync server', () => {
  let pair: WorkstationPair;
  let server: TestServer;
  let a: TestHost;
  let b: TestHost;
  before(async () => {
    pair = await startWorkstationPair();
    ({ server, a, b } = pair);
  });
  after(() => pair?.remove());

  it('A charts and syncs; B pulls and sees the patient and the chart', async () => {
    const { id } = await a.caller.patients.register(patientInput({ givenName: 'Winifred', familyName: 'Synctest' }));
    await a.caller.allergies.record({ patientId: id, substance: 'Penicillin', status: 'active', recordedDate: '2024-05-01', criticality: 'high' });
    const pushed = await a.host.syncNow();
    assert.equal(pushed.state, 'idle');
    assert.equal(pushed.pending, 0);
    assert.deepEqual(pushed.rejected, []);

    const pulled = await b.host.syncNow();
    assert.equal(pulled.state, 'idle');
    const { results } = await b.caller.patients.search({ query: 'Winifred Synctest' });
    assert.deepEqual(results.map((r) => r.id), [id]);
    const chart = await b.caller.chart.summary({ patientId: id });
    assert.deepEqual(chart.allergies.map((x) => [x.substance, x.criticality]), [['Penicillin', 'high']]);
  });

  it('edits of different fields on both workstations merge on both', async () => {
    const { id } = await a.caller.patients.register(patientInput({ givenName: 'Mergeable', familyName: 'Fields' }));
    await a.host.syncNow();
    await b.host.syncNow();
    const onA = await a.caller.patients.get({ id });
    const onB = await b.caller.patients.get({ id });
    await a.caller.patients.update({ id, baseRev: onA.rev, changes: { phone: '555-0101' } });
    await b.caller.patients.update({ id, baseRev: onB.rev, changes: { city: 'Millbrook' } });
    await a.host.syncNow();
    await b.host.syncNow();
    await a.host.syncNow();
    for (const host of [a, b]) {
      const patient = await host.caller.patients.get({ id });
      assert.deepEqual([patient.phone, patient.city], ['555-0101', 'Millbrook']);
    }
  });

  it('a workstation syncing on its interval picks up changes without being asked', async () => {
    const c = await startTestHost(server.url, { syncIntervalMs: 100 });
    try {
      await signInOnHost(c.caller, server, ADMIN);
      const { id } = await a.caller.patients.register(patientInput({ givenName: 'Interval', familyName: 'Pickup' }));
      await a.host.syncNow();
      for (;;) {
        const { results } = await c.caller.patients.search({ query: 'Interval Pickup' });
        if (results.some((r) => r.id === id)) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      assert.ok((await c.caller.sync.status()).lastSuccessAt);
    } finally {
      await c.remove();
    }
  });
});
