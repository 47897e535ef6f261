import { z } from 'zod';
import { isoDateSchema, optionalText, trimmedText, uuidSchema } from './primitives.ts';

export const medicationStatuses = ['active', 'completed', 'stopped', 'on-hold', 'entered-in-error', 'unknown'] as const;

/** A medication-history entry (FHIR MedicationStatement). Append-only like every clinical entry. */
export const medicationFieldsSchema = z.object({
  patientId: uuidSchema,
  display: trimmedText(300),
  rxnormCode: optionalText(32),
  status: z.enum(medicationStatuses),
  startDate: isoDateSchema.nullable().optional().transform((v) => v ?? null),
  endDate: isoDateSchema.nullable().optional().transform((v) => v ?? null),
  dosageText: optionalText(1000),
  amendsId: uuidSchema.nullable().optional().transform((v) => v ?? null),
  sourceId: optionalText(128),
});

export type MedicationFields = z.output<typeof medicationFieldsSchema>;
export type MedicationInput = z.input<typeof medicationFieldsSchema>;
