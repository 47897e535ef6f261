import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { sharedTypeParsers, type Database, type Transaction } from './database.ts';

/** PostgreSQL compiled to WebAssembly, in this process: a data folder on disk, or memory when none is given. */
export async function openPgliteDatabase(dataDir?: string): Promise<Database> {
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const pglite = await PGlite.create({ ...(dataDir ? { dataDir } : {}), parsers: sharedTypeParsers });
  return {
    kind: 'pglite',
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      return (await pglite.query<Row>(sql, [...params])).rows;
    },
    transaction<T>(fn: (tx: Transaction) => Promise<T>) {
      return pglite.transaction((tx) =>
        fn({
          async query<Row>(sql: string, params: readonly unknown[] = []) {
            return (await tx.query<Row>(sql, [...params])).rows;
          },
          async exec(script: string) {
            await tx.exec(script);
          },
        }),
      );
    },
    close: () => pglite.close(),
  };
}
