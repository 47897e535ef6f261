import type { Queryable } from '../db/database.ts';

/** The tenants registry is read outside tenant scope (eonpro_app has no access to it). */
export async function tenantName(db: Queryable, tenantId: string): Promise<string | null> {
  const [row] = await db.query<{ name: string }>('select name from tenants where id = $1', [tenantId]);
  return row?.name ?? null;
}

export async function anyTenantExists(db: Queryable): Promise<boolean> {
  const rows = await db.query('select 1 from tenants limit 1');
  return rows.length > 0;
}
