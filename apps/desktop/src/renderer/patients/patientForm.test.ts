import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { changedFields, checkChanges, checkRegistration, emptyPatientForm, patientToForm, prefillFromSearch, registrationInput } from './patientForm.ts';

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
    assert.deepEqual(registrationInput({ ...values, mrn: 'A1' }), { ...values, mrn: 'A1' });
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
    const checked = checkRegistration({ ...emptyPatientForm, givenName: 'Ima', birthDate: '2990-01-01', email: 'not-an-email' });
    assert.equal(checked.ok, false);
    assert.deepEqual(checked.ok ? [] : checked.issues.map((issue) => issue.path).sort(), ['birthDate', 'email', 'familyName', 'sex']);
  });

  it('accepts a complete registration without an MRN, blanks sent as null', () => {
    const checked = checkRegistration({ ...emptyPatientForm, givenName: 'Ima', familyName: 'Reinger', birthDate: '1990-04-16', sex: 'female' });
    assert.equal(checked.ok, true);
    assert.equal(checked.ok && checked.value.phone, null);
    assert.equal(checked.ok && 'mrn' in checked.value && checked.value.mrn !== undefined, false);
  });

  it('checks only the changed fields of an edit', () => {
    assert.deepEqual(checkChanges({ phone: '555-0100', email: '' }), { ok: true, value: { phone: '555-0100', email: null } });
    const invalid = checkChanges({ birthDate: '1990-02-30' });
    assert.deepEqual(invalid.ok ? [] : invalid.issues.map((issue) => issue.path), ['birthDate']);
  });
});
