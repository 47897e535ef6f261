import type { EntityName } from '@eonpro/core';
import type { Queryable } from '../db/database.ts';

/**
 * Makes this transaction the tenant's only writer of changes until it ends. Taken before any record is
 * locked, so writers queue here instead of deadlocking on each other's records.
 */
export async function lockChangeLog(tx: Queryable, tenantId: string): Promise<void> {
  await tx.query('select 1 from tenant_sync_state where tenant_id = $1 for update', [tenantId]);
}

/**
 * The tenant's next change number. The UPDATE locks the tenant's counter row until the transaction ends, so
 * concurrent pushes take numbers in commit order and a pull never skips a change that commits later.
 */
export async function nextSeq(tx: Queryable, tenantId: string): Promise<number> {
  const [row] = await tx.query<{ last_seq: number }>(
    'update tenant_sync_state set last_seq = last_seq + 1 where tenant_id = $1 returning last_seq',
    [tenantId],
  );
  if (!row) throw new Error('The tenant has no sync state');
  return row.last_seq;
}

/** Records that the record changed at seq; its earlier entry is replaced, so pulls stay compacted. */
export async function logChange(tx: Queryable, tenantId: string, seq: number, entity: EntityName, recordId: string): Promise<void> {
  await tx.query(
    `insert into sync_log (tenant_id, seq, entity, record_id) values ($1, $2, $3, $4)
     on conflict (tenant_id, entity, record_id) do update set seq = excluded.seq`,
    [tenantId, seq, entity, recordId],
  );
}
