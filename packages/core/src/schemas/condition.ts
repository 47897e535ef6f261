import { z } from 'zod';
import { isoDateSchema, optionalText, trimmedText, uuidSchema } from './primitives.ts';

export const conditionStatuses = ['active', 'recurrence', 'relapse', 'inactive', 'remission', 'resolved', 'entered-in-error'] as const;

/** A problem-list entry. Append-only: resolving or correcting it adds an entry that amends it. */
export const conditionFieldsSchema = z.object({
  patientId: uuidSchema,
  display: trimmedText(200),
  code: optionalText(64),
  codeSystem: optionalText(200),
  clinicalStatus: z.enum(conditionStatuses),
  onsetDate: isoDateSchema.nullable().optional().transform((v) => v ?? null),
  abatementDate: isoDateSchema.nullable().optional().transform((v) => v ?? null),
  recordedDate: isoDateSchema,
  amendsId: uuidSchema.nullable().optional().transform((v) => v ?? null),
  sourceId: optionalText(128),
});

export type ConditionFields = z.output<typeof conditionFieldsSchema>;
export type ConditionInput = z.input<typeof conditionFieldsSchema>;
