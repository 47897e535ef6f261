import { type AllergyFields, type ConditionFields, type Hlc, type MedicationFields } from '@eonpro/core';
import { readUnamendedEntries } from '../db/readers.ts';
import type { StoredRecord } from '../db/records.ts';
import type { LocalStore } from './localStore.ts';
import { getPatient, type PatientRecord } from './patients.ts';

type Entry<Fields> = { id: string; rev: Hlc } & Fields;

export interface ChartSummary {
  patient: PatientRecord;
  allergies: Entry<AllergyFields>[];
  conditions: Entry<ConditionFields>[];
  medications: Entry<MedicationFields>[];
}

/** The chart at a glance: each list holds current entries only (none amends them, none entered in error). */
export function chartSummary(store: LocalStore, patientId: string): ChartSummary {
  const patient = getPatient(store, patientId);
  return {
    patient,
    allergies: current<AllergyFields>(readUnamendedEntries(store.db, 'allergy', patientId), 'status'),
    conditions: current<ConditionFields>(readUnamendedEntries(store.db, 'condition', patientId), 'clinicalStatus'),
    medications: current<MedicationFields>(readUnamendedEntries(store.db, 'medication', patientId), 'status'),
  };
}

function current<Fields>(records: StoredRecord[], statusField: string): Entry<Fields>[] {
  return records
    .filter((record) => record.fields[statusField] !== 'entered-in-error')
    .map((record) => ({ id: record.id, rev: record.rev, ...(record.fields as Fields) }));
}

