import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toPatientSummary } from '../../../src/host/db/records.ts';

const row = { id: 'p1', mrn: 'MRN-1', givenName: 'Vera', familyName: 'Guarded', birthDate: '1971-03-09', sex: 'female' };

describe('a search row as shown', () => {
  it('shows an unrestricted patient as stored, with no age of its own', () => {
    assert.deepEqual(toPatientSummary({ ...row, restricted: 0 }), { ...row, restricted: false, ageYears: null });
  });

  it('shows a restricted patient by name and whole years only, counting the birthday itself', () => {
    const hidden = { id: 'p1', mrn: null, givenName: 'Vera', familyName: 'Guarded', birthDate: null, sex: null, restricted: true };
    assert.deepEqual(toPatientSummary({ ...row, restricted: 1 }, new Date(2024, 2, 8)), { ...hidden, ageYears: 52 });
    assert.deepEqual(toPatientSummary({ ...row, restricted: 1 }, new Date(2024, 2, 9)), { ...hidden, ageYears: 53 });
  });
});
