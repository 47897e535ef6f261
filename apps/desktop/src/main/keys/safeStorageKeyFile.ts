import { rmSync } from 'node:fs';
import { join } from 'node:path';

/** The database key wrapped by Electron's safeStorage, in the data folder. */
export const SAFE_STORAGE_KEY_FILE = 'safestorage-key.json';

/** A revoked workstation erases itself: the wrapped key file goes, and the key held in memory is zeroed. */
export function forgetSafeStorageKey(dataDir: string, keyInMemory: Buffer): void {
  rmSync(join(dataDir, SAFE_STORAGE_KEY_FILE), { force: true });
  keyInMemory.fill(0);
}
