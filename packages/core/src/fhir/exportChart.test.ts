import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { uuidv7 } from '../ids/uuidv7.ts';
import { chartToFhirBundle, type ChartForExport } from './exportChart.ts';
import { mapFhirBundle, type MappedPatient } from './mapFhirBundle.ts';

const syntheaDir = new URL('../../../../../shared/fixtures/synthea/', import.meta.url);
const syntheaFiles = readdirSync(syntheaDir).filter((name) => name.endsWith('.json')).sort();
const EXPORTED_AT = '2026-12-04T16:00:00.000Z';

function importOne(bundle: unknown): MappedPatient {
  const mapping = mapFhirBundle(bundle);
  assert.ok(mapping.ok, mapping.ok ? '' : JSON.stringify(mapping.issues.slice(0, 3)));
  assert.equal(mapping.patients.length, 1);
  return mapping.patients[0]!;
}

/** An imported patient as a workstation stores it: every record under an id of its own. */
function storedChart(imported: MappedPatient): ChartForExport {
  return {
    patient: { id: uuidv7(), ...imported.patient },
    allergies: imported.allergies.map((allergy) => ({ id: uuidv7(), ...allergy })),
    conditions: imported.conditions.map((condition) => ({ id: uuidv7(), ...condition })),
    medications: imported.medications.map((medication) => ({ id: uuidv7(), ...medication })),
  };
}

/** What a re-import yields for a stored chart: the same fields, each record's id as its source id, no amendment links. */
function expectedReimport(chart: ChartForExport): MappedPatient {
  const entry = <T extends { id: string }>({ id, ...fields }: T) => ({ ...fields, amendsId: null, sourceId: id });
  const { id, ...patient } = chart.patient;
  return {
    sourceId: id,
    patient: { ...patient, sourceId: id, restricted: false },
    allergies: chart.allergies.map(entry),
    conditions: chart.conditions.map(entry),
    medications: chart.medications.map(entry),
  };
}

function hasNull(value: unknown): boolean {
  if (value === null) return true;
  if (typeof value !== 'object') return false;
  return Object.values(value as object).some(hasNull);
}

describe('chartToFhirBundle (FHIR R4 export)', () => {
  for (const fileName of syntheaFiles) {
    it(`round-trips ${fileName}: import, store, export, re-import gives the same chart`, () => {
      const chart = storedChart(importOne(JSON.parse(readFileSync(new URL(fileName, syntheaDir), 'utf8'))));
      const bundle = chartToFhirBundle(chart, EXPORTED_AT);
      const mapping = mapFhirBundle(JSON.parse(JSON.stringify(bundle)));
      assert.ok(mapping.ok);
      assert.deepEqual(mapping.skipped, []);
      assert.deepEqual(mapping.patients, [expectedReimport(chart)]);
    });
  }

  it('writes a collection Bundle: Patient first, then allergies, conditions and medication statements, each under its urn:uuid', () => {
    const chart = storedChart(importOne(JSON.parse(readFileSync(new URL(syntheaFiles[0]!, syntheaDir), 'utf8'))));
    const bundle = chartToFhirBundle(chart, EXPORTED_AT);
    assert.deepEqual([bundle.resourceType, bundle.type, bundle.timestamp], ['Bundle', 'collection', EXPORTED_AT]);
    const types = bundle.entry.map((entry) => entry.resource.resourceType);
    assert.deepEqual(types, [
      'Patient',
      ...chart.allergies.map(() => 'AllergyIntolerance'),
      ...chart.conditions.map(() => 'Condition'),
      ...chart.medications.map(() => 'MedicationStatement'),
    ]);
    for (const entry of bundle.entry) assert.equal(entry.fullUrl, `urn:uuid:${String(entry.resource.id)}`);
    assert.equal(hasNull(bundle), false, 'absent values are left out, not written as null');
  });

  it('round-trips every optional field a workstation can hold, and marks a restricted patient confidential', () => {
    const chart: ChartForExport = {
      patient: {
        id: uuidv7(),
        mrn: '4K7QX-2M9TB',
        givenName: 'Zoë',
        familyName: "O'Hara-Núñez",
        birthDate: '1950-02-28',
        sex: 'other',
        phone: '555-0100',
        email: 'zoe@example.test',
        addressLine: '1 Main St',
        city: 'Springfield',
        state: 'MA',
        postalCode: '01101',
        deceasedDate: '2024-01-02',
        sourceId: null,
        ssn: '123-45-6789',
        driversLicense: 'S12345678',
        restricted: true,
      },
      allergies: [
        { id: uuidv7(), substance: 'Penicillin', code: '7980', codeSystem: 'http://www.nlm.nih.gov/research/umls/rxnorm', category: 'medication', criticality: 'high', reaction: 'Hives, Wheezing', status: 'active', recordedDate: '2020-01-01', amendsId: null, sourceId: null },
        { id: uuidv7(), substance: 'Latex', code: null, codeSystem: null, category: null, criticality: null, reaction: null, status: 'entered-in-error', recordedDate: '2021-03-04', amendsId: uuidv7(), sourceId: null },
      ],
      conditions: [
        { id: uuidv7(), display: 'Asthma', code: '195967001', codeSystem: 'http://snomed.info/sct', clinicalStatus: 'remission', onsetDate: '2001-05-06', abatementDate: '2010-07-08', recordedDate: '2001-05-07', amendsId: null, sourceId: null },
        { id: uuidv7(), display: 'Typo', code: null, codeSystem: null, clinicalStatus: 'entered-in-error', onsetDate: null, abatementDate: null, recordedDate: '2022-02-02', amendsId: null, sourceId: null },
      ],
      medications: [
        { id: uuidv7(), display: 'Albuterol inhaler', rxnormCode: '745679', status: 'on-hold', startDate: '2019-01-01', endDate: '2019-06-30', dosageText: '2 puffs as needed', amendsId: null, sourceId: null },
        { id: uuidv7(), display: 'Vitamin D', rxnormCode: null, status: 'unknown', startDate: null, endDate: null, dosageText: null, amendsId: null, sourceId: null },
      ],
    };
    const bundle = chartToFhirBundle(chart, EXPORTED_AT);
    assert.deepEqual(bundle.entry[0]!.resource.meta, { security: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: 'R' }] });
    const mapping = mapFhirBundle(JSON.parse(JSON.stringify(bundle)));
    assert.ok(mapping.ok);
    // An import never restricts a patient by itself: an administrator decides that on this side.
    assert.deepEqual(mapping.patients, [expectedReimport(chart)]);
  });
});
