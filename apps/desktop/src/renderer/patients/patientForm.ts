import { issuesFromZod, parsePatientQuery, patientFieldsSchema, type Issue } from '@eonpro/core';
import type { z } from 'zod';

/** The demographics form as typed: every field a string, '' when empty. */
export interface PatientFormValues {
  givenName: string;
  familyName: string;
  birthDate: string;
  sex: string;
  phone: string;
  email: string;
  addressLine: string;
  city: string;
  state: string;
  postalCode: string;
  mrn: string;
  /** Blank on an edit: the one on file is shown masked and kept unless a new one is typed. */
  ssn: string;
  driversLicense: string;
}

export type PatientFormField = keyof PatientFormValues;

export const emptyPatientForm: PatientFormValues = {
  givenName: '',
  familyName: '',
  birthDate: '',
  sex: '',
  phone: '',
  email: '',
  addressLine: '',
  city: '',
  state: '',
  postalCode: '',
  mrn: '',
  ssn: '',
  driversLicense: '',
};

export const patientFormFields = Object.keys(emptyPatientForm) as PatientFormField[];

/** A stored patient as form values (nulls become ''). */
export function patientToForm(patient: Partial<Record<PatientFormField, string | null>>): PatientFormValues {
  const values = { ...emptyPatientForm };
  for (const field of patientFormFields) values[field] = patient[field] ?? '';
  return values;
}

/** What registration sends: the MRN left out when blank so the host assigns one. */
export function registrationInput(values: PatientFormValues) {
  const { mrn, ...rest } = values;
  return mrn.trim() === '' ? rest : { ...rest, mrn };
}

const registrationSchema = patientFieldsSchema.omit({ sourceId: true }).extend({ mrn: patientFieldsSchema.shape.mrn.optional() });
const changesSchema = patientFieldsSchema.omit({ sourceId: true }).partial();

export type Checked<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };

function check<S extends z.ZodType>(schema: S, input: unknown): Checked<z.output<S>> {
  const result = schema.safeParse(input);
  return result.success ? { ok: true, value: result.data } : { ok: false, issues: issuesFromZod(result.error) };
}

/**
 * The same rules the host applies (core's patient schema), checked before anything is sent so every
 * problem shows at once, beside its field, even offline. The host checks again.
 */
export function checkRegistration(values: PatientFormValues) {
  return check(registrationSchema, registrationInput(values));
}

export function checkChanges(changes: Partial<PatientFormValues>) {
  return check(changesSchema, changes);
}

/** Only the fields the person actually changed (ignoring surrounding spaces), for an edit with baseRev. */
export function changedFields(original: PatientFormValues, edited: PatientFormValues): Partial<PatientFormValues> {
  const changes: Partial<PatientFormValues> = {};
  for (const field of patientFormFields) {
    if (original[field].trim() !== edited[field].trim()) changes[field] = edited[field];
  }
  return changes;
}

/**
 * Pre-fills registration from a search that found nobody: a date goes to birth date, a record number to
 * MRN, "Family, Given" or "Given Family" to the names.
 */
export function prefillFromSearch(query: string): PatientFormValues {
  const parsed = parsePatientQuery(query);
  const text = query.trim();
  switch (parsed.kind) {
    case 'empty':
      return emptyPatientForm;
    case 'birthDate':
      return { ...emptyPatientForm, birthDate: parsed.birthDate };
    case 'mrn':
      return { ...emptyPatientForm, mrn: parsed.mrn };
    case 'name': {
      if (text.includes(',')) {
        const [family = '', ...given] = text.split(',');
        return { ...emptyPatientForm, familyName: family.trim(), givenName: given.join(' ').trim() };
      }
      const [given = '', ...family] = text.split(/\s+/);
      return { ...emptyPatientForm, givenName: given, familyName: family.join(' ') };
    }
  }
}
