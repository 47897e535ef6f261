import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { AppError } from '@eonpro/core';
import { readRecord } from '../../../src/host/db/readers.ts';
import { findPossibleDuplicates, getPatient, registerPatient, updatePatient } from '../../../src/host/local/patients.ts';
import { countRows } from '../support/outboxRows.ts';
import { patientInput } from '../support/patients.ts';
import { openTestStore, type TestStore } from '../support/testStore.ts';

describe('patients', () => {
  let t: TestStore;
  beforeEach(() => {
    t = openTestStore();
  });
  afterEach(() => t.cleanup());

  it('registers a patient with a new MRN when none is given, and a UUIDv7 id', () => {
    const { id, mrn } = registerPatient(t.store, t.actor, patientInput());
    assert.match(mrn, /^[1-9][0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{5}$/);
    assert.equal(getPatient(t.store, id).mrn, mrn);
    assert.equal(id[14], '7');
  });

  it('refuses a second patient with an MRN already in use (any letter case)', () => {
    registerPatient(t.store, t.actor, patientInput({ mrn: 'abc-123' }));
    assert.throws(
      () => registerPatient(t.store, t.actor, patientInput({ mrn: 'ABC-123', givenName: 'Other' })),
      (error: unknown) => error instanceof AppError && error.code === 'CONFLICT' && error.issues[0]?.path === 'mrn',
    );
    assert.equal(countRows(t.store.db, 'patients'), 1);
  });

  it('an edit made on a stale version is refused only when someone else changed the same field since', () => {
    const { id } = registerPatient(t.store, t.actor, patientInput());
    const opened = readRecord(t.store.db, 'patient', id)!.rev;
    updatePatient(t.store, t.actor, id, opened, { phone: '555-0100' });
    const { rev } = updatePatient(t.store, t.actor, id, opened, { city: 'Springfield' });
    assert.equal(getPatient(t.store, id).city, 'Springfield');
    assert.equal(getPatient(t.store, id).rev, rev);
    assert.throws(
      () => updatePatient(t.store, t.actor, id, opened, { phone: '555-0199' }),
      (error: unknown) => error instanceof AppError && error.code === 'CONFLICT' && error.issues[0]?.path === 'changes.phone',
    );
    assert.equal(getPatient(t.store, id).phone, '555-0100');
  });

  it('an edit that changes nothing writes nothing', () => {
    const { id } = registerPatient(t.store, t.actor, patientInput({ phone: '555-0100' }));
    const { rev } = getPatient(t.store, id);
    assert.deepEqual(updatePatient(t.store, t.actor, id, rev, { phone: '555-0100' }), { rev });
    assert.equal(countRows(t.store.db, 'outbox'), 1);
  });

  it('refuses unknown fields and the import source in an edit', () => {
    const { id, } = registerPatient(t.store, t.actor, patientInput());
    const { rev } = getPatient(t.store, id);
    assert.throws(() => updatePatient(t.store, t.actor, id, rev, { sourceId: 'x' }), (error: unknown) => error instanceof AppError && error.code === 'VALIDATION');
  });

  it('an unknown patient is NOT_FOUND', () => {
    assert.throws(() => getPatient(t.store, '01890000-0000-7000-8000-000000000000'), (error: unknown) => error instanceof AppError && error.code === 'NOT_FOUND');
  });

  it('finds possible duplicates: similar name with the same birth date, or the same name with another date', () => {
    const same = registerPatient(t.store, t.actor, patientInput({ givenName: 'Zoë', familyName: 'Núñez', birthDate: '1975-03-09' }));
    const otherDate = registerPatient(t.store, t.actor, patientInput({ givenName: 'Zoe', familyName: 'Nunez', birthDate: '1975-09-03' }));
    registerPatient(t.store, t.actor, patientInput({ givenName: 'Zoe', familyName: 'Norton', birthDate: '1990-01-01' }));
    const found = findPossibleDuplicates(t.store, { givenName: 'Zoe', familyName: 'Nunes', birthDate: '1975-03-09' });
    assert.deepEqual(found.map((p) => p.id), [same.id]);
    const byName = findPossibleDuplicates(t.store, { givenName: 'Zoe', familyName: 'Nunez', birthDate: '2001-01-01' });
    assert.deepEqual(byName.map((p) => p.id).sort(), [same.id, otherDate.id].sort());
  });
});
