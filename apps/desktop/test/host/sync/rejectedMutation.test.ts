import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { uuidv7 } from '@eonpro/core';
import { readRecord } from '../../../src/host/db/readers.ts';
import { writeLocalChange } from '../../../src/host/local/writeLocalChange.ts';
import { patientInput } from '../support/patients.ts';
import type { TestHost } from '../support/testHost.ts';
import { startWorkstationPair, type WorkstationPair } from '../support/workstationPair.ts';

describe('a change the server refuses', () => {
  let pair: WorkstationPair;
  let a: TestHost;
  let b: TestHost;
  before(async () => {
    pair = await startWorkstationPair();
    ({ a, b } = pair);
  });
  after(() => pair?.remove());

  it('stays listed with its reason, does not hold back later changes, and dismissing it restores the record', async () => {
    const { id: patientId } = await a.caller.patients.register(patientInput({ givenName: 'Refused', familyName: 'Change' }));
    // An entry for a patient the server has never seen (as a record lost from an older app version would be),
    // planted through the host's own write path on a second connection to its database.
    const planted = a.openStore();
    const orphanId = uuidv7();
    // Made by the signed-in user: a change credited to someone the clinic does not know is refused for that alone.
    const { user } = await a.caller.session.status();
    const { mutationId } = writeLocalChange(planted, { userId: user!.id }, {
      entity: 'allergy',
      recordId: orphanId,
      op: 'create',
      fields: { patientId: uuidv7(), substance: 'Sulfa', code: null, codeSystem: null, category: null, criticality: null, reaction: null, status: 'active', recordedDate: '2024-07-01', amendsId: null, sourceId: null },
      baseRev: null,
    });
    planted.close();
    await a.caller.allergies.record({ patientId, substance: 'Latex', status: 'active', recordedDate: '2024-07-02' });

    const status = await a.host.syncNow();
    assert.equal(status.state, 'idle');
    assert.equal(status.pending, 0);
    assert.equal(status.rejected.length, 1);
    const [rejected] = status.rejected;
    assert.equal(rejected!.mutationId, mutationId);
    assert.equal(rejected!.code, 'NOT_FOUND');
    assert.equal(rejected!.path, 'fields.patientId');
    assert.match(rejected!.message, /patient this entry is for was not found/);
    assert.equal(rejected!.recordId, orphanId);

    await b.host.syncNow();
    assert.deepEqual((await b.caller.chart.summary({ patientId })).allergies.map((x) => x.substance), ['Latex']);

    assert.equal((await a.host.syncNow()).rejected.length, 1, 'still listed after another sync');
    const after = await a.caller.sync.dismissRejected({ mutationId });
    assert.deepEqual(after.rejected, []);
    const check = a.openStore();
    try {
      assert.equal(readRecord(check.db, 'allergy', orphanId)?.deleted, true);
    } finally {
      check.close();
    }
    await assert.rejects(a.caller.sync.dismissRejected({ mutationId }), /no longer listed/);
  });
});
