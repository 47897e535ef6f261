import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { acceptedBundleTypes, mapFhirBundle, type MappedPatient } from './mapFhirBundle.ts';
import { RXNORM_SYSTEM } from './medication.ts';

const PATIENT_ID = 'b7e1c2d4-0000-4000-8000-0000000000aa';

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

function bundle(...resources: Record<string, unknown>[]): Record<string, unknown> {
  return {
    resourceType: 'Bundle',
    type: 'collection',
    entry: resources.map((resource) => ({ fullUrl: `urn:uuid:${String(resource.id)}`, resource })),
  };
}

function mapOne(...resources: Record<string, unknown>[]): MappedPatient {
  const mapping = mapFhirBundle(bundle(...resources));
  assert.ok(mapping.ok, mapping.ok ? '' : JSON.stringify(mapping.issues));
  assert.equal(mapping.patients.length, 1);
  return mapping.patients[0]!;
}

const subject = { reference: `urn:uuid:${PATIENT_ID}` };

describe('mapFhirBundle: Patient', () => {
  it('accepts transaction, batch, collection, searchset and document bundles', () => {
    for (const type of acceptedBundleTypes) {
      const mapping = mapFhirBundle({ ...bundle(patient()), type });
      assert.ok(mapping.ok, type);
    }
  });

  it('takes the MRN from the identifier typed MR, else the Patient id', () => {
    const identifier = [
      { system: 'urn:ssn', type: { coding: [{ code: 'SS' }] }, value: '999-00-1111' },
      { system: 'urn:mrn', type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MR' }] }, value: 'MRN-0042' },
    ];
    assert.equal(mapOne(patient({ identifier })).patient.mrn, 'MRN-0042');
    assert.equal(mapOne(patient({ identifier: [identifier[0]] })).patient.mrn, PATIENT_ID);
  });

  it("reads the SSN and the driver's licence, leaving out (and counting) ones that are not valid", () => {
    const valid = [
      { system: 'http://hl7.org/fhir/sid/us-ssn', type: { coding: [{ code: 'SS' }] }, value: '123-45-6789' },
      { system: 'urn:oid:2.16.840.1.113883.4.3.25', type: { coding: [{ code: 'DL' }] }, value: 's99938656' },
    ];
    const mapped = mapOne(patient({ identifier: valid })).patient;
    assert.equal(mapped.ssn, '123-45-6789');
    assert.equal(mapped.driversLicense, 'S99938656');
    assert.equal(mapOne(patient({ identifier: [{ system: 'http://hl7.org/fhir/sid/us-dl', value: 'X1' }] })).patient.driversLicense, 'X1');

    const invalid = [
      { system: 'http://hl7.org/fhir/sid/us-ssn', value: '999-18-2112' },
      { system: 'urn:oid:2.16.840.1.113883.4.3.25', value: 'S-999' },
    ];
    const mapping = mapFhirBundle(bundle(patient({ identifier: invalid })));
    assert.ok(mapping.ok);
    assert.equal(mapping.patients[0]!.patient.ssn, null);
    assert.equal(mapping.patients[0]!.patient.driversLicense, null);
    assert.deepEqual(mapping.skipped.map((s) => [s.resourceType, s.count]), [
      ['Patient.identifier (SSN)', 1],
      ["Patient.identifier (driver's licence)", 1],
    ]);
  });

  it('reads the official name, first given name, and keeps accents and apostrophes as written', () => {
    const name = [
      { use: 'maiden', family: 'Oldname', given: ['Zoë'] },
      { use: 'official', family: "O'Brien-Núñez", given: ['Zoë', 'Marie'] },
    ];
    const mapped = mapOne(patient({ name })).patient;
    assert.equal(mapped.givenName, 'Zoë');
    assert.equal(mapped.familyName, "O'Brien-Núñez");
  });

  it('uses the first name when none is marked official', () => {
    const mapped = mapOne(patient({ name: [{ family: 'First', given: ['One'] }, { family: 'Second', given: ['Two'] }] })).patient;
    assert.deepEqual([mapped.givenName, mapped.familyName], ['One', 'First']);
  });

  it('reads the home phone before other phones, the email, the first address and the death date', () => {
    const mapped = mapOne(
      patient({
        telecom: [
          { system: 'phone', use: 'mobile', value: '555-0100' },
          { system: 'email', value: 'alex@example.org' },
          { system: 'phone', use: 'home', value: '555-0199' },
        ],
        address: [
          { line: ['1 Main St', 'Apt 2'], city: 'Springfield', state: 'MA', postalCode: '01101' },
          { line: ['9 Other Rd'], city: 'Elsewhere' },
        ],
        deceasedDateTime: '2020-01-02T03:04:05-05:00',
      }),
    ).patient;
    assert.equal(mapped.phone, '555-0199');
    assert.equal(mapped.email, 'alex@example.org');
    assert.deepEqual([mapped.addressLine, mapped.city, mapped.state, mapped.postalCode], ['1 Main St', 'Springfield', 'MA', '01101']);
    assert.equal(mapped.deceasedDate, '2020-01-02');
  });

  it('falls back to any phone, and records an absent gender as unknown', () => {
    const mapped = mapOne(patient({ gender: undefined, telecom: [{ system: 'phone', use: 'mobile', value: '555-0100' }] })).patient;
    assert.equal(mapped.phone, '555-0100');
    assert.equal(mapped.sex, 'unknown');
  });

  it('maps several patients of one bundle and gives each its own entries', () => {
    const second = patient({ id: 'second-patient', name: [{ family: 'Other', given: ['Sam'] }] });
    const mapping = mapFhirBundle(
      bundle(
        patient(),
        second,
        { resourceType: 'Condition', id: 'c1', code: { text: 'Asthma' }, subject: { reference: 'Patient/second-patient' }, recordedDate: '2010-01-01' },
        { resourceType: 'Condition', id: 'c2', code: { text: 'Gout' }, subject: { reference: `Patient/${PATIENT_ID}` }, recordedDate: '2011-01-01' },
      ),
    );
    assert.ok(mapping.ok);
    assert.deepEqual(
      mapping.patients.map((p) => [p.sourceId, p.conditions.map((c) => c.display)]),
      [
        [PATIENT_ID, ['Gout']],
        ['second-patient', ['Asthma']],
      ],
    );
  });

  it('resolves references by the entry fullUrl as well', () => {
    const input = bundle(patient(), { resourceType: 'Condition', id: 'c1', code: { text: 'Asthma' }, subject: { reference: 'https://fhir.example.org/Patient/p-9' }, recordedDate: '2010-01-01' });
    (input.entry as { fullUrl: string }[])[0]!.fullUrl = 'https://fhir.example.org/Patient/p-9';
    const mapping = mapFhirBundle(input);
    assert.ok(mapping.ok);
    assert.equal(mapping.patients[0]!.conditions.length, 1);
  });
});

describe('mapFhirBundle: AllergyIntolerance', () => {
  const base = { resourceType: 'AllergyIntolerance', id: 'a1', patient: subject, code: { coding: [{ system: 'http://snomed.info/sct', code: '91936005', display: 'Penicillin allergy' }] } };

  it('reads the substance from the first coding display when there is no text, with its code and system', () => {
    const [allergy] = mapOne(patient(), { ...base, recordedDate: '2015-06-07T08:00:00Z', category: ['medication', 'food'], criticality: 'high' }).allergies;
    assert.deepEqual(allergy, {
      substance: 'Penicillin allergy',
      code: '91936005',
      codeSystem: 'http://snomed.info/sct',
      category: 'medication',
      criticality: 'high',
      reaction: null,
      status: 'active',
      recordedDate: '2015-06-07',
      amendsId: null,
      sourceId: 'a1',
    });
  });

  it('uses the onset date when there is no recorded date, and names the reactions', () => {
    const [allergy] = mapOne(patient(), {
      ...base,
      onsetDateTime: '2014-01-02',
      reaction: [{ manifestation: [{ text: 'Hives' }, { coding: [{ display: 'Wheezing' }] }] }],
    }).allergies;
    assert.equal(allergy!.recordedDate, '2014-01-02');
    assert.equal(allergy!.reaction, 'Hives, Wheezing');
  });

  it('takes the clinical status, and entered-in-error from the verification status', () => {
    const resolved = mapOne(patient(), { ...base, recordedDate: '2015-01-01', clinicalStatus: { coding: [{ code: 'resolved' }] } });
    assert.equal(resolved.allergies[0]!.status, 'resolved');
    const erroneous = mapOne(patient(), {
      ...base,
      recordedDate: '2015-01-01',
      clinicalStatus: { coding: [{ code: 'active' }] },
      verificationStatus: { coding: [{ code: 'entered-in-error' }] },
    });
    assert.equal(erroneous.allergies[0]!.status, 'entered-in-error');
  });
});

describe('mapFhirBundle: Condition', () => {
  it('uses the onset as recorded date when none is given, and entered-in-error from the verification status', () => {
    const [condition] = mapOne(patient(), {
      resourceType: 'Condition',
      id: 'c1',
      code: { text: 'Sinusitis' },
      subject,
      onsetDateTime: '2012-03-04T10:00:00+02:00',
      abatementDateTime: '2012-04-01',
      verificationStatus: { coding: [{ code: 'entered-in-error' }] },
    }).conditions;
    assert.deepEqual(
      [condition!.onsetDate, condition!.abatementDate, condition!.recordedDate, condition!.clinicalStatus, condition!.code],
      ['2012-03-04', '2012-04-01', '2012-03-04', 'entered-in-error', null],
    );
  });
});

describe('mapFhirBundle: MedicationRequest and MedicationStatement', () => {
  it('keeps the RxNorm code only when the coding is RxNorm, and the first dosage text', () => {
    const mapped = mapOne(
      patient(),
      {
        resourceType: 'MedicationRequest',
        id: 'm1',
        status: 'cancelled',
        subject,
        authoredOn: '2019-01-01',
        medicationCodeableConcept: { coding: [{ system: 'http://example.org/local', code: 'L1', display: 'Local drug' }, { system: RXNORM_SYSTEM, code: '197361' }] },
        dosageInstruction: [{ text: 'Take 1 tablet daily' }, { text: 'second' }],
      },
      { resourceType: 'MedicationRequest', id: 'm2', status: 'draft', subject, medicationCodeableConcept: { coding: [{ system: 'http://example.org/local', code: 'L2', display: 'Other' }] } },
    );
    assert.deepEqual(
      mapped.medications.map((m) => [m.display, m.rxnormCode, m.status, m.startDate, m.dosageText]),
      [
        ['Local drug', '197361', 'stopped', '2019-01-01', 'Take 1 tablet daily'],
        ['Other', null, 'unknown', null, null],
      ],
    );
  });

  it('reads a MedicationStatement: effective period, dosage text, and not-taken as stopped', () => {
    const [medication] = mapOne(patient(), {
      resourceType: 'MedicationStatement',
      id: 's1',
      status: 'not-taken',
      subject,
      medicationCodeableConcept: { text: 'Ibuprofen 200 MG' },
      effectivePeriod: { start: '2018-02-01', end: '2018-03-01T00:00:00Z' },
      dosage: [{ text: 'As needed' }],
    }).medications;
    assert.deepEqual(
      [medication!.display, medication!.status, medication!.startDate, medication!.endDate, medication!.dosageText],
      ['Ibuprofen 200 MG', 'stopped', '2018-02-01', '2018-03-01', 'As needed'],
    );
  });

  it('reads the drug from a Medication in the bundle or contained in the request, and skips the Medication itself', () => {
    const mapping = mapFhirBundle(
      bundle(
        patient(),
        { resourceType: 'Medication', id: 'med-a', code: { coding: [{ system: RXNORM_SYSTEM, code: '310965', display: 'Ibuprofen 200 MG Oral Tablet' }] } },
        { resourceType: 'MedicationRequest', id: 'm1', status: 'active', subject, medicationReference: { reference: 'urn:uuid:med-a' } },
        {
          resourceType: 'MedicationRequest',
          id: 'm2',
          status: 'completed',
          subject,
          contained: [{ resourceType: 'Medication', id: 'inline', code: { text: 'Amoxicillin 500 MG' } }],
          medicationReference: { reference: '#inline' },
        },
      ),
    );
    assert.ok(mapping.ok);
    assert.deepEqual(
      mapping.patients[0]!.medications.map((m) => [m.display, m.rxnormCode, m.status]),
      [
        ['Ibuprofen 200 MG Oral Tablet', '310965', 'active'],
        ['Amoxicillin 500 MG', null, 'completed'],
      ],
    );
    assert.deepEqual(mapping.skipped, [
      { resourceType: 'Medication', count: 1, reason: 'read through the MedicationRequest or MedicationStatement that refers to it' },
    ]);
  });
});
