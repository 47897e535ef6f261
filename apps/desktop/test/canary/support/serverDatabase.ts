import { PGlite } from '@electric-sql/pglite';

/** One value of a text-like column, as text. */
export interface TextCell {
  table: string;
  column: string;
  text: string;
}

/**
 * Every value of every text, varchar, json and jsonb column of every table of a stopped server's embedded database,
 * as text. Read as PGlite's superuser, whom row-level security does not hide rows from: every clinic's rows.
 */
export async function readServerTextCells(dataDir: string): Promise<TextCell[]> {
  const db = await PGlite.create({ dataDir });
  try {
    const { rows: columns } = await db.query<{ table_name: string; column_name: string }>(
      `select c.table_name, c.column_name
         from information_schema.columns c
         join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
        where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
          and c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb')
        order by c.table_name, c.ordinal_position`,
    );
    const cells: TextCell[] = [];
    for (const { table_name: table, column_name: column } of columns) {
      const { rows } = await db.query<{ text: string }>(`select ${quoted(column)}::text as text from ${quoted(table)} where ${quoted(column)} is not null`);
      cells.push(...rows.map(({ text }) => ({ table, column, text })));
    }
    return cells;
  } finally {
    await db.close();
  }
}

function quoted(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}
