import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { driversLicenseSchema, isIssuableSsn, maskDriversLicense, maskSsn, ssnSchema } from './identifiers.ts';
import { patientFieldsSchema } from './patient.ts';

describe('patient identifiers', () => {
  it('accepts an issuable SSN written NNN-NN-NNNN, and blank as none', () => {
    assert.equal(ssnSchema.parse(' 123-45-6789 '), '123-45-6789');
    assert.equal(ssnSchema.parse(''), null);
    assert.equal(ssnSchema.parse(undefined), null);
    assert.equal(ssnSchema.parse(null), null);
  });

  it("refuses the SSA's never-issued ranges and other spellings, without echoing the value", () => {
    for (const ssn of ['000-12-3456', '666-12-3456', '900-12-3456', '999-87-9731', '123-00-4567', '123-45-0000']) {
      assert.equal(isIssuableSsn(ssn), false, ssn);
      const result = ssnSchema.safeParse(ssn);
      assert.equal(result.success, false, ssn);
      assert.match(result.error!.issues[0]!.message, /^Not a valid SSN/);
      assert.ok(!result.error!.issues[0]!.message.includes(ssn));
    }
    for (const ssn of ['123456789', '123-456-789', '12-345-6789', 'abc-de-fghi']) {
      assert.equal(ssnSchema.safeParse(ssn).error?.issues[0]?.message, 'Must be written NNN-NN-NNNN', ssn);
    }
  });

  it("takes a driver's licence of 1–20 letters and digits, upper-cased", () => {
    assert.equal(driversLicenseSchema.parse('s99972861'), 'S99972861');
    assert.equal(driversLicenseSchema.parse(''), null);
    for (const bad of ['S999-72861', 'A'.repeat(21), 'S 9997']) {
      assert.equal(driversLicenseSchema.safeParse(bad).error?.issues[0]?.message, 'Must be 1 to 20 letters and digits', bad);
    }
  });

  it('are optional fields of a patient, reported at their own path', () => {
    const base = { mrn: 'M-1', givenName: 'Ann', familyName: 'Lee', birthDate: '1980-01-01', sex: 'female' };
    const parsed = patientFieldsSchema.parse(base);
    assert.equal(parsed.ssn, null);
    assert.equal(parsed.driversLicense, null);
    const refused = patientFieldsSchema.safeParse({ ...base, ssn: '666-12-3456', driversLicense: '!' });
    assert.deepEqual(refused.error?.issues.map((issue) => issue.path.join('.')), ['ssn', 'driversLicense']);
  });

  it('masks all but the last four characters', () => {
    assert.equal(maskSsn('123-45-6789'), '•••-••-6789');
    assert.equal(maskDriversLicense('S99972861'), '•••••2861');
    assert.equal(maskDriversLicense('AB1'), 'AB1');
  });
});
