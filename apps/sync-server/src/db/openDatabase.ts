import type { Database, DatabaseOptions } from './database.ts';
import { openPgliteDatabase } from './pgliteDatabase.ts';
import { openPostgresDatabase } from './postgresDatabase.ts';

export function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.kind === 'pglite' ? openPgliteDatabase(options.dataDir) : openPostgresDatabase(options.url);
}
