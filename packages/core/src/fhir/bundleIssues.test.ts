import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mapFhirBundle } from './mapFhirBundle.ts';

const PATIENT_ID = 'a1b2c3d4-0000-4000-8000-000000000001';

function patient(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    resourceType: 'Patient',
    id: PATIENT_ID,
    name: [{ use: 'official', family: 'Testperson', given: ['Alex'] }],
    gender: 'female',
    birthDate: '1980-05-17',
    ...overrides,
  };
}

function condition(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    resourceType: 'Condition',
    id: 'cond-1',
    clinicalStatus: { coding: [{ code: 'active' }] },
    code: { coding: [{ system: 'http://snomed.info/sct', code: '38341003', display: 'Hypertension' }] },
    subject: { reference: `urn:uuid:${PATIENT_ID}` },
    recordedDate: '2001-02-03T04:05:06+00:00',
    ...overrides,
  };
}

function allergy(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    resourceType: 'AllergyIntolerance',
    id: 'allergy-1',
    code: { text: 'Penicillin' },
    patient: { reference: `urn:uuid:${PATIENT_ID}` },
    recordedDate: '2001-02-03',
    ...overrides,
  };
}

function medicationRequest(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    resourceType: 'MedicationRequest',
    id: 'med-1',
    status: 'active',
    medicationCodeableConcept: { text: 'Lisinopril 10 MG Oral Tablet' },
    subject: { reference: `urn:uuid:${PATIENT_ID}` },
    authoredOn: '2001-02-03',
    ...overrides,
  };
}

function bundle(...resources: unknown[]): Record<string, unknown> {
  return { resourceType: 'Bundle', type: 'collection', entry: resources.map((resource) => ({ resource })) };
}

function issuesOf(input: unknown): { path: string; message: string }[] {
  const mapping = mapFhirBundle(input);
  assert.equal(mapping.ok, false, 'expected the bundle to be refused');
  return mapping.ok ? [] : mapping.issues;
}

function pathsOf(input: unknown): string[] {
  return issuesOf(input).map((issue) => issue.path);
}

describe('mapFhirBundle refuses a malformed bundle, naming each problem at its path', () => {
  it('refuses anything that is not a JSON object', () => {
    for (const input of [null, 'Bundle', 42, [bundle(patient())]]) {
      assert.deepEqual(issuesOf(input), [{ path: '', message: 'Must be a JSON object holding a FHIR Bundle' }]);
    }
  });

  it('refuses another resource type and an unsupported bundle type', () => {
    assert.deepEqual(pathsOf({ ...bundle(patient()), resourceType: 'Patient' }), ['resourceType']);
    assert.deepEqual(pathsOf({ ...bundle(patient()), type: 'history' }), ['type']);
    assert.deepEqual(pathsOf({ ...bundle(patient()), type: undefined }), ['type']);
  });

  it('refuses a bundle without entries', () => {
    assert.deepEqual(issuesOf({ resourceType: 'Bundle', type: 'collection', entry: [] }), [{ path: 'entry', message: 'Contains no entries' }]);
    assert.deepEqual(pathsOf({ resourceType: 'Bundle', type: 'collection' }), ['entry']);
  });

  it('refuses an entry without a resource or with no resource type', () => {
    const input = bundle(patient());
    (input.entry as unknown[]).push({ request: { method: 'DELETE', url: 'Patient/x' } }, 'text', { resource: { id: 'x' } });
    assert.deepEqual(issuesOf(input), [
      { path: 'entry[1].resource', message: 'Missing resource' },
      { path: 'entry[2]', message: 'Must be an object' },
      { path: 'entry[3].resource.resourceType', message: 'Must be a FHIR resource type' },
    ]);
  });

  it('refuses a bundle without a Patient', () => {
    assert.deepEqual(issuesOf(bundle({ resourceType: 'Observation', id: 'o1' })), [{ path: 'entry', message: 'Contains no Patient' }]);
  });

  it('refuses a patient without a name, given name or family name', () => {
    assert.deepEqual(issuesOf(bundle(patient({ name: undefined }))), [
      { path: 'entry[0].resource.name', message: 'Needs a name with a given and a family name' },
    ]);
    assert.deepEqual(issuesOf(bundle(patient({ name: [{ use: 'official', given: [' '], family: '' }] }))), [
      { path: 'entry[0].resource.name[0].given[0]', message: 'Required' },
      { path: 'entry[0].resource.name[0].family', message: 'Required' },
    ]);
  });

  it('refuses missing, impossible, future, partial and malformed birth dates', () => {
    const at = 'entry[0].resource.birthDate';
    assert.deepEqual(issuesOf(bundle(patient({ birthDate: undefined }))), [{ path: at, message: 'Required' }]);
    assert.deepEqual(issuesOf(bundle(patient({ birthDate: '1990-02-30' }))), [{ path: at, message: 'Must be a real calendar date' }]);
    assert.deepEqual(issuesOf(bundle(patient({ birthDate: '2999-01-01' }))), [{ path: at, message: 'Cannot be in the future' }]);
    assert.deepEqual(issuesOf(bundle(patient({ birthDate: '1990' }))), [{ path: at, message: 'Needs a full date with year, month and day' }]);
    assert.deepEqual(issuesOf(bundle(patient({ birthDate: 19900101 }))), [{ path: at, message: 'Must be a date written YYYY-MM-DD' }]);
  });

  it('refuses an unknown gender, a bad email and a patient without an id', () => {
    assert.deepEqual(issuesOf(bundle(patient({ gender: 'M' }))), [
      { path: 'entry[0].resource.gender', message: 'Must be female, male, other or unknown' },
    ]);
    assert.deepEqual(pathsOf(bundle(patient({ telecom: [{ system: 'phone', value: '555' }, { system: 'email', value: 'no-at-sign' }] }))), [
      'entry[0].resource.telecom[1].value',
    ]);
    assert.deepEqual(issuesOf(bundle(patient({ id: undefined }))), [
      { path: 'entry[0].resource.id', message: 'Needs an id so a re-import can be recognised' },
    ]);
  });

  it('refuses two patients with the same id', () => {
    assert.deepEqual(issuesOf(bundle(patient(), patient())), [
      { path: 'entry[1].resource.id', message: 'Another Patient in this bundle has the same id' },
    ]);
  });

  it('refuses clinical resources that name no patient or one not in the bundle', () => {
    assert.deepEqual(issuesOf(bundle(patient(), condition({ subject: undefined }), allergy({ patient: { reference: 'Patient/someone-else' } }))), [
      { path: 'entry[1].resource.subject', message: 'Needs a reference to the patient' },
      { path: 'entry[2].resource.patient.reference', message: 'Refers to a patient who is not in this bundle' },
    ]);
  });

  it('refuses a condition without a name or a date, and an unknown clinical status', () => {
    assert.deepEqual(issuesOf(bundle(patient(), condition({ code: { coding: [{ code: '1' }] } }))), [
      { path: 'entry[1].resource.code', message: 'Required' },
    ]);
    assert.deepEqual(issuesOf(bundle(patient(), condition({ recordedDate: undefined }))), [
      { path: 'entry[1].resource.recordedDate', message: 'Needs a recorded date or an onset date' },
    ]);
    assert.deepEqual(pathsOf(bundle(patient(), condition({ clinicalStatus: { coding: [{ code: 'gone' }] } }))), [
      'entry[1].resource.clinicalStatus',
    ]);
    assert.deepEqual(issuesOf(bundle(patient(), condition({ onsetDateTime: '2001-13-01' }))), [
      { path: 'entry[1].resource.onsetDateTime', message: 'Must be a real calendar date' },
    ]);
  });

  it('refuses an allergy with an unknown category or criticality, or no date', () => {
    assert.deepEqual(pathsOf(bundle(patient(), allergy({ category: ['drug'], criticality: 'severe' }))), [
      'entry[1].resource.category[0]',
      'entry[1].resource.criticality',
    ]);
    assert.deepEqual(issuesOf(bundle(patient(), allergy({ recordedDate: undefined }))), [
      { path: 'entry[1].resource.recordedDate', message: 'Needs a recorded date or an onset date' },
    ]);
  });

  it('refuses a medication without a drug, with an unknown status, or naming a Medication not in the bundle', () => {
    assert.deepEqual(issuesOf(bundle(patient(), medicationRequest({ medicationCodeableConcept: undefined }))), [
      { path: 'entry[1].resource.medicationCodeableConcept', message: 'Required' },
    ]);
    assert.deepEqual(issuesOf(bundle(patient(), medicationRequest({ status: 'paused' }))), [
      { path: 'entry[1].resource.status', message: 'Must be a FHIR medication status' },
    ]);
    assert.deepEqual(issuesOf(bundle(patient(), medicationRequest({ status: undefined }))), [
      { path: 'entry[1].resource.status', message: 'Required' },
    ]);
    assert.deepEqual(
      issuesOf(bundle(patient(), medicationRequest({ medicationCodeableConcept: undefined, medicationReference: { reference: 'Medication/m9' } }))),
      [{ path: 'entry[1].resource.medicationReference.reference', message: 'Refers to a medication that is not in this bundle' }],
    );
  });

  it('lists every problem of the bundle at once, in entry order, and maps nothing', () => {
    const input = bundle(
      patient({ birthDate: '1990-02-30' }),
      { resourceType: 'Observation', id: 'ignored' },
      condition({ code: undefined }),
      null,
      allergy({ patient: undefined }),
      medicationRequest({ authoredOn: '2001' }),
    );
    assert.deepEqual(pathsOf(input), [
      'entry[0].resource.birthDate',
      'entry[2].resource.code',
      'entry[3].resource',
      'entry[4].resource.patient',
      'entry[5].resource.authoredOn',
    ]);
  });

  it('does not judge the content of resources it skips', () => {
    const mapping = mapFhirBundle(bundle(patient(), { resourceType: 'Observation', status: 42, subject: 'nobody' }));
    assert.ok(mapping.ok);
    assert.deepEqual(mapping.skipped, [{ resourceType: 'Observation', count: 1, reason: 'not charted by EONPro Clinic yet' }]);
  });

  it('never quotes the offending values in its messages', () => {
    const canary = 'Zqxcanaryvwk';
    const input = bundle(
      patient({
        id: `id-${canary}`,
        name: [{ use: 'official', given: [`${canary}${'x'.repeat(120)}`], family: canary }],
        birthDate: `${canary}-01-01`,
        gender: canary,
        telecom: [{ system: 'email', value: `${canary}@` }],
      }),
      condition({ subject: { reference: `Patient/${canary}` }, clinicalStatus: { coding: [{ code: canary }] }, recordedDate: canary }),
      allergy({ category: [canary], code: { text: canary.repeat(30) } }),
      medicationRequest({ status: canary, medicationReference: { reference: `Medication/${canary}` }, medicationCodeableConcept: undefined }),
      { resourceType: canary.toLowerCase() },
    );
    const issues = issuesOf(input);
    assert.deepEqual(
      issues.map((issue) => issue.path),
      [
        'entry[0].resource.birthDate',
        'entry[0].resource.name[0].given[0]',
        'entry[0].resource.gender',
        'entry[0].resource.telecom[0].value',
        'entry[1].resource.subject.reference',
        'entry[1].resource.recordedDate',
        'entry[1].resource.clinicalStatus',
        'entry[2].resource.patient.reference',
        'entry[2].resource.code.text',
        'entry[2].resource.category[0]',
        'entry[3].resource.subject.reference',
        'entry[3].resource.medicationReference.reference',
        'entry[3].resource.status',
        'entry[4].resource.resourceType',
      ],
      'every planted problem is reported',
    );
    for (const issue of issues) assert.ok(!issue.message.toLowerCase().includes(canary.toLowerCase()), `message leaks: ${issue.path}`);
  });
});
