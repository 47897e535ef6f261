import type { Database } from '../../src/db/database.ts';

/**
 * Every row of every table in the public schema as text (PostgreSQL's row-to-text cast covers every column,
 * jsonb included), read as the schema owner with the tenant set, so forced row-level security shows its rows.
 */
export async function dumpEveryRow(db: Database, tenantId: string): Promise<string[]> {
  return db.transaction(async (tx) => {
    await tx.query(`select set_config('app.tenant_id', $1, true)`, [tenantId]);
    const tables = await tx.query<{ name: string }>(`select relname as name from pg_class where relkind = 'r' and relnamespace = 'public'::regnamespace order by 1`);
    const rows: string[] = [];
    for (const { name } of tables) {
      const dumped = await tx.query<{ row: string }>(`select t::text as row from "${name}" t`);
      rows.push(...dumped.map((entry) => `${name}: ${entry.row}`));
    }
    return rows;
  });
}
