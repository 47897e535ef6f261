import { columnName, type EntityName } from '@eonpro/core';
import type { Queryable } from '../db/database.ts';
import type { TenantSealer } from './tenantSealer.ts';

/**
 * Fields the server stores only sealed, each in a `<column>_sealed` column (never a plaintext column): the
 * identifiers that would let someone impersonate a patient. They sync in the clear inside TLS, like every field.
 */
const SEALED_FIELDS: { readonly [E in EntityName]?: readonly string[] } = {
  patient: ['ssn', 'driversLicense'],
};

/** Where a sealed value is read and written: a tenant-scoped transaction and the sealer. */
export interface SealingScope {
  tx: Queryable;
  tenantId: string;
  sealer: TenantSealer;
}

export function sealedFieldsOf(entity: EntityName): readonly string[] {
  return SEALED_FIELDS[entity] ?? [];
}

export function isSealedField(entity: EntityName, field: string): boolean {
  return sealedFieldsOf(entity).includes(field);
}

/** The column that stores a field: `<column>_sealed` for a sealed field. */
export function storageColumn(entity: EntityName, field: string): string {
  return isSealedField(entity, field) ? `${columnName(field)}_sealed` : columnName(field);
}

/** What a sealed value is sealed for, e.g. `patient.ssn`: a value sealed for one field never opens as another. */
export function sealPurpose(entity: EntityName, field: string): string {
  return `${entity}.${field}`;
}

/** A sealed field's value as stored (null stays null); any other field's value unchanged. */
export async function sealFieldValue(scope: SealingScope, entity: EntityName, field: string, value: unknown): Promise<unknown> {
  if (!isSealedField(entity, field) || value === null || value === undefined) return value ?? null;
  return scope.sealer.seal(scope.tx, scope.tenantId, String(value), sealPurpose(entity, field));
}

/** A stored sealed field's value opened (null stays null); any other field's value unchanged. */
export async function openFieldValue(scope: SealingScope, entity: EntityName, field: string, stored: unknown): Promise<unknown> {
  if (!isSealedField(entity, field) || stored === null || stored === undefined) return stored ?? null;
  return scope.sealer.open(scope.tx, scope.tenantId, String(stored), sealPurpose(entity, field));
}
