import type { StoredRecord } from '../db/records.ts';

/** What a search result or duplicate candidate shows about a patient. */
export interface PatientSummary {
  id: string;
  mrn: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  sex: string;
}

export function toPatientSummary(record: StoredRecord): PatientSummary {
  const f = record.fields;
  return {
    id: record.id,
    mrn: f.mrn as string,
    givenName: f.givenName as string,
    familyName: f.familyName as string,
    birthDate: f.birthDate as string,
    sex: f.sex as string,
  };
}
