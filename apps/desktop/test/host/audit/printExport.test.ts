import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TRPCError } from '@trpc/server';
import { mapFhirBundle, uuidv7, type DeviceAuditEvent } from '@eonpro/core';
import { patientInput } from '../support/patients.ts';
import { ADMIN, setUpClinicOnHost, startTestHost, type TestHost } from '../support/testHost.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { auditTableText, hostAuditEntries, hostDb } from './hostAudit.ts';

function summary(event: DeviceAuditEvent) {
  return { action: event.action, outcome: event.outcome, userId: event.actor.userId, patientId: event.patientId, detail: event.detail };
}

describe('printing and exporting a chart from the workstation, audited first', () => {
  let server: TestServer;
  let t: TestHost;
  let adminId: string;
  let patientId: string;
  before(async () => {
    server = await startTestServer();
    t = await startTestHost(server.url);
    adminId = (await setUpClinicOnHost(t.caller, server, ADMIN)).user!.id;
    ({ id: patientId } = await t.caller.patients.register(patientInput({ givenName: 'Printable', familyName: 'Exportson', phone: '555-0142' })));
    await t.caller.allergies.record({ patientId, substance: 'Peanut', category: 'food', criticality: 'high', status: 'active', recordedDate: '2024-02-03' });
    await t.caller.conditions.record({ patientId, display: 'Asthma', clinicalStatus: 'active', recordedDate: '2023-01-02' });
  });
  after(async () => {
    await t?.remove();
    await server?.remove();
  });

  async function recorded<T>(call: () => Promise<T>): Promise<{ answer: T; events: DeviceAuditEvent[] }> {
    const before = hostAuditEntries(t.host).length;
    const answer = await call();
    return { answer, events: hostAuditEntries(t.host, before).map((entry) => entry.event) };
  }

  async function recordedFailure(call: () => Promise<unknown>): Promise<DeviceAuditEvent[]> {
    const before = hostAuditEntries(t.host).length;
    await assert.rejects(call());
    return hostAuditEntries(t.host, before).map((entry) => entry.event);
  }

  it('print records a print of that patient by the signed-in user on this workstation, then answers the chart with who printed it and when', async () => {
    const { answer, events } = await recorded(() => t.caller.chart.print({ patientId }));
    assert.deepEqual(events.map(summary), [
      { action: 'print', outcome: 'success', userId: adminId, patientId, detail: { format: 'chart-summary', procedure: 'chart.print' } },
    ]);
    assert.equal(events[0]!.device.deviceId, t.host.createContext().host.requireStore().deviceId);
    assert.equal(answer.chart.patient.id, patientId);
    assert.deepEqual(answer.chart.allergies.map((allergy) => allergy.substance), ['Peanut']);
    assert.deepEqual(answer.chart.conditions.map((condition) => condition.display), ['Asthma']);
    assert.equal(answer.printedBy, ADMIN.adminName);
    assert.ok(Math.abs(Date.parse(answer.printedAt) - Date.parse(events[0]!.occurredAt)) < 60_000, 'printed at the time recorded');
  });

  it('export records an export with the format and resource count, and answers a FHIR R4 bundle named by the patient id only', async () => {
    const { answer, events } = await recorded(() => t.caller.chart.exportFhir({ patientId }));
    assert.deepEqual(events.map(summary), [
      { action: 'export', outcome: 'success', userId: adminId, patientId, detail: { format: 'fhir-r4', resources: 3, procedure: 'chart.exportFhir' } },
    ]);
    assert.equal(answer.fileName, `patient-${patientId}.json`);
    const mapping = mapFhirBundle(answer.bundle);
    assert.ok(mapping.ok);
    assert.equal(mapping.patients[0]!.patient.familyName, 'Exportson');
    assert.deepEqual(mapping.patients[0]!.allergies.map((allergy) => allergy.substance), ['Peanut']);
    assert.equal(auditTableText(hostDb(t.host)).includes('Exportson'), false, 'the audit trail holds ids, not the name');
  });

  it('a print or export that cannot be recorded is refused: the chart does not leave unrecorded', async () => {
    const db = hostDb(t.host);
    db.exec(`CREATE TEMP TRIGGER refuse_audit BEFORE INSERT ON audit_entries BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    try {
      const internal = (error: unknown) => error instanceof TRPCError && error.code === 'INTERNAL_SERVER_ERROR';
      await assert.rejects(t.caller.chart.print({ patientId }), internal);
      await assert.rejects(t.caller.chart.exportFhir({ patientId }), internal);
    } finally {
      db.exec('DROP TRIGGER refuse_audit');
    }
  });

  it('a print or export of a patient not on this workstation is recorded as a failed print or export', async () => {
    const missing = uuidv7();
    const events = [...(await recordedFailure(() => t.caller.chart.print({ patientId: missing }))), ...(await recordedFailure(() => t.caller.chart.exportFhir({ patientId: missing })))];
    assert.deepEqual(events.map(summary), [
      { action: 'print', outcome: 'failure', userId: adminId, patientId: missing, detail: { code: 'NOT_FOUND', procedure: 'chart.print' } },
      { action: 'export', outcome: 'failure', userId: adminId, patientId: missing, detail: { code: 'NOT_FOUND', procedure: 'chart.exportFhir' } },
    ]);
  });

  it('without a signed-in user, print and export are refused and recorded as denied', async () => {
    await t.caller.session.signOut();
    const events = [...(await recordedFailure(() => t.caller.chart.print({ patientId }))), ...(await recordedFailure(() => t.caller.chart.exportFhir({ patientId })))];
    assert.deepEqual(
      events.map((event) => [event.action, event.outcome, event.patientId, event.detail.procedure]),
      [
        ['access-denied', 'denied', patientId, 'chart.print'],
        ['access-denied', 'denied', patientId, 'chart.exportFhir'],
      ],
    );
  });
});
