import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { AppError } from '@eonpro/core';
import { chartSummary } from '../../../src/host/local/chartSummary.ts';
import { amendEntry, recordEntry } from '../../../src/host/local/clinicalEntries.ts';
import { registerPatient } from '../../../src/host/local/patients.ts';
import { countRows } from '../support/outboxRows.ts';
import { patientInput } from '../support/patients.ts';
import { openTestStore, type TestStore } from '../support/testStore.ts';

describe('chart summary with amendments', () => {
  let t: TestStore;
  let patientId: string;
  beforeEach(() => {
    t = openTestStore();
    patientId = registerPatient(t.store, t.actor, patientInput()).id;
  });
  afterEach(() => t.cleanup());

  const allergy = (substance: string) => ({ patientId, substance, status: 'active' as const, recordedDate: '2024-02-01' });

  it('shows the amending entry in place of the one it corrects; both stay stored', () => {
    const original = recordEntry(t.store, t.actor, 'allergy', allergy('Penicilin'));
    const corrected = amendEntry(t.store, t.actor, 'allergy', { amendsId: original.id, substance: 'Penicillin', status: 'active', recordedDate: '2024-02-01', criticality: 'high' });
    const summary = chartSummary(t.store, patientId);
    assert.deepEqual(summary.allergies.map((a) => [a.id, a.substance, a.amendsId, a.criticality]), [[corrected.id, 'Penicillin', original.id, 'high']]);
    assert.equal(countRows(t.store.db, 'allergies'), 2);
  });

  it('leaves out an entry corrected as entered-in-error', () => {
    const kept = recordEntry(t.store, t.actor, 'allergy', allergy('Latex'));
    const wrong = recordEntry(t.store, t.actor, 'allergy', allergy('Peanuts'));
    amendEntry(t.store, t.actor, 'allergy', { amendsId: wrong.id, substance: 'Peanuts', status: 'entered-in-error', recordedDate: '2024-02-03' });
    assert.deepEqual(chartSummary(t.store, patientId).allergies.map((a) => a.id), [kept.id]);
  });

  it('an amended condition shows its latest version: resolved', () => {
    const asthma = recordEntry(t.store, t.actor, 'condition', { patientId, display: 'Asthma', clinicalStatus: 'active', recordedDate: '2020-01-01' });
    const resolved = amendEntry(t.store, t.actor, 'condition', { amendsId: asthma.id, display: 'Asthma', clinicalStatus: 'resolved', recordedDate: '2024-01-01', abatementDate: '2023-12-01' });
    const { conditions } = chartSummary(t.store, patientId);
    assert.deepEqual(conditions.map((c) => [c.id, c.clinicalStatus, c.abatementDate]), [[resolved.id, 'resolved', '2023-12-01']]);
  });

  it('refuses to amend an entry that was already amended, pointing to the latest one', () => {
    const original = recordEntry(t.store, t.actor, 'allergy', allergy('Latex'));
    amendEntry(t.store, t.actor, 'allergy', { amendsId: original.id, substance: 'Latex', status: 'inactive', recordedDate: '2024-02-02' });
    assert.throws(
      () => amendEntry(t.store, t.actor, 'allergy', { amendsId: original.id, substance: 'Latex', status: 'resolved', recordedDate: '2024-02-03' }),
      (error: unknown) => error instanceof AppError && error.code === 'CONFLICT' && error.issues[0]?.path === 'amendsId',
    );
    assert.equal(countRows(t.store.db, 'allergies'), 2);
  });

  it('refuses an entry for a patient who is not here', () => {
    assert.throws(
      () => recordEntry(t.store, t.actor, 'allergy', { ...allergy('Latex'), patientId: '01890000-0000-7000-8000-000000000000' }),
      (error: unknown) => error instanceof AppError && error.code === 'NOT_FOUND' && error.issues[0]?.path === 'patientId',
    );
  });

  it("keeps other patients' entries out of the chart", () => {
    const other = registerPatient(t.store, t.actor, patientInput({ givenName: 'Other' })).id;
    recordEntry(t.store, t.actor, 'allergy', { ...allergy('Latex'), patientId: other });
    assert.deepEqual(chartSummary(t.store, patientId).allergies, []);
  });
});
