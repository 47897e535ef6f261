import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePatientQuery, scoreNameMatch, typoBudget } from './patientQuery.ts';

describe('parsePatientQuery', () => {
  it('reads a birth date written ISO, US or European style', () => {
    for (const text of ['1990-04-16', '04/16/1990', '4/16/1990', '16.04.1990', ' 1990-4-16 ']) {
      assert.deepEqual(parsePatientQuery(text), { kind: 'birthDate', birthDate: '1990-04-16' }, text);
    }
  });

  it('reads a record number with or without the MRN prefix', () => {
    assert.deepEqual(parsePatientQuery('MRN 12345'), { kind: 'mrn', mrn: '12345' });
    assert.deepEqual(parsePatientQuery('mrn:AB-77'), { kind: 'mrn', mrn: 'AB-77' });
    assert.deepEqual(parsePatientQuery('mrn#9'), { kind: 'mrn', mrn: '9' });
    assert.deepEqual(parsePatientQuery('A1234'), { kind: 'mrn', mrn: 'A1234' });
  });

  it('does not read an impossible date as a birth date', () => {
    assert.notEqual(parsePatientQuery('1990-02-30').kind, 'birthDate');
    assert.notEqual(parsePatientQuery('13/13/1990').kind, 'birthDate');
  });

  it('reads a name in any order, folded into tokens', () => {
    assert.deepEqual(parsePatientQuery('Reinger, Ima'), { kind: 'name', tokens: ['reinger', 'ima'] });
    assert.deepEqual(parsePatientQuery('Zoë Núñez'), { kind: 'name', tokens: ['zoe', 'nunez'] });
  });

  it('is empty for blank or punctuation-only text', () => {
    assert.deepEqual(parsePatientQuery('   '), { kind: 'empty' });
    assert.deepEqual(parsePatientQuery('--'), { kind: 'empty' });
  });
});

describe('scoreNameMatch', () => {
  const ima = ['ima', 'reinger'];

  it('scores an exact match 0, in any token order', () => {
    assert.equal(scoreNameMatch(['ima', 'reinger'], ima), 0);
    assert.equal(scoreNameMatch(['reinger', 'ima'], ima), 0);
  });

  it('matches a typo, including a swapped pair of letters', () => {
    assert.notEqual(scoreNameMatch(['reigner'], ima), null);
    assert.notEqual(scoreNameMatch(['rienger'], ima), null);
    assert.notEqual(scoreNameMatch(['reinher'], ima), null);
  });

  it('ranks a prefix above a typo, and an exact match above both', () => {
    const exact = scoreNameMatch(['reinger'], ima)!;
    const prefix = scoreNameMatch(['rein'], ima)!;
    const typo = scoreNameMatch(['reigner'], ima)!;
    assert.ok(exact < prefix && prefix < typo, `${exact} < ${prefix} < ${typo}`);
  });

  it('returns null for an unrelated name, or when any token matches nothing', () => {
    assert.equal(scoreNameMatch(['smith'], ima), null);
    assert.equal(scoreNameMatch(['ima', 'smith'], ima), null);
  });

  it('allows no typo in very short tokens', () => {
    assert.equal(typoBudget('al'), 0);
    assert.equal(scoreNameMatch(['ix'], ima), null);
    assert.equal(typoBudget('ima'), 1);
    assert.equal(typoBudget('reinger'), 2);
  });
});
