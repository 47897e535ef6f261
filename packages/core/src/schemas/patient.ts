import { z } from 'zod';
import { driversLicenseSchema, ssnSchema } from './identifiers.ts';
import { optionalText, pastDateSchema, trimmedText } from './primitives.ts';

export const administrativeSexes = ['female', 'male', 'other', 'unknown'] as const;
export type AdministrativeSex = (typeof administrativeSexes)[number];

/** Demographics: the one clinical entity edited in place, merged per field. */
export const patientFieldsSchema = z.object({
  mrn: trimmedText(64),
  givenName: trimmedText(100),
  familyName: trimmedText(100),
  birthDate: pastDateSchema,
  sex: z.enum(administrativeSexes, {
    error: (issue) => (issue.input === undefined || issue.input === '' ? 'Required' : 'Must be female, male, other or unknown'),
  }),
  phone: optionalText(40),
  email: z
    .string()
    .trim()
    .max(200)
    .refine((v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), 'Must be an email address')
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  addressLine: optionalText(200),
  city: optionalText(100),
  state: optionalText(100),
  postalCode: optionalText(20),
  deceasedDate: pastDateSchema.nullable().optional().transform((v) => v ?? null),
  /** Identifier of the record this patient was imported from (e.g. a Synthea UUID), to recognise a re-import. */
  sourceId: optionalText(128),
  /** Social Security number, NNN-NN-NNNN. The server stores it only sealed; search never indexes it. */
  ssn: ssnSchema,
  /** Driver's licence number. Sealed on the server like the SSN; not searchable. */
  driversLicense: driversLicenseSchema,
  /** Opening a restricted patient's chart needs a break-glass reason; only an administrator sets it. */
  restricted: z.boolean().optional().transform((v) => v ?? false),
});

export type PatientFields = z.output<typeof patientFieldsSchema>;
export type PatientInput = z.input<typeof patientFieldsSchema>;

/** Fields that must never silently lose a concurrent value: a conflict keeps both and opens a review task. */
export const patientSafetyFields = ['birthDate', 'sex', 'mrn', 'ssn', 'driversLicense'] as const satisfies readonly (keyof PatientFields)[];
