import { dirname, join } from 'node:path';
import type { DatabaseOptions } from '../db/database.ts';
import { KeyProviderError, type KeyProvider } from './keyProvider.ts';
import { MasterKeyFile } from './masterKeyFile.ts';
import { MasterKeyRing } from './masterKeyRing.ts';

/** Environment variable naming the master key file (production: outside the database's backups). */
export const MASTER_KEY_FILE_ENV = 'EONPRO_MASTER_KEY_FILE';
export const MASTER_KEY_FILE_NAME = 'server-master-key.json';

/**
 * Where the master key file is: the path given, else $EONPRO_MASTER_KEY_FILE, else beside an embedded database's
 * folder (`.eonpro-data/server` → `.eonpro-data/server-master-key.json`, outside the folder so a copy of the
 * database does not carry its key). null for an in-memory database: its key lives and dies with it.
 */
export function masterKeyFilePath(database: DatabaseOptions, given?: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const path = given ?? env[MASTER_KEY_FILE_ENV];
  if (path) return path;
  if (database.kind === 'pglite') return database.dataDir ? join(dirname(database.dataDir), MASTER_KEY_FILE_NAME) : null;
  throw new KeyProviderError(`A PostgreSQL server needs its master key file: set ${MASTER_KEY_FILE_ENV} to its path (it is created on first start).`);
}

/** The key file provider for this database, or an in-memory key for an in-memory database. */
export async function openMasterKey(database: DatabaseOptions, given?: string): Promise<KeyProvider> {
  const path = masterKeyFilePath(database, given);
  return path ? MasterKeyFile.open(path) : MasterKeyRing.generate();
}
