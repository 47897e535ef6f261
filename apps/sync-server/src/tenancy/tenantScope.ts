import type { Database, Transaction } from '../db/database.ts';

/** The role every tenant-scoped transaction runs as (created by migration 0001). */
export const APP_ROLE = 'eonpro_app';

/**
 * Turns the current transaction into tenant-scoped work: from here on it runs as eonpro_app, a role that owns
 * nothing, so row-level security applies (even on PGlite, where the connection is a superuser) and every row
 * read or written must belong to this tenant. Both settings end with the transaction.
 */
export async function enterTenant(tx: Transaction, tenantId: string): Promise<void> {
  await tx.query(`set local role ${APP_ROLE}`);
  await tx.query(`select set_config('app.tenant_id', $1, true)`, [tenantId]);
}

/** Runs fn in one transaction scoped to one tenant. All tenant data is read and written through here. */
export function withTenant<T>(db: Database, tenantId: string, fn: (tx: Transaction) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await enterTenant(tx, tenantId);
    return fn(tx);
  });
}
