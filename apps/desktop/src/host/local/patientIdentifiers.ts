import { AppError, maskDriversLicense, maskSsn, uuidSchema, type PatientFields } from '@eonpro/core';
import { z } from 'zod';
import { readRecord } from '../db/readers.ts';
import type { LocalStore } from './localStore.ts';

export const patientIdentifiers = ['ssn', 'driversLicense'] as const;
export type PatientIdentifier = (typeof patientIdentifiers)[number];

type WithIdentifiers = Pick<PatientFields, PatientIdentifier>;

/** A patient as the app sees it: the SSN and licence only masked (`•••-••-1234`); revealIdentifier shows one. */
export type MaskedIdentifiers<Patient extends WithIdentifiers> = Omit<Patient, PatientIdentifier> & {
  ssnMasked: string | null;
  driversLicenseMasked: string | null;
};

export function maskIdentifiers<Patient extends WithIdentifiers>(patient: Patient): MaskedIdentifiers<Patient> {
  const { ssn, driversLicense, ...rest } = patient;
  return { ...rest, ssnMasked: ssn === null ? null : maskSsn(ssn), driversLicenseMasked: driversLicense === null ? null : maskDriversLicense(driversLicense) };
}

export const revealIdentifierSchema = z.object({ patientId: uuidSchema, identifier: z.enum(patientIdentifiers) });

/** One identifier in full, for an explicit "Show"; the call is audited as a view of it (auditedProcedures). */
export function revealIdentifier(store: LocalStore, input: z.output<typeof revealIdentifierSchema>): { value: string | null } {
  const record = readRecord(store.db, 'patient', input.patientId);
  if (!record || record.deleted) throw new AppError('NOT_FOUND', 'This patient is not on this workstation.', [{ path: 'patientId', message: 'Not found' }]);
  const value = record.fields[input.identifier];
  return { value: typeof value === 'string' ? value : null };
}
