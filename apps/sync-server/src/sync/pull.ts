import type { EntityName, PullResponse, SyncedRecord, pullRequestSchema } from '@eonpro/core';
import type { z } from 'zod';
import type { AccessClaims } from '../auth/accessToken.ts';
import type { Database } from '../db/database.ts';
import type { TenantSealer } from '../keys/tenantSealer.ts';
import { withTenant } from '../tenancy/tenantScope.ts';
import { readRecords, type StoredRecord } from './entityRecords.ts';
import { requireSupportedVersions } from './protocolVersions.ts';

/**
 * One page of the tenant's changes after the cursor, oldest first: each changed record once, in its whole
 * current state. The client stores the page and the new cursor together, so a cut connection resumes here.
 */
export async function pullChanges(deps: { db: Database; sealer: TenantSealer }, caller: AccessClaims, request: z.output<typeof pullRequestSchema>): Promise<PullResponse> {
  requireSupportedVersions(request);
  return withTenant(deps.db, caller.tenantId, async (tx) => {
    const page = await tx.query<{ seq: number; entity: EntityName; record_id: string }>(
      'select seq, entity, record_id from sync_log where seq > $1 order by seq limit $2',
      [request.cursor, request.limit],
    );
    const records = new Map<EntityName, Map<string, StoredRecord>>();
    for (const entity of new Set(page.map((entry) => entry.entity))) {
      const ids = page.filter((entry) => entry.entity === entity).map((entry) => entry.record_id);
      records.set(entity, await readRecords({ tx, tenantId: caller.tenantId, sealer: deps.sealer }, entity, ids));
    }
    const changes = page.map((entry): SyncedRecord => {
      const record = records.get(entry.entity)!.get(entry.record_id)!;
      return { seq: entry.seq, entity: entry.entity, id: record.id, rev: record.rev, deleted: record.deleted, fields: record.fields, fieldRevs: record.fieldRevs, updatedBy: record.updatedBy };
    });
    const cursor = page.at(-1)?.seq ?? request.cursor;
    const [after] = await tx.query<{ remaining: number }>('select count(*)::int as remaining from sync_log where seq > $1', [cursor]);
    const remaining = after?.remaining ?? 0;
    return { changes, cursor, hasMore: remaining > 0, remaining };
  });
}
