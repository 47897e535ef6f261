import type { z } from 'zod';
import { allergyFieldsSchema } from './allergy.ts';
import { conditionFieldsSchema } from './condition.ts';
import { medicationFieldsSchema } from './medication.ts';
import { patientFieldsSchema, patientSafetyFields } from './patient.ts';

/**
 * What both sides must agree on about each synced entity: its fields, whether it is edited in place
 * or append-only, which fields never lose a concurrent value, and the table that stores it.
 */
export interface EntityDefinition<Schema extends z.ZodObject = z.ZodObject> {
  name: string;
  table: string;
  fields: Schema;
  /** Clinical entries are append-only: created once, corrected by a new entry that amends them. */
  appendOnly: boolean;
  safetyFields: readonly string[];
  /** The field naming the patient the record belongs to (null for the patient itself). */
  patientField: string | null;
  /** Yes/no fields: a store without a boolean type keeps them as 1/0 and reads them back as booleans. */
  booleanFields?: readonly string[];
}

export const entities = {
  patient: {
    name: 'patient',
    table: 'patients',
    fields: patientFieldsSchema,
    appendOnly: false,
    safetyFields: patientSafetyFields,
    patientField: null,
    booleanFields: ['restricted'],
  },
  allergy: {
    name: 'allergy',
    table: 'allergies',
    fields: allergyFieldsSchema,
    appendOnly: true,
    safetyFields: [],
    patientField: 'patientId',
  },
  condition: {
    name: 'condition',
    table: 'conditions',
    fields: conditionFieldsSchema,
    appendOnly: true,
    safetyFields: [],
    patientField: 'patientId',
  },
  medication: {
    name: 'medication',
    table: 'medications',
    fields: medicationFieldsSchema,
    appendOnly: true,
    safetyFields: [],
    patientField: 'patientId',
  },
} as const satisfies Record<string, EntityDefinition>;

export type EntityName = keyof typeof entities;
export const entityNames = Object.keys(entities) as EntityName[];

export function isEntityName(value: string): value is EntityName {
  return Object.hasOwn(entities, value);
}

/** Field names of an entity, in schema order: the column list both stores derive from. */
export function entityFieldNames(entity: EntityName): string[] {
  return Object.keys(entities[entity].fields.shape);
}

/** camelCase field name → snake_case column name. */
export function columnName(field: string): string {
  return field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** The entity's yes/no fields (see EntityDefinition.booleanFields). */
export function booleanFieldNames(entity: EntityName): readonly string[] {
  return (entities[entity] as EntityDefinition).booleanFields ?? [];
}
