import { z } from 'zod';
import { isoDateSchema, optionalText, trimmedText, uuidSchema } from './primitives.ts';

export const allergyCategories = ['food', 'medication', 'environment', 'biologic'] as const;
export const allergyCriticalities = ['low', 'high', 'unable-to-assess'] as const;
export const allergyStatuses = ['active', 'inactive', 'resolved', 'entered-in-error'] as const;

/** An allergy entry. Append-only: a correction is a new entry whose amendsId names the one it replaces. */
export const allergyFieldsSchema = z.object({
  patientId: uuidSchema,
  substance: trimmedText(200),
  code: optionalText(64),
  codeSystem: optionalText(200),
  category: z.enum(allergyCategories).nullable().optional().transform((v) => v ?? null),
  criticality: z.enum(allergyCriticalities).nullable().optional().transform((v) => v ?? null),
  reaction: optionalText(500),
  status: z.enum(allergyStatuses),
  recordedDate: isoDateSchema,
  amendsId: uuidSchema.nullable().optional().transform((v) => v ?? null),
  sourceId: optionalText(128),
});

export type AllergyFields = z.output<typeof allergyFieldsSchema>;
export type AllergyInput = z.input<typeof allergyFieldsSchema>;
