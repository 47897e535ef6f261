import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { patientInput } from '../support/patients.ts';
import { hostAuditEntries } from '../audit/hostAudit.ts';
import { startWorkstationPair, type WorkstationPair } from '../support/workstationPair.ts';

const SSN = '219-09-9999';
const LICENSE = 'D1234567X';

describe("a patient's SSN and driver's licence on the workstation", () => {
  let pair: WorkstationPair;
  before(async () => {
    pair = await startWorkstationPair();
  });
  after(async () => {
    await pair?.remove();
  });

  it('are shown masked, in full only on an explicit reveal that is audited as a view of that identifier', async () => {
    const { a } = pair;
    const { id } = await a.caller.patients.register(patientInput({ ssn: SSN, driversLicense: LICENSE.toLowerCase() }));
    const patient = await a.caller.patients.get({ id });
    assert.equal(patient.ssnMasked, '•••-••-9999');
    assert.equal(patient.driversLicenseMasked, '•••••567X');
    assert.ok(!('ssn' in patient) && !('driversLicense' in patient));
    const chart = await a.caller.chart.summary({ patientId: id });
    assert.equal(chart.patient.ssnMasked, '•••-••-9999');
    assert.ok(!JSON.stringify(chart).includes(SSN));

    const before = hostAuditEntries(a.host).length;
    assert.deepEqual(await a.caller.patients.revealIdentifier({ patientId: id, identifier: 'ssn' }), { value: SSN });
    assert.deepEqual(await a.caller.patients.revealIdentifier({ patientId: id, identifier: 'driversLicense' }), { value: LICENSE });
    const views = hostAuditEntries(a.host, before).map((entry) => entry.event);
    assert.deepEqual(views.map((event) => [event.action, event.outcome, event.patientId, event.detail.revealed]), [
      ['view', 'success', id, 'ssn'],
      ['view', 'success', id, 'driversLicense'],
    ]);
    assert.ok(!JSON.stringify(views).includes(SSN) && !JSON.stringify(views).includes(LICENSE));
  });

  it('are not searchable', async () => {
    const { a } = pair;
    await a.caller.patients.register(patientInput({ givenName: 'Unfindable', ssn: '078-05-1120', driversLicense: 'Z9988776' }));
    for (const query of ['078-05-1120', '078051120', '1120', 'Z9988776']) {
      const found = await a.caller.patients.search({ query });
      assert.ok(found.results.every((result) => result.givenName !== 'Unfindable'), query);
    }
  });

  it('sync to another workstation through the server', async () => {
    const { a, b } = pair;
    const { id } = await a.caller.patients.register(patientInput({ givenName: 'Synced', ssn: '123-45-6789' }));
    await a.host.syncNow();
    await b.host.syncNow();
    assert.deepEqual(await b.caller.patients.revealIdentifier({ patientId: id, identifier: 'ssn' }), { value: '123-45-6789' });
    const { rev } = await b.caller.patients.get({ id });
    await b.caller.patients.update({ id, baseRev: rev, changes: { driversLicense: 'NEW1234' } });
    await b.host.syncNow();
    await a.host.syncNow();
    assert.deepEqual(await a.caller.patients.revealIdentifier({ patientId: id, identifier: 'driversLicense' }), { value: 'NEW1234' });
  });
});
