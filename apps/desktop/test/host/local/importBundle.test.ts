import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { chartSummary } from '../../../src/host/local/chartSummary.ts';
import { importBundle } from '../../../src/host/local/importBundle.ts';
import { searchPatients } from '../../../src/host/local/patientSearch.ts';
import { countRows } from '../support/outboxRows.ts';
import { readSyntheaBundles } from '../support/synthea.ts';
import { openTestStore, type TestStore } from '../support/testStore.ts';

const bundles = readSyntheaBundles();

describe('importing FHIR bundles', () => {
  let t: TestStore;
  beforeEach(() => {
    t = openTestStore();
  });
  afterEach(() => t.cleanup());

  it('imports a Synthea bundle: the patient, their entries, each with an outbox mutation; the summary counts them', () => {
    const reinger = bundles.find((b) => b.fileName.startsWith('Ima_Reinger'))!;
    const summary = importBundle(t.store, t.actor, reinger.fileName, reinger.bundle);
    assert.equal(summary.ok, true);
    assert.equal(summary.fileName, reinger.fileName);
    assert.equal(summary.patientsImported, 1);
    assert.equal(summary.patientsAlreadyPresent, 0);
    assert.equal(countRows(t.store.db, 'allergies'), summary.allergies);
    assert.equal(countRows(t.store.db, 'conditions'), summary.conditions);
    assert.equal(countRows(t.store.db, 'medications'), summary.medications);
    assert.ok(summary.allergies > 0 && summary.conditions > 0 && summary.medications > 0);
    assert.equal(countRows(t.store.db, 'outbox'), 1 + summary.allergies + summary.conditions + summary.medications);
    assert.ok(summary.skipped.length > 0);

    const [found] = searchPatients(t.store, 'Reinger').results;
    assert.ok(found);
    const chart = chartSummary(t.store, found.id);
    assert.ok(chart.allergies.length > 0);
    const resource = (reinger.bundle as { entry: { resource: { resourceType: string; id: string } }[] }).entry.find(
      (e) => e.resource.resourceType === 'Patient',
    )!.resource;
    assert.equal(chart.patient.sourceId, resource.id);
  });

  it('skips patients already imported (same source id) and adds nothing for them', () => {
    const first = bundles[0]!;
    importBundle(t.store, t.actor, first.fileName, first.bundle);
    const outboxBefore = countRows(t.store.db, 'outbox');
    const again = importBundle(t.store, t.actor, first.fileName, first.bundle);
    assert.equal(again.ok, true);
    assert.equal(again.patientsImported, 0);
    assert.equal(again.patientsAlreadyPresent, 1);
    assert.deepEqual([again.allergies, again.conditions, again.medications], [0, 0, 0]);
    assert.equal(countRows(t.store.db, 'patients'), 1);
    assert.equal(countRows(t.store.db, 'outbox'), outboxBefore);
  });

  it('an invalid bundle imports nothing and lists its problems with paths', () => {
    const broken = structuredClone(bundles[0]!.bundle) as { entry: { resource: Record<string, unknown> }[] };
    const patient = broken.entry.find((e) => e.resource.resourceType === 'Patient')!;
    patient.resource.birthDate = 'not a date';
    const summary = importBundle(t.store, t.actor, 'broken.json', broken);
    assert.equal(summary.ok, false);
    assert.equal(summary.patientsImported, 0);
    assert.ok(summary.issues.some((issue) => /^entry\[\d+\]\.resource\.birthDate$/.test(issue.path)));
    assert.equal(countRows(t.store.db, 'patients'), 0);
    assert.equal(countRows(t.store.db, 'outbox'), 0);
  });

  it('something that is not a bundle imports nothing', () => {
    const summary = importBundle(t.store, t.actor, 'notes.json', { hello: 'world' });
    assert.equal(summary.ok, false);
    assert.ok(summary.issues.length > 0);
    assert.equal(countRows(t.store.db, 'outbox'), 0);
  });
});
