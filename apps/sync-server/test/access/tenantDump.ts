import { uuidv7 } from '@eonpro/core';
import type { Database } from '../../src/db/database.ts';
import { withTenant } from '../../src/tenancy/tenantScope.ts';
import type { AccessFixture } from './procedureAccess.ts';
import { quoted, tenantTables } from './tenantTables.ts';

/** Every row a tenant holds, table by table, in a stable order: compare two dumps to see whether anything changed. */
export async function dumpTenant(db: Database, tenantId: string): Promise<Record<string, string[]>> {
  const tables = (await tenantTables(db)).filter((table) => table.appRoleCanSelect);
  return withTenant(db, tenantId, async (tx) => {
    const dump: Record<string, string[]> = {};
    for (const table of tables) dump[table.name] = (await tx.query(`select * from ${quoted(table.name)}`)).map((row) => JSON.stringify(row)).sort();
    return dump;
  });
}

/** How many rows a tenant holds in each of the named tables. */
export function rowCounts(db: Database, tenantId: string, tableNames: readonly string[]): Promise<Record<string, number>> {
  return withTenant(db, tenantId, async (tx) => {
    const counts: Record<string, number> = {};
    for (const name of tableNames) counts[name] = (await tx.query<{ n: number }>(`select count(*)::int as n from ${quoted(name)}`))[0]!.n;
    return counts;
  });
}

/** Ids no clinic has. */
export function randomIds(): AccessFixture['ids'] {
  return { tenantId: uuidv7(), userId: uuidv7(), patientId: uuidv7(), deviceId: uuidv7() };
}
