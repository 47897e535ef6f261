import { uuidv7, type EntityName } from '@eonpro/core';
import { isSealedField, sealFieldValue, type SealingScope } from '../keys/sealedFields.ts';

export interface ReviewTaskInput {
  entity: EntityName;
  recordId: string;
  /** The field in conflict, or 'deleted' for an edit that reached a deleted record. */
  field: string;
  /** The value now in the record. */
  kept: unknown;
  /** The value that did not win, kept here so a person can restore it. */
  other: unknown;
}

/** Stores the task; values of sealed fields (src/keys/sealedFields.ts) are stored sealed here too. */
export async function openReviewTask(scope: SealingScope, task: ReviewTaskInput): Promise<void> {
  const kept = await sealedValue(scope, task.entity, task.field, task.kept);
  const other = await sealedValue(scope, task.entity, task.field, task.other);
  await scope.tx.query(
    `insert into review_tasks (tenant_id, id, entity, record_id, field, kept_value, other_value)
     values ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb)`,
    [scope.tenantId, uuidv7(), task.entity, task.recordId, task.field, JSON.stringify(kept ?? null), JSON.stringify(other ?? null)],
  );
}

/** A sealed field's value sealed; for an edit of several fields (field 'deleted'), each sealed field in it. */
async function sealedValue(scope: SealingScope, entity: EntityName, field: string, value: unknown): Promise<unknown> {
  if (isSealedField(entity, field)) return sealFieldValue(scope, entity, field, value);
  if (field !== 'deleted' || typeof value !== 'object' || value === null) return value;
  const sealed: Record<string, unknown> = {};
  for (const [name, fieldValue] of Object.entries(value)) sealed[name] = await sealFieldValue(scope, entity, name, fieldValue);
  return sealed;
}
