import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { mapFhirBundle, type MappedPatient } from './mapFhirBundle.ts';
import { NOT_CHARTED_REASON, SkippedResourceCounter, SKIPPED_SSN } from './skippedResources.ts';

const syntheaDir = new URL('../../../../../shared/fixtures/synthea/', import.meta.url);
const syntheaFiles = readdirSync(syntheaDir).filter((name) => name.endsWith('.json')).sort();

interface RawBundle {
  entry: { resource: { resourceType: string; id: string } }[];
}

function readBundle(fileName: string): RawBundle {
  return JSON.parse(readFileSync(new URL(fileName, syntheaDir), 'utf8')) as RawBundle;
}

function countByType(bundle: RawBundle): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { resource } of bundle.entry) counts.set(resource.resourceType, (counts.get(resource.resourceType) ?? 0) + 1);
  return counts;
}

function mapOnePatient(fileName: string): MappedPatient {
  const mapping = mapFhirBundle(readBundle(fileName));
  assert.ok(mapping.ok, `${fileName} should map`);
  assert.equal(mapping.patients.length, 1);
  return mapping.patients[0]!;
}

describe('mapFhirBundle on the Synthea bundles', () => {
  it('finds the nine reference bundles', () => {
    assert.equal(syntheaFiles.length, 9);
  });

  for (const fileName of syntheaFiles) {
    it(`maps every allergy, condition and medication of ${fileName} and counts the rest as skipped`, () => {
      const raw = readBundle(fileName);
      const counts = countByType(raw);
      const mapping = mapFhirBundle(raw);
      assert.ok(mapping.ok);
      assert.equal(mapping.patients.length, counts.get('Patient'));
      const [patient] = mapping.patients;
      const rawPatient = raw.entry.find((e) => e.resource.resourceType === 'Patient')!.resource;
      assert.equal(patient!.sourceId, rawPatient.id);
      assert.equal(patient!.patient.sourceId, rawPatient.id);
      assert.equal(patient!.allergies.length, counts.get('AllergyIntolerance') ?? 0);
      assert.equal(patient!.conditions.length, counts.get('Condition') ?? 0);
      assert.equal(patient!.medications.length, (counts.get('MedicationRequest') ?? 0) + (counts.get('MedicationStatement') ?? 0));

      const charted = new Set(['Patient', 'AllergyIntolerance', 'Condition', 'MedicationRequest', 'MedicationStatement']);
      const expected = new SkippedResourceCounter();
      for (const [type, count] of counts) if (!charted.has(type)) for (let i = 0; i < count; i++) expected.add(type);
      // Synthea's SSNs start with 999, an area the SSA never issues: left out and counted.
      expected.add(SKIPPED_SSN);
      assert.deepEqual(mapping.skipped, expected.list());
      assert.ok(mapping.skipped.filter((s) => s.resourceType !== SKIPPED_SSN).every((s) => s.reason === NOT_CHARTED_REASON));
      assert.equal(patient!.patient.ssn, null);
    });
  }

  it('reads Trey Berge: demographics, MRN from the MR identifier, Hypertension and Hydrochlorothiazide', () => {
    const trey = mapOnePatient('Trey_Berge_99153850-84f1-4de6-9e19-3e0d6eeedeb2.json');
    assert.deepEqual(trey.patient, {
      mrn: '99153850-84f1-4de6-9e19-3e0d6eeedeb2',
      givenName: 'Trey',
      familyName: 'Berge',
      birthDate: '1913-01-13',
      sex: 'male',
      phone: '555-547-9010',
      email: null,
      addressLine: '1016 Bednar Path Suite 26',
      city: 'Georgetown',
      state: 'Massachusetts',
      postalCode: '01833',
      deceasedDate: null,
      sourceId: 'f46d1649-8a02-4de8-8cff-f76fae267d3a',
      ssn: null,
      driversLicense: 'S99938656',
      // An import never restricts a record by itself.
      restricted: false,
    });
    const hypertension = trey.conditions.find((c) => c.display === 'Hypertension');
    assert.deepEqual(hypertension, {
      display: 'Hypertension',
      code: '38341003',
      codeSystem: 'http://snomed.info/sct',
      clinicalStatus: 'active',
      onsetDate: '1931-03-09',
      abatementDate: null,
      recordedDate: '1931-03-09',
      amendsId: null,
      sourceId: '68a1578d-ee54-470d-8fec-53780c9a1611',
    });
    const hctz = trey.medications.find((m) => m.display === 'Hydrochlorothiazide 25 MG');
    assert.deepEqual(hctz, {
      display: 'Hydrochlorothiazide 25 MG',
      rxnormCode: '316049',
      status: 'active',
      startDate: '1931-03-09',
      endDate: null,
      dosageText: null,
      amendsId: null,
      sourceId: '3d74586a-1aa8-423f-901d-83159831528e',
    });
  });

  it('keeps resolved conditions with their abatement date and stopped medications as stopped', () => {
    const trey = mapOnePatient('Trey_Berge_99153850-84f1-4de6-9e19-3e0d6eeedeb2.json');
    const resolved = trey.conditions.filter((c) => c.clinicalStatus === 'resolved');
    assert.ok(resolved.length > 0);
    for (const condition of resolved) assert.match(condition.abatementDate ?? '', /^\d{4}-\d{2}-\d{2}$/);
    assert.ok(trey.medications.some((m) => m.status === 'stopped'));
  });

  it('reads allergies with substance, SNOMED code, category, criticality and status (Karena Pfeffer)', () => {
    const karena = mapOnePatient('Karena_Pfeffer_1f99a0cb-594b-476a-b9cb-502594c1ee6b.json');
    const soya = karena.allergies.find((a) => a.substance === 'Allergy to soya');
    assert.deepEqual(soya, {
      substance: 'Allergy to soya',
      code: '714035009',
      codeSystem: 'http://snomed.info/sct',
      category: 'food',
      criticality: 'low',
      reaction: null,
      status: 'inactive',
      recordedDate: '1996-03-03',
      amendsId: null,
      sourceId: '343ab05e-8d69-4c4d-b724-c8a5ea755f89',
    });
    assert.equal(karena.allergies.filter((a) => a.status === 'active').length, 5);
  });
});
