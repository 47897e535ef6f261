import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildImportSummary, importSummarySchema } from './importSummary.ts';
import type { FhirBundleMapping, MappedPatient } from './mapFhirBundle.ts';

function mappedPatient(sourceId: string, counts: { allergies: number; conditions: number; medications: number }): MappedPatient {
  const allergy = { substance: 'Peanut', code: null, codeSystem: null, category: null, criticality: null, reaction: null, status: 'active' as const, recordedDate: '2001-01-01', amendsId: null, sourceId: null };
  const condition = { display: 'Asthma', code: null, codeSystem: null, clinicalStatus: 'active' as const, onsetDate: null, abatementDate: null, recordedDate: '2001-01-01', amendsId: null, sourceId: null };
  const medication = { display: 'Albuterol', rxnormCode: null, status: 'active' as const, startDate: null, endDate: null, dosageText: null, amendsId: null, sourceId: null };
  return {
    sourceId,
    patient: { mrn: sourceId, givenName: 'A', familyName: 'B', birthDate: '1970-01-01', sex: 'unknown', phone: null, email: null, addressLine: null, city: null, state: null, postalCode: null, deceasedDate: null, sourceId, restricted: false, ssn: null, driversLicense: null },
    allergies: Array.from({ length: counts.allergies }, () => allergy),
    conditions: Array.from({ length: counts.conditions }, () => condition),
    medications: Array.from({ length: counts.medications }, () => medication),
  };
}

const mapping: FhirBundleMapping = {
  ok: true,
  patients: [mappedPatient('p1', { allergies: 1, conditions: 2, medications: 3 }), mappedPatient('p2', { allergies: 4, conditions: 5, medications: 6 })],
  skipped: [{ resourceType: 'Observation', count: 7, reason: 'not charted by EONPro Clinic yet' }],
};

describe('buildImportSummary', () => {
  it('counts patients and entries of a fresh import, with the skipped resources', () => {
    const summary = buildImportSummary('two.json', mapping);
    assert.deepEqual(summary, {
      fileName: 'two.json',
      ok: true,
      patientsImported: 2,
      patientsAlreadyPresent: 0,
      allergies: 5,
      conditions: 7,
      medications: 9,
      skipped: mapping.ok ? mapping.skipped : [],
      issues: [],
    });
    assert.ok(importSummarySchema.safeParse(summary).success);
  });

  it('counts patients found from an earlier import as already present, without their entries', () => {
    const summary = buildImportSummary('two.json', mapping, new Set(['p2']));
    assert.deepEqual(
      [summary.patientsImported, summary.patientsAlreadyPresent, summary.allergies, summary.conditions, summary.medications],
      [1, 1, 1, 2, 3],
    );
  });

  it('reports the issues of a bundle that could not be mapped, and nothing imported', () => {
    const issues = [{ path: 'entry[3].resource.birthDate', message: 'Must be a real calendar date' }];
    const summary = buildImportSummary('bad.json', { ok: false, issues });
    assert.deepEqual(summary, {
      fileName: 'bad.json',
      ok: false,
      patientsImported: 0,
      patientsAlreadyPresent: 0,
      allergies: 0,
      conditions: 0,
      medications: 0,
      skipped: [],
      issues,
    });
  });
});
