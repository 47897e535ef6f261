import type { Database, Transaction } from '../db/database.ts';
import { enterTenant } from '../tenancy/tenantScope.ts';

/**
 * Like withTenant, in a REPEATABLE READ transaction: every query sees the same snapshot, so a long read (a chain
 * verification) is not thrown off by appends that commit while it runs.
 */
export function withTenantSnapshot<T>(db: Database, tenantId: string, fn: (tx: Transaction) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.query('set transaction isolation level repeatable read');
    await enterTenant(tx, tenantId);
    return fn(tx);
  });
}
