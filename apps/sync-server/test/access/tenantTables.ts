import type { Queryable } from '../../src/db/database.ts';
import { APP_ROLE } from '../../src/tenancy/tenantScope.ts';

/** A table of the server's schema as pg_catalog describes it. */
export interface CatalogTable {
  name: string;
  hasTenantId: boolean;
  rowSecurity: boolean;
  forcedRowSecurity: boolean;
  /** Whether the app role may SELECT, INSERT, UPDATE or DELETE anything in it. */
  appRoleCanTouch: boolean;
  appRoleCanSelect: boolean;
  appRoleCanInsert: boolean;
}

/** Every ordinary or partitioned table of the current schema, read from pg_catalog (never a hand list). */
export async function catalogTables(db: Queryable): Promise<CatalogTable[]> {
  const rows = await db.query<{
    name: string;
    has_tenant_id: boolean;
    rowsecurity: boolean;
    forcerowsecurity: boolean;
    can_touch: boolean;
    can_select: boolean;
    can_insert: boolean;
  }>(
    `select c.relname as name,
            exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped) as has_tenant_id,
            c.relrowsecurity as rowsecurity,
            c.relforcerowsecurity as forcerowsecurity,
            has_table_privilege($1, c.oid, 'select, insert, update, delete') as can_touch,
            has_table_privilege($1, c.oid, 'select') as can_select,
            has_table_privilege($1, c.oid, 'insert') as can_insert
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = current_schema() and c.relkind in ('r', 'p') and not c.relispartition
      order by c.relname`,
    [APP_ROLE],
  );
  return rows.map((row) => ({
    name: row.name,
    hasTenantId: row.has_tenant_id,
    rowSecurity: row.rowsecurity,
    forcedRowSecurity: row.forcerowsecurity,
    appRoleCanTouch: row.can_touch,
    appRoleCanSelect: row.can_select,
    appRoleCanInsert: row.can_insert,
  }));
}

/** Tables that hold a tenant's rows: they carry tenant_id. */
export async function tenantTables(db: Queryable): Promise<CatalogTable[]> {
  return (await catalogTables(db)).filter((table) => table.hasTenantId);
}

/** Quotes a catalog table name for SQL. */
export function quoted(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
