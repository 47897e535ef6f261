import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { knownValuesOf } from './knownValuesOf.ts';

describe('knownValuesOf', () => {
  it("takes a pushed patient's names and contact details, not its codes or ids", () => {
    const input = {
      deviceId: '0190a6b4-6c1e-7abc-8def-0123456789ab',
      mutations: [{ entity: 'patient', op: 'create', fields: { givenName: 'Zyxwvanthe', familyName: 'Qorvalinsky', mrn: 'QZ-88417', phone: '555-201-9988', sex: 'female', city: 'Brookhollow' } }],
    };
    assert.deepEqual(knownValuesOf(input).sort(), ['555-201-9988', 'Brookhollow', 'QZ-88417', 'Qorvalinsky', 'Zyxwvanthe']);
  });

  it("leaves out a change's clock stamps, though they are keyed by sensitive field names", () => {
    const stamp = '000001733241600000:000000:0190a6b4-6c1e-7abc-8def-0123456789ab';
    const input = { mutations: [{ entity: 'patient', fields: { ssn: '508-73-1946' }, fieldRevs: { ssn: stamp, mrn: stamp } }] };
    assert.deepEqual(knownValuesOf(input), ['508-73-1946']);
  });

  it("takes a FHIR Patient's name, identifiers, telecom and address from a bundle, not its codes", () => {
    const bundle = {
      resourceType: 'Bundle',
      entry: [
        {
          resource: {
            resourceType: 'Patient',
            id: '43481611-2459-44f5-ab20-4b142dac160f',
            name: [{ use: 'official', given: ['Zyxwvanthe'], family: 'Qorvalinsky' }],
            identifier: [{ system: 'http://hl7.org/fhir/sid/us-ssn', value: '999-41-7733' }],
            telecom: [{ system: 'phone', value: '555-201-9988' }],
            address: [{ line: ['12 Wren Hollow Rd'], city: 'Brookhollow' }],
            gender: 'female',
          },
        },
        { resource: { resourceType: 'Condition', code: { coding: [{ system: 'http://snomed.info/sct', code: '38341003', display: 'Hypertension' }] } } },
      ],
    };
    const values = knownValuesOf({ fileName: 'Zyxwvanthe_Qorvalinsky.json', bundle });
    for (const value of ['Zyxwvanthe', 'Qorvalinsky', '999-41-7733', '555-201-9988', '12 Wren Hollow Rd', 'Brookhollow', 'Zyxwvanthe_Qorvalinsky.json']) {
      assert.ok(values.includes(value), value);
    }
    for (const value of ['Hypertension', '38341003', 'female', 'Patient', '43481611-2459-44f5-ab20-4b142dac160f']) assert.ok(!values.includes(value), value);
  });

  it('takes search text and credentials, and nothing from inputs without identifying fields', () => {
    assert.deepEqual(knownValuesOf({ query: 'qorvalinsky', limit: 10 }), ['qorvalinsky']);
    assert.deepEqual(knownValuesOf({ email: 'mona@clinic.test', password: 'a-long-password' }).sort(), ['a-long-password', 'mona@clinic.test']);
    assert.deepEqual(knownValuesOf({ cursor: 0, protocolVersion: 1 }), []);
    assert.deepEqual(knownValuesOf(undefined), []);
  });
});
