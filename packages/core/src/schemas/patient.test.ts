import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../errors/appError.ts';
import { issuesFromZod, parseOrThrow } from '../errors/validation.ts';
import { patientFieldsSchema, type PatientInput } from './patient.ts';

const valid: PatientInput = {
  mrn: 'MRN-1001',
  givenName: 'Zoë',
  familyName: "O'Brien-Núñez",
  birthDate: '1984-02-29',
  sex: 'female',
  phone: '555-0100',
  email: 'zoe@example.org',
  addressLine: '1 Main St',
  city: 'Springfield',
  state: 'MA',
  postalCode: '01101',
};

function issuesFor(input: unknown): { path: string; message: string }[] {
  const result = patientFieldsSchema.safeParse(input);
  assert.equal(result.success, false, 'expected the patient to be refused');
  return result.success ? [] : issuesFromZod(result.error);
}

describe('patientFieldsSchema', () => {
  it('accepts a complete patient, trimming text and keeping accents', () => {
    const parsed = patientFieldsSchema.parse({ ...valid, givenName: '  Zoë ' });
    assert.equal(parsed.givenName, 'Zoë');
    assert.equal(parsed.familyName, "O'Brien-Núñez");
    assert.equal(parsed.birthDate, '1984-02-29');
    assert.equal(parsed.deceasedDate, null);
    assert.equal(parsed.sourceId, null);
  });

  it('normalises absent, empty and blank optional text to null', () => {
    const parsed = patientFieldsSchema.parse({ ...valid, phone: '   ', email: '', addressLine: null, city: undefined });
    assert.deepEqual([parsed.phone, parsed.email, parsed.addressLine, parsed.city], [null, null, null, null]);
    const minimal = patientFieldsSchema.parse({ mrn: 'M1', givenName: 'A', familyName: 'B', birthDate: '2000-01-01', sex: 'unknown' });
    assert.deepEqual([minimal.phone, minimal.email, minimal.state, minimal.postalCode], [null, null, null, null]);
  });

  it('refuses a date that does not exist, at its path', () => {
    assert.deepEqual(issuesFor({ ...valid, birthDate: '2023-02-30' }), [{ path: 'birthDate', message: 'Must be a real calendar date' }]);
    assert.deepEqual(issuesFor({ ...valid, birthDate: '1983-02-29' }), [{ path: 'birthDate', message: 'Must be a real calendar date' }]);
  });

  it('refuses a date not written YYYY-MM-DD, saying so first', () => {
    const issues = issuesFor({ ...valid, birthDate: '02/03/1990' });
    assert.deepEqual(issues[0], { path: 'birthDate', message: 'Must be a date written YYYY-MM-DD' });
    assert.ok(issues.every((issue) => issue.path === 'birthDate'));
  });

  it('refuses a birth date or death date in the future, at its path', () => {
    const nextYear = `${new Date().getUTCFullYear() + 1}-01-01`;
    assert.deepEqual(issuesFor({ ...valid, birthDate: nextYear }), [{ path: 'birthDate', message: 'Cannot be in the future' }]);
    assert.deepEqual(issuesFor({ ...valid, deceasedDate: nextYear }), [{ path: 'deceasedDate', message: 'Cannot be in the future' }]);
  });

  it('refuses missing names, an unknown sex and a malformed email, listing every problem', () => {
    const issues = issuesFor({ ...valid, givenName: '  ', familyName: 'x'.repeat(101), sex: 'M', email: 'not-an-email' });
    assert.deepEqual(issues, [
      { path: 'givenName', message: 'Required' },
      { path: 'familyName', message: 'At most 100 characters' },
      { path: 'sex', message: 'Must be female, male, other or unknown' },
      { path: 'email', message: 'Must be an email address' },
    ]);
  });

  it('parseOrThrow raises one VALIDATION error with every issue and no offending value', () => {
    const canary = 'Qwzcanaryxx';
    assert.throws(
      () => parseOrThrow(patientFieldsSchema, { ...valid, givenName: '', email: `${canary}@`, birthDate: `${canary}` }, 'Patient'),
      (error: unknown) => {
        assert.ok(error instanceof AppError);
        assert.equal(error.code, 'VALIDATION');
        assert.deepEqual([...new Set(error.issues.map((i) => i.path))], ['givenName', 'birthDate', 'email']);
        assert.ok(!JSON.stringify({ message: error.message, issues: error.issues }).includes(canary));
        return true;
      },
    );
  });
});
