import { uuidv7, type EntityName } from '@eonpro/core';
import type { Queryable } from '../db/database.ts';

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

export async function openReviewTask(tx: Queryable, tenantId: string, task: ReviewTaskInput): Promise<void> {
  await tx.query(
    `insert into review_tasks (tenant_id, id, entity, record_id, field, kept_value, other_value)
     values ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb)`,
    [tenantId, uuidv7(), task.entity, task.recordId, task.field, JSON.stringify(task.kept ?? null), JSON.stringify(task.other ?? null)],
  );
}
