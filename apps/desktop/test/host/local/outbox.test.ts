import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { AppError, isHlc } from '@eonpro/core';
import { readOutboxForRecord, readRecord } from '../../../src/host/db/readers.ts';
import { recordEntry } from '../../../src/host/local/clinicalEntries.ts';
import { importBundle } from '../../../src/host/local/importBundle.ts';
import { registerPatient, updatePatient } from '../../../src/host/local/patients.ts';
import { countRows, outboxSeqs } from '../support/outboxRows.ts';
import { patientInput } from '../support/patients.ts';
import { readSyntheaBundles } from '../support/synthea.ts';
import { openTestStore, type TestStore } from '../support/testStore.ts';

describe('local writes and the outbox', () => {
  let t: TestStore;
  beforeEach(() => {
    t = openTestStore();
  });
  afterEach(() => t.cleanup());

  it('gives every change the next seq, gapless from 1, also across a restart', () => {
    const { id } = registerPatient(t.store, t.actor, patientInput());
    const patient = readRecord(t.store.db, 'patient', id)!;
    updatePatient(t.store, t.actor, id, patient.rev, { phone: '555-0100' });
    t.reopen();
    recordEntry(t.store, t.actor, 'allergy', { patientId: id, substance: 'Penicillin', status: 'active', recordedDate: '2024-01-02' });
    assert.deepEqual(outboxSeqs(t.store.db), [1, 2, 3]);
  });

  it('writes the row and its mutation together: fields, per-field HLCs, base rev', () => {
    const { id } = registerPatient(t.store, t.actor, patientInput());
    const created = readRecord(t.store.db, 'patient', id)!;
    const { rev } = updatePatient(t.store, t.actor, id, created.rev, { phone: '555-0100' });
    const [create, update] = readOutboxForRecord(t.store.db, 'patient', id);
    assert.equal(create!.op, 'create');
    assert.equal(create!.baseRev, null);
    assert.deepEqual(Object.keys(create!.fieldRevs).sort(), Object.keys(create!.fields).sort());
    assert.equal(update!.op, 'update');
    assert.deepEqual(update!.fields, { phone: '555-0100' });
    assert.deepEqual(update!.fieldRevs, { phone: rev });
    assert.equal(update!.baseRev, created.rev);
    const row = readRecord(t.store.db, 'patient', id)!;
    assert.equal(row.rev, rev);
    assert.equal(row.fieldRevs.phone, rev);
    assert.equal(row.fieldRevs.givenName, created.rev);
    assert.ok(isHlc(rev) && rev > created.rev);
  });

  it('a write that fails half-way leaves neither the row nor an outbox entry, and uses up no seq', () => {
    const { id } = registerPatient(t.store, t.actor, patientInput());
    // The database itself refuses the outbox insert for an allergy, after the allergy row was written.
    t.store.db.exec(`CREATE TEMP TRIGGER refuse_allergy_mutation BEFORE INSERT ON outbox WHEN NEW.entity = 'allergy'
                     BEGIN SELECT RAISE(ABORT, 'outbox full'); END`);
    assert.throws(() =>
      recordEntry(t.store, t.actor, 'allergy', { patientId: id, substance: 'Latex', status: 'active', recordedDate: '2024-01-02' }),
    );
    assert.equal(countRows(t.store.db, 'allergies'), 0);
    assert.deepEqual(outboxSeqs(t.store.db), [1]);
    t.store.db.exec('DROP TRIGGER refuse_allergy_mutation');
    recordEntry(t.store, t.actor, 'condition', { patientId: id, display: 'Asthma', clinicalStatus: 'active', recordedDate: '2024-01-02' });
    assert.deepEqual(outboxSeqs(t.store.db), [1, 2]);
  });

  it('a bundle import that fails half-way stores none of it', () => {
    const [first] = readSyntheaBundles();
    t.store.db.exec(`CREATE TEMP TRIGGER refuse_medication BEFORE INSERT ON medications BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    assert.throws(() => importBundle(t.store, t.actor, first!.fileName, first!.bundle));
    for (const table of ['patients', 'allergies', 'conditions', 'medications', 'outbox', 'patient_search']) {
      assert.equal(countRows(t.store.db, table), 0, table);
    }
  });

  it('invalid input is refused with every problem and its path, and nothing is stored', () => {
    assert.throws(
      () => registerPatient(t.store, t.actor, { givenName: '', familyName: 'X', birthDate: '2999-01-01', sex: 'robot' }),
      (error: unknown) => {
        assert.ok(error instanceof AppError && error.code === 'VALIDATION');
        assert.deepEqual(error.issues.map((issue) => issue.path).sort(), ['birthDate', 'givenName', 'sex']);
        return true;
      },
    );
    assert.equal(countRows(t.store.db, 'patients'), 0);
    assert.equal(countRows(t.store.db, 'outbox'), 0);
  });
});
