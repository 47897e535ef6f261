import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { DeviceChainEntry } from '@eonpro/core';
import { readAuditHeads } from '../../../src/host/audit/auditRows.ts';
import { verifyLocalAuditChain } from '../../../src/host/audit/verifyLocalAuditChain.ts';
import { readRecord, readSyncState } from '../../../src/host/db/readers.ts';
import { amendEntry, recordEntry } from '../../../src/host/local/clinicalEntries.ts';
import { importBundle } from '../../../src/host/local/importBundle.ts';
import { registerPatient, updatePatient } from '../../../src/host/local/patients.ts';
import { countRows } from '../support/outboxRows.ts';
import { patientInput } from '../support/patients.ts';
import { readSyntheaBundles } from '../support/synthea.ts';
import { openTestStore, type TestStore } from '../support/testStore.ts';
import { allEntries } from './tamper.ts';

describe('every local change writes exactly one matching audit entry, in its own transaction', () => {
  let t: TestStore;
  let startedAt: string;
  beforeEach(() => {
    t = openTestStore();
    t.actor = { ...t.actor, role: 'nurse' };
    startedAt = new Date().toISOString();
  });
  afterEach(() => t.cleanup());

  /** The entries written since `before` entries existed. */
  const entriesAfter = (before: number): DeviceChainEntry[] => allEntries(t.store.db).slice(before);

  function assertChangeEntry(entry: DeviceChainEntry, expected: { action: string; entity: string; recordId: string; patientId: string }) {
    const record = readRecord(t.store.db, expected.entity as 'patient', expected.recordId)!;
    const { event } = entry;
    assert.deepEqual(
      { action: event.action, outcome: event.outcome, entity: event.entity, recordId: event.recordId, recordRev: event.recordRev, patientId: event.patientId },
      { action: expected.action, outcome: 'success', entity: expected.entity, recordId: expected.recordId, recordRev: record.rev, patientId: expected.patientId },
    );
    assert.deepEqual(event.actor, { userId: t.actor.userId, role: 'nurse' });
    assert.equal(event.device.deviceId, t.store.deviceId);
    assert.equal(event.tenantId, readSyncState(t.store.db)!.tenantId);
    assert.ok(event.occurredAt >= startedAt && event.occurredAt <= new Date().toISOString(), 'occurredAt is this computer’s time of the change');
  }

  it('registering and editing a patient, recording and correcting an allergy: one entry each, naming the record and revision written', () => {
    const { id } = registerPatient(t.store, t.actor, patientInput());
    let [entry, ...rest] = entriesAfter(0);
    assert.equal(rest.length, 0);
    assertChangeEntry(entry!, { action: 'create', entity: 'patient', recordId: id, patientId: id });

    updatePatient(t.store, t.actor, id, readRecord(t.store.db, 'patient', id)!.rev, { phone: '555-0100', city: 'Springfield' });
    [entry, ...rest] = entriesAfter(1);
    assert.equal(rest.length, 0);
    assertChangeEntry(entry!, { action: 'update', entity: 'patient', recordId: id, patientId: id });
    assert.deepEqual(entry!.event.detail, { fieldCount: 2 });

    const allergy = recordEntry(t.store, t.actor, 'allergy', { patientId: id, substance: 'Penicillin', status: 'active', recordedDate: '2024-01-02' });
    [entry, ...rest] = entriesAfter(2);
    assert.equal(rest.length, 0);
    assertChangeEntry(entry!, { action: 'create', entity: 'allergy', recordId: allergy.id, patientId: id });

    const corrected = amendEntry(t.store, t.actor, 'allergy', { amendsId: allergy.id, substance: 'Amoxicillin', status: 'active', recordedDate: '2024-01-02' });
    [entry, ...rest] = entriesAfter(3);
    assert.equal(rest.length, 0);
    assertChangeEntry(entry!, { action: 'create', entity: 'allergy', recordId: corrected.id, patientId: id });
    assert.equal(entry!.event.detail.amends, allergy.id);

    assert.equal(countRows(t.store.db, 'outbox'), 4);
    assert.equal(verifyLocalAuditChain(t.store.db).result.ok, true);
  });

  it('an edit that changes nothing records nothing', () => {
    const { id } = registerPatient(t.store, t.actor, patientInput({ phone: '555-0100' }));
    updatePatient(t.store, t.actor, id, readRecord(t.store.db, 'patient', id)!.rev, { phone: '555-0100' });
    assert.equal(countRows(t.store.db, 'audit_entries'), 1);
  });

  it('a change that fails half-way leaves neither the change nor its audit entry', () => {
    const { id } = registerPatient(t.store, t.actor, patientInput());
    const headBefore = readAuditHeads(t.store.db);
    t.store.db.exec(`CREATE TEMP TRIGGER refuse_allergy_mutation BEFORE INSERT ON outbox WHEN NEW.entity = 'allergy'
                     BEGIN SELECT RAISE(ABORT, 'outbox full'); END`);
    assert.throws(() => recordEntry(t.store, t.actor, 'allergy', { patientId: id, substance: 'Latex', status: 'active', recordedDate: '2024-01-02' }));
    assert.equal(countRows(t.store.db, 'allergies'), 0);
    assert.equal(countRows(t.store.db, 'audit_entries'), 1);
    assert.deepEqual(readAuditHeads(t.store.db), headBefore);
  });

  it('an audit entry that cannot be written stops the change: nothing is stored without its entry', () => {
    const { id } = registerPatient(t.store, t.actor, patientInput());
    const before = readRecord(t.store.db, 'patient', id)!;
    t.store.db.exec(`CREATE TEMP TRIGGER refuse_audit BEFORE INSERT ON audit_entries BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    assert.throws(() => updatePatient(t.store, t.actor, id, before.rev, { phone: '555-0199' }), /disk full/);
    assert.deepEqual(readRecord(t.store.db, 'patient', id), before);
    assert.equal(countRows(t.store.db, 'outbox'), 1);
    assert.equal(countRows(t.store.db, 'audit_entries'), 1);
  });

  it('a bundle import records one import entry per imported patient, and none again for patients already here', () => {
    const [first, second] = readSyntheaBundles();
    const summary = importBundle(t.store, t.actor, first!.fileName, first!.bundle);
    importBundle(t.store, t.actor, second!.fileName, second!.bundle);
    const entries = allEntries(t.store.db);
    assert.equal(entries.length, 2);
    const patientIds = (t.store.db.prepare('SELECT id FROM patients ORDER BY id').all() as { id: string }[]).map((row) => row.id);
    assert.deepEqual(entries.map((entry) => entry.event.patientId).sort(), patientIds);
    const firstEntry = entries[0]!.event;
    assert.equal(firstEntry.action, 'import');
    assert.equal(firstEntry.entity, 'patient');
    assert.equal(firstEntry.recordId, firstEntry.patientId);
    assert.equal(firstEntry.recordRev, readRecord(t.store.db, 'patient', firstEntry.patientId!)!.rev);
    assert.deepEqual(firstEntry.detail, { allergies: summary.allergies, conditions: summary.conditions, medications: summary.medications });

    importBundle(t.store, t.actor, first!.fileName, first!.bundle);
    assert.equal(countRows(t.store.db, 'audit_entries'), 2);
  });

  it('an invalid bundle is recorded as a failed import, with the number of problems and nothing else', () => {
    const broken = structuredClone(readSyntheaBundles()[0]!.bundle) as { entry: { resource: Record<string, unknown> }[] };
    broken.entry.find((e) => e.resource.resourceType === 'Patient')!.resource.birthDate = 'not a date';
    const summary = importBundle(t.store, t.actor, 'broken.json', broken);
    const [entry, ...rest] = allEntries(t.store.db);
    assert.equal(rest.length, 0);
    assert.deepEqual(
      { action: entry!.event.action, outcome: entry!.event.outcome, patientId: entry!.event.patientId, detail: entry!.event.detail },
      { action: 'import', outcome: 'failure', patientId: null, detail: { issues: summary.issues.length } },
    );
  });
});
