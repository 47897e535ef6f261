import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatHlc, type Hlc } from './hlc.ts';
import { mergeFields, type FieldState } from './merge.ts';

const at = (wallMs: number, node = 'a'): Hlc => formatHlc({ wallMs, counter: 0, node });
const safetyFields = ['birthDate', 'sex', 'mrn'];

function state(fields: Record<string, [unknown, Hlc]>): FieldState {
  return {
    fields: Object.fromEntries(Object.entries(fields).map(([k, [v]]) => [k, v])),
    fieldRevs: Object.fromEntries(Object.entries(fields).map(([k, [, rev]]) => [k, rev])),
  };
}

describe('mergeFields', () => {
  it('creates a record from the first change, its rev the latest field rev', () => {
    const result = mergeFields(null, state({ givenName: ['Alex', at(1)], familyName: ['Doe', at(2)] }));
    assert.deepEqual(result.fields, { givenName: 'Alex', familyName: 'Doe' });
    assert.equal(result.rev, at(2));
    assert.deepEqual(result.changedFields.sort(), ['familyName', 'givenName']);
  });

  it('keeps the later write of each field independently (last writer wins per field)', () => {
    const current = state({ phone: ['555-0001', at(10)], city: ['Boston', at(30)] });
    const incoming = state({ phone: ['555-0002', at(20)], city: ['Salem', at(20)] });
    const result = mergeFields(current, incoming);
    assert.deepEqual(result.fields, { phone: '555-0002', city: 'Boston' });
    assert.deepEqual(result.fieldRevs, { phone: at(20), city: at(30) });
    assert.deepEqual(result.changedFields, ['phone']);
    assert.equal(result.rev, at(30));
  });

  it('breaks a tie on wall time by the node id inside the HLC', () => {
    const current = state({ city: ['Boston', at(10, 'a')] });
    const result = mergeFields(current, state({ city: ['Salem', at(10, 'b')] }));
    assert.equal(result.fields.city, 'Salem');
  });

  it('is commutative: two changes applied in either order give the same record', () => {
    const base = state({ givenName: ['Alex', at(1)], phone: ['555-0000', at(1)], city: ['Boston', at(1)] });
    const fromA = state({ phone: ['555-1111', at(5, 'a')], city: ['Salem', at(3, 'a')] });
    const fromB = state({ phone: ['555-2222', at(4, 'b')], city: ['Lynn', at(6, 'b')], givenName: ['Alexa', at(2, 'b')] });
    const ab = mergeFields(mergeFields(base, fromA), fromB);
    const ba = mergeFields(mergeFields(base, fromB), fromA);
    assert.deepEqual(ab.fields, ba.fields);
    assert.deepEqual(ab.fieldRevs, ba.fieldRevs);
    assert.equal(ab.rev, ba.rev);
    assert.deepEqual(ab.fields, { givenName: 'Alexa', phone: '555-1111', city: 'Lynn' });
  });

  it('is idempotent: applying the same change again changes nothing', () => {
    const base = state({ city: ['Boston', at(1)] });
    const change = state({ city: ['Salem', at(2)] });
    const once = mergeFields(base, change);
    const twice = mergeFields(once, change);
    assert.deepEqual(twice.fields, once.fields);
    assert.deepEqual(twice.fieldRevs, once.fieldRevs);
    assert.deepEqual(twice.changedFields, []);
  });

  it('reports a concurrent change to a safety field with both values, whichever wins', () => {
    const current = state({ birthDate: ['1980-01-02', at(20, 'a')] });
    const newer = mergeFields(current, state({ birthDate: ['1980-02-01', at(30, 'b')] }), { safetyFields, baseRev: at(10) });
    assert.equal(newer.fields.birthDate, '1980-02-01');
    assert.deepEqual(newer.conflicts, [{ field: 'birthDate', kept: '1980-02-01', other: '1980-01-02' }]);

    const older = mergeFields(current, state({ birthDate: ['1980-02-01', at(15, 'b')] }), { safetyFields, baseRev: at(10) });
    assert.equal(older.fields.birthDate, '1980-01-02');
    assert.deepEqual(older.conflicts, [{ field: 'birthDate', kept: '1980-01-02', other: '1980-02-01' }]);
  });

  it('reports no conflict when the change was made on the current rev', () => {
    const current = state({ birthDate: ['1980-01-02', at(20)] });
    const result = mergeFields(current, state({ birthDate: ['1980-02-01', at(30, 'b')] }), { safetyFields, baseRev: at(20) });
    assert.equal(result.fields.birthDate, '1980-02-01');
    assert.deepEqual(result.conflicts, []);
  });

  it('reports no conflict for other fields, nor when both sides wrote the same value', () => {
    const current = state({ city: ['Boston', at(20)], sex: ['female', at(20)] });
    const incoming = state({ city: ['Salem', at(30, 'b')], sex: ['female', at(30, 'b')] });
    const result = mergeFields(current, incoming, { safetyFields, baseRev: at(10) });
    assert.deepEqual(result.conflicts, []);
    assert.deepEqual(result.changedFields, ['city']);
  });
});
