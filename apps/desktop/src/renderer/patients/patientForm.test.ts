import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { changedFields, changesIssues, emptyPatientForm, patientToForm, prefillFromSearch, registrationInput, registrationIssues } from './patientForm.ts';

const stored = {
  givenName: 'Ima',
  familyName: 'Reinger',
  birthDate: '1990-04-16',
  sex: 'female',
  phone: null,
  email: 'ima@example.org',
  addressLine: null,
  city: 'Boston',
  state: 'MA',
  postalCode: null,
  mrn: 'MRN-1001',
};

describe('patient form values', () => {
  it('turns a stored patient into form strings, nulls as empty', () => {
    const form = patientToForm(stored);
    assert.equal(form.phone, '');
    assert.equal(form.city, 'Boston');
  });

  it('sends only the fields that changed, and nothing for spaces alone', () => {
    const original = patientToForm(stored);
    const edited = { ...original, phone: '555-0100', city: ' Boston ', email: '' };
    assert.deepEqual(changedFields(original, edited), { phone: '555-0100', email: '' });
  });

  it('leaves a blank MRN out of a registration so the host assigns one', () => {
    const values = { ...emptyPatientForm, givenName: 'Ima', mrn: '  ' };
    assert.equal('mrn' in registrationInput(values), false);
    assert.equal(registrationInput({ ...values, mrn: 'A1' }).mrn, 'A1');
  });

  it('pre-fills registration from the search that found nobody', () => {
    const comma = prefillFromSearch('Reinger, Ima');
    assert.deepEqual([comma.givenName, comma.familyName], ['Ima', 'Reinger']);
    const spaced = prefillFromSearch('Ima van Reinger');
    assert.deepEqual([spaced.givenName, spaced.familyName], ['Ima', 'van Reinger']);
    assert.equal(prefillFromSearch('04/16/1990').birthDate, '1990-04-16');
    assert.equal(prefillFromSearch('MRN 12345').mrn, '12345');
    assert.deepEqual(prefillFromSearch('  '), emptyPatientForm);
  });

  it('finds every registration problem at once, each on its field', () => {
    const issues = registrationIssues({ ...emptyPatientForm, givenName: 'Ima', birthDate: '2990-01-01', email: 'not-an-email' });
    assert.deepEqual(issues.map((issue) => issue.path).sort(), ['birthDate', 'email', 'familyName', 'sex']);
  });

  it('accepts a complete registration without an MRN', () => {
    assert.deepEqual(registrationIssues({ ...emptyPatientForm, givenName: 'Ima', familyName: 'Reinger', birthDate: '1990-04-16', sex: 'female' }), []);
  });

  it('checks only the changed fields of an edit', () => {
    assert.deepEqual(changesIssues({ phone: '555-0100' }), []);
    assert.deepEqual(changesIssues({ birthDate: '1990-02-30' }).map((issue) => issue.path), ['birthDate']);
  });
});
