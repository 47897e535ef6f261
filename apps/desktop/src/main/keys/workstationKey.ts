import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { safeStorage } from 'electron';
import { prepareDataFolder } from '../../host/dataFolder.ts';
import { log } from '../log.ts';
import { chooseDatabaseKeySource } from './databaseKeySource.ts';
import { SAFE_STORAGE_KEY_FILE } from './safeStorageKeyFile.ts';
import { checkSafeStorage, SafeStorageKeyProvider } from './safeStorageKeyProvider.ts';

/**
 * The database key unwrapped by safeStorage, or undefined when the host must choose its own key provider
 * (OS keychain through keytar, else a workstation passphrase) because safeStorage is refused or the folder
 * was set up that way.
 */
export async function databaseKeyFromSafeStorage(dataDir: string): Promise<Buffer | undefined> {
  const folder = prepareDataFolder(dataDir);
  const keyFile = join(folder.dir, SAFE_STORAGE_KEY_FILE);
  const availability = await checkSafeStorage(safeStorage, process.platform);
  if (!availability.usable) log.warn({ reason: availability.reason }, 'safeStorage refused for the database key');
  const source = chooseDatabaseKeySource({
    safeStorageUsable: availability.usable,
    hasSafeStorageKey: existsSync(keyFile),
    hasDatabase: existsSync(folder.databasePath),
  });
  log.info({ source }, 'database key source chosen');
  return source === 'safe-storage' ? new SafeStorageKeyProvider(safeStorage, keyFile).getDatabaseKey() : undefined;
}
