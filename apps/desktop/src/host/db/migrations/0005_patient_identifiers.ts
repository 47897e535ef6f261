import type { Migration } from './migration.ts';

/**
 * A patient's SSN and driver's licence number (core's `ssn`, `driversLicense`). Kept as plain columns: the whole
 * database is SQLCipher-encrypted. Not indexed and not in the search trigrams: nobody finds a patient by them.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'patient-identifiers',
  up(db) {
    db.exec(`
      ALTER TABLE patients ADD COLUMN ssn TEXT;
      ALTER TABLE patients ADD COLUMN drivers_license TEXT;
    `);
  },
};
