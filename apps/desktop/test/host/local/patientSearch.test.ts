import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { registerPatient } from '../../../src/host/local/patients.ts';
import { searchPatients } from '../../../src/host/local/patientSearch.ts';
import { patientInput } from '../support/patients.ts';
import { openTestStore, type TestStore } from '../support/testStore.ts';

describe('patient search', () => {
  let t: TestStore;
  const ids: Record<string, string> = {};
  before(() => {
    t = openTestStore();
    const add = (key: string, given: string, family: string, birthDate: string, mrn: string) => {
      ids[key] = registerPatient(t.store, t.actor, patientInput({ givenName: given, familyName: family, birthDate, mrn })).id;
    };
    add('ima', 'Ima', 'Reinger', '1961-07-24', 'MRN-0001');
    add('zoe', 'Zoë', "O'Brien-Núñez", '1990-04-16', 'ab12cd');
    add('jon', 'Jonathan', 'Smith', '1975-01-30', '000123');
    add('joan', 'Joan', 'Smythe', '1975-01-30', '000124');
    for (let i = 0; i < 60; i++) add(`many${i}`, `Pat${String.fromCharCode(97 + (i % 26))}`, 'Commonname', '2000-01-01', `M${i}X`);
  });
  after(() => t.cleanup());

  it('finds a name with a typo', () => {
    const { kind, results } = searchPatients(t.store, 'Reigner');
    assert.equal(kind, 'name');
    assert.deepEqual(results.map((r) => r.id), [ids.ima]);
  });

  it('finds names in any order and with accents folded either way', () => {
    assert.deepEqual(searchPatients(t.store, 'nunez zoe').results.map((r) => r.id), [ids.zoe]);
    assert.deepEqual(searchPatients(t.store, "O'Brien, Zoë").results.map((r) => r.id), [ids.zoe]);
  });

  it('ranks an exact name before a typo match', () => {
    const { results } = searchPatients(t.store, 'Smith');
    assert.equal(results[0]!.id, ids.jon);
    assert.ok(results.some((r) => r.id === ids.joan));
  });

  it('a prefix finds the longer name', () => {
    assert.deepEqual(searchPatients(t.store, 'Jonat Smi').results.map((r) => r.id), [ids.jon]);
  });

  it('a birth date in any common format matches exactly', () => {
    for (const query of ['1975-01-30', '01/30/1975', '30.01.1975']) {
      const { kind, results } = searchPatients(t.store, query);
      assert.equal(kind, 'birthDate');
      assert.deepEqual(results.map((r) => r.id).sort(), [ids.jon, ids.joan].sort(), query);
    }
  });

  it('an MRN matches exactly, in any letter case', () => {
    assert.deepEqual(searchPatients(t.store, 'AB12CD').results.map((r) => r.id), [ids.zoe]);
    assert.deepEqual(searchPatients(t.store, 'MRN mrn-0001').results.map((r) => r.id), [ids.ima]);
    assert.deepEqual(searchPatients(t.store, '00012').results, []);
  });

  it('returns at most 50 results, and never more than the limit asked for', () => {
    assert.equal(searchPatients(t.store, 'Commonname').results.length, 50);
    assert.equal(searchPatients(t.store, 'Commonname', 5).results.length, 5);
  });

  it('an empty query finds nothing', () => {
    assert.deepEqual(searchPatients(t.store, '   '), { kind: 'empty', results: [] });
  });

  it('returns the summary fields only', () => {
    const [first] = searchPatients(t.store, 'Reinger').results;
    assert.deepEqual(Object.keys(first!).sort(), ['ageYears', 'birthDate', 'familyName', 'givenName', 'id', 'mrn', 'restricted', 'sex']);
    assert.deepEqual([first!.restricted, first!.ageYears], [false, null]);
  });
});
