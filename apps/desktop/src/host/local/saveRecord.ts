import { trigrams } from '@eonpro/core';
import type { Db } from '../db/openDatabase.ts';
import type { StoredRecord } from '../db/records.ts';
import { replacePatientSearch, upsertRecord } from '../db/writers.ts';

/** Stores a record's row and keeps the patient name index in step with it. */
export function saveRecord(db: Db, record: StoredRecord): void {
  upsertRecord(db, record);
  if (record.entity === 'patient') {
    const grams = record.deleted ? [] : trigrams(`${String(record.fields.givenName ?? '')} ${String(record.fields.familyName ?? '')}`);
    replacePatientSearch(db, record.id, grams);
  }
}
