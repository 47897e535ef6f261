import { readChainHead } from '../audit/auditChainStore.ts';
import type { Database } from '../db/database.ts';
import { withTenant } from '../tenancy/tenantScope.ts';

/**
 * Per-tenant numbers read at scrape time, each tenant in its own tenant-scoped transaction (row-level security
 * allows no other way in).
 */

/** The tenant's last change number: what a fully caught-up device's pull cursor equals. */
export async function readLastSyncSeqs(db: Database, tenantIds: Iterable<string>): Promise<Map<string, number>> {
  const lastSeqs = new Map<string, number>();
  for (const tenantId of new Set(tenantIds)) {
    const [row] = await withTenant(db, tenantId, (tx) => tx.query<{ last_seq: number }>('select last_seq from tenant_sync_state'));
    lastSeqs.set(tenantId, row?.last_seq ?? 0);
  }
  return lastSeqs;
}

/**
 * Every tenant's audit chain length: the seq of its chain head (entries are numbered 1, 2, 3… without gaps).
 * None on a database whose schema has no audit chain (the migration that adds it has not run).
 */
export async function readAuditChainLengths(db: Database): Promise<Map<string, number>> {
  const lengths = new Map<string, number>();
  const [schema] = await db.query<{ present: boolean }>("select to_regclass('audit_chain_heads') is not null as present");
  if (!schema?.present) return lengths;
  const tenants = await db.query<{ id: string }>('select id from tenants');
  for (const { id } of tenants) lengths.set(id, (await withTenant(db, id, readChainHead)).seq);
  return lengths;
}
