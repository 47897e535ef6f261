import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { todayIso } from '../format/display.ts';
import { allergyContent, allergyIssues, allergyToForm, newAllergy } from './allergyForm.ts';
import type { AllergyEntry, ConditionEntry } from './chartTypes.ts';
import { problemContent, problemIssues, problemToForm } from './problemForm.ts';

const penicillin = {
  id: '0190a1b2-0000-7000-8000-000000000001',
  rev: '000001733241600000:000000:node',
  patientId: '0190a1b2-0000-7000-8000-000000000002',
  substance: 'Penicillin V',
  code: '7984',
  codeSystem: 'http://www.nlm.nih.gov/research/umls/rxnorm',
  category: 'medication',
  criticality: 'high',
  reaction: 'Hives',
  status: 'active',
  recordedDate: '2019-05-01',
  amendsId: null,
  sourceId: null,
} as AllergyEntry;

const hypertension = {
  id: '0190a1b2-0000-7000-8000-000000000003',
  rev: '000001733241600000:000000:node',
  patientId: '0190a1b2-0000-7000-8000-000000000002',
  display: 'Essential hypertension',
  code: '59621000',
  codeSystem: 'http://snomed.info/sct',
  clinicalStatus: 'active',
  onsetDate: '2015-03-01',
  abatementDate: null,
  recordedDate: '2015-03-02',
  amendsId: null,
  sourceId: null,
} as ConditionEntry;

describe('allergy form content', () => {
  it('keeps the coding when a correction leaves the substance as it was, and records it today', () => {
    const content = allergyContent({ ...allergyToForm(penicillin), reaction: 'Anaphylaxis' }, penicillin);
    assert.equal(content.code, '7984');
    assert.equal(content.reaction, 'Anaphylaxis');
    assert.equal(content.recordedDate, todayIso());
  });

  it('drops the coding when the substance is retyped: the old code would name another substance', () => {
    const content = allergyContent({ ...allergyToForm(penicillin), substance: 'Amoxicillin' }, penicillin);
    assert.equal(content.code, null);
    assert.equal(content.codeSystem, null);
  });

  it('sends blank category and criticality as not recorded (null)', () => {
    const content = allergyContent({ ...newAllergy, substance: 'Latex' }, null);
    assert.equal(content.category, null);
    assert.equal(content.criticality, null);
    assert.deepEqual(allergyIssues(content), []);
  });

  it('finds a missing substance before anything is sent', () => {
    assert.deepEqual(
      allergyIssues(allergyContent(newAllergy, null)).map((issue) => issue.path),
      ['substance'],
    );
  });
});

describe('problem form content', () => {
  it('keeps coding and end date on a status-only correction', () => {
    const content = problemContent({ ...problemToForm(hypertension), clinicalStatus: 'resolved' }, hypertension);
    assert.equal(content.code, '59621000');
    assert.equal(content.clinicalStatus, 'resolved');
    assert.equal(content.onsetDate, '2015-03-01');
  });

  it('sends a blank onset as not recorded, and checks the date is real', () => {
    const blank = problemContent({ display: 'Asthma', onsetDate: '', clinicalStatus: 'active' }, null);
    assert.equal(blank.onsetDate, null);
    assert.deepEqual(problemIssues(blank), []);
    const invalid = problemContent({ display: 'Asthma', onsetDate: '2019-02-30', clinicalStatus: 'active' }, null);
    assert.deepEqual(problemIssues(invalid).map((issue) => issue.path), ['onsetDate']);
  });
});
