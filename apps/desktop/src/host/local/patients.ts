import {
  AppError,
  compareHlc,
  foldText,
  foldedTokens,
  parseOrThrow,
  patientFieldsSchema,
  uuidv7,
  type Hlc,
  type PatientFields,
} from '@eonpro/core';
import { z } from 'zod';
import { readPatientsByMrn, readRecord } from '../db/readers.ts';
import type { PatientSummary, StoredRecord } from '../db/records.ts';
import type { Actor } from './actor.ts';
import type { LocalStore } from './localStore.ts';
import { generateMrn } from './mrn.ts';
import { rankByName } from './patientSearch.ts';
import { writeLocalChange } from './writeLocalChange.ts';

/** What the registration form sends: every demographic field, the MRN optional (one is made if left out). */
export const patientRegistrationSchema = patientFieldsSchema
  .omit({ sourceId: true })
  .extend({ mrn: patientFieldsSchema.shape.mrn.optional() });
export type PatientRegistration = z.input<typeof patientRegistrationSchema>;

/** The fields an edit may change: any demographic except where the record was imported from. */
export const patientChangesSchema = patientFieldsSchema.omit({ sourceId: true }).partial().strict();

export type PatientRecord = { id: string; rev: Hlc } & PatientFields;

export function registerPatient(store: LocalStore, actor: Actor, input: unknown): { id: string; mrn: string } {
  const parsed = parseOrThrow(patientRegistrationSchema, input, 'The patient registration');
  return store.transaction(() => {
    const mrn = parsed.mrn ?? unusedMrn(store);
    if (parsed.mrn !== undefined) assertMrnFree(store, mrn, null);
    const id = uuidv7();
    const fields: PatientFields = { ...parsed, mrn, sourceId: null };
    writeLocalChange(store, actor, { entity: 'patient', recordId: id, op: 'create', fields, baseRev: null });
    return { id, mrn };
  });
}

export function getPatient(store: LocalStore, id: string): PatientRecord {
  const record = readPatient(store, id);
  return { id: record.id, rev: record.rev, ...(record.fields as PatientFields) };
}

/**
 * Changes only the fields the person edited. If one of those very fields was changed by someone else after
 * the version they were looking at (`baseRev`), nothing is saved: they must see the other change first.
 */
export function updatePatient(store: LocalStore, actor: Actor, id: string, baseRev: Hlc, changesInput: unknown): { rev: Hlc } {
  const changes = parseOrThrow(patientChangesSchema, changesInput, 'The patient changes');
  return store.transaction(() => {
    const record = readPatient(store, id);
    const effective = Object.fromEntries(
      Object.entries(changes).filter(([field, value]) => (record.fields[field] ?? null) !== (value ?? null)),
    );
    const changedSince = Object.keys(effective).filter((field) => {
      const fieldRev = record.fieldRevs[field];
      return fieldRev !== undefined && compareHlc(fieldRev, baseRev) > 0;
    });
    if (changedSince.length > 0) {
      throw new AppError(
        'CONFLICT',
        'Someone else changed this patient while you were editing. Reload the patient and make your change again.',
        changedSince.map((field) => ({ path: `changes.${field}`, message: 'Changed by someone else since you opened the record' })),
      );
    }
    if (Object.keys(effective).length === 0) return { rev: record.rev };
    if (typeof effective.mrn === 'string') assertMrnFree(store, effective.mrn, id);
    const { rev } = writeLocalChange(store, actor, { entity: 'patient', recordId: id, op: 'update', fields: effective, baseRev });
    return { rev };
  });
}

const DUPLICATE_CANDIDATES = 500;

export const duplicateCheckSchema = z.object({
  givenName: patientFieldsSchema.shape.givenName,
  familyName: patientFieldsSchema.shape.familyName,
  birthDate: patientFieldsSchema.shape.birthDate,
});

/**
 * Patients who may be the person being registered: the same birth date with a similar name (typos and
 * accents allowed), or exactly the same name with another birth date (a mistyped date).
 */
export function findPossibleDuplicates(store: LocalStore, input: unknown): PatientSummary[] {
  const { givenName, familyName, birthDate } = parseOrThrow(duplicateCheckSchema, input, 'The duplicate check');
  const fullName = foldText(`${givenName} ${familyName}`);
  return rankByName(store, foldedTokens(fullName), DUPLICATE_CANDIDATES).filter(
    (patient) => patient.birthDate === birthDate || foldText(`${patient.givenName} ${patient.familyName}`) === fullName,
  );
}

function readPatient(store: LocalStore, id: string): StoredRecord {
  const record = readRecord(store.db, 'patient', id);
  if (!record || record.deleted) throw new AppError('NOT_FOUND', 'This patient is not on this workstation.', [{ path: 'id', message: 'Not found' }]);
  return record;
}

function assertMrnFree(store: LocalStore, mrn: string, exceptId: string | null): void {
  if (readPatientsByMrn(store.db, mrn, 2).some((other) => other.id !== exceptId)) {
    throw new AppError('CONFLICT', 'Another patient already has this medical record number.', [{ path: 'mrn', message: 'Already in use' }]);
  }
}

function unusedMrn(store: LocalStore): string {
  for (;;) {
    const mrn = generateMrn();
    if (readPatientsByMrn(store.db, mrn, 1).length === 0) return mrn;
  }
}
