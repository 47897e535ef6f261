import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { patientInput } from '../support/patients.ts';
import { ADMIN, signInOnHost, type TestHost } from '../support/testHost.ts';
import type { TestServer } from '../support/testServer.ts';
import { startWorkstationPair, type WorkstationPair } from '../support/workstationPair.ts';

describe('working offline', () => {
  let pair: WorkstationPair;
  let server: TestServer;
  let a: TestHost;
  let b: TestHost;
  before(async () => {
    pair = await startWorkstationPair({ persistent: true });
    ({ server, a, b } = pair);
  });
  after(() => pair?.remove());

  it('with the server stopped, A keeps charting, sync reports offline and keeps everything; when it returns, it all arrives', async () => {
    await server.stop();
    const { id } = await a.caller.patients.register(patientInput({ givenName: 'Offline', familyName: 'Charting' }));
    await a.caller.conditions.record({ patientId: id, display: 'Hypertension', clinicalStatus: 'active', recordedDate: '2024-06-01' });
    const offline = await a.host.syncNow();
    assert.equal(offline.state, 'offline');
    assert.equal(offline.pending, 2);
    assert.equal((await a.caller.session.status()).online, false);
    assert.equal((await a.caller.chart.summary({ patientId: id })).conditions.length, 1);

    await a.stop();
    await a.restart();
    const status = await a.caller.session.status();
    assert.equal(status.state, 'signed-out');
    assert.equal(status.clinicName, ADMIN.clinicName);

    await server.start();
    await signInOnHost(a.caller, server, ADMIN);
    const back = await a.host.syncNow();
    assert.equal(back.state, 'idle');
    assert.equal(back.pending, 0);
    assert.equal((await a.caller.session.status()).online, true);

    await b.host.syncNow();
    const chart = await b.caller.chart.summary({ patientId: id });
    assert.deepEqual(chart.conditions.map((c) => c.display), ['Hypertension']);
  });
});
