import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isoDateSchema, optionalText, pastDateSchema, trimmedText, uuidSchema } from './primitives.ts';
import { allergyFieldsSchema } from './allergy.ts';
import { conditionFieldsSchema } from './condition.ts';
import { medicationFieldsSchema } from './medication.ts';
import { uuidv7 } from '../ids/uuidv7.ts';

describe('date schemas', () => {
  it('accept real calendar dates, leap days included', () => {
    for (const date of ['2024-02-29', '2000-02-29', '1999-12-31', '1900-01-01']) assert.equal(isoDateSchema.parse(date), date);
  });

  it('refuse dates that do not exist', () => {
    for (const date of ['2023-02-30', '2023-02-29', '1900-02-29', '2023-04-31', '2023-13-01', '2023-00-10']) {
      assert.equal(isoDateSchema.safeParse(date).success, false, date);
    }
  });

  it('refuse other spellings and date-times', () => {
    for (const date of ['2023-2-3', '20230203', '2023-02-03T00:00:00Z', '']) assert.equal(isoDateSchema.safeParse(date).success, false, date);
  });

  it('pastDateSchema accepts today and refuses tomorrow', () => {
    const today = new Date().toISOString().slice(0, 10);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    assert.equal(pastDateSchema.parse(today), today);
    assert.equal(pastDateSchema.safeParse(tomorrow).success, false);
  });
});

describe('text schemas', () => {
  it('optional text trims, and turns empty, blank, null or absent into null', () => {
    const schema = optionalText(10);
    assert.equal(schema.parse('  hello '), 'hello');
    for (const empty of ['', '   ', null, undefined]) assert.equal(schema.parse(empty), null);
    assert.equal(schema.safeParse('x'.repeat(11)).success, false);
  });

  it('required text trims and refuses blank', () => {
    const schema = trimmedText(5);
    assert.equal(schema.parse(' abc '), 'abc');
    assert.equal(schema.safeParse('  ').success, false);
  });
});

describe('clinical entry schemas', () => {
  const patientId = uuidv7();

  it('fill optional fields with null and require a UUID patient id', () => {
    const allergy = allergyFieldsSchema.parse({ patientId, substance: 'Peanut', status: 'active', recordedDate: '2020-01-01' });
    assert.deepEqual([allergy.category, allergy.criticality, allergy.amendsId, allergy.code], [null, null, null, null]);
    assert.equal(uuidSchema.safeParse('not-a-uuid').success, false);
    const result = conditionFieldsSchema.safeParse({ patientId: 'nope', display: 'Asthma', clinicalStatus: 'active', recordedDate: '2020-01-01' });
    assert.equal(result.success, false);
    assert.deepEqual(result.error?.issues.map((i) => i.path), [['patientId']]);
  });

  it('refuse a medication status that is not in the list', () => {
    const result = medicationFieldsSchema.safeParse({ patientId, display: 'Aspirin', status: 'paused' });
    assert.equal(result.success, false);
    assert.deepEqual(result.error?.issues.map((i) => i.path), [['status']]);
  });
});
