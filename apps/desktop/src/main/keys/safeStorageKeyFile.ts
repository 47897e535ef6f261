import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '@eonpro/core';

/** The database key wrapped by Electron's safeStorage, in the data folder. */
export const SAFE_STORAGE_KEY_FILE = 'safestorage-key.json';

/**
 * The key main unwrapped with safeStorage, as the host's key provider. A revoked workstation erases itself: `forget`
 * deletes the wrapped key file and zeroes the key; a new key is made at the app's next start.
 */
export function heldKeyProvider(dataDir: string, key: Buffer): { getDatabaseKey(): Promise<Buffer>; forget(): Promise<void> } {
  let forgotten = false;
  return {
    async getDatabaseKey() {
      if (forgotten) throw new AppError('LOCKED', 'This workstation was erased. Restart EONPro Clinic to set it up again.');
      return Buffer.from(key);
    },
    async forget() {
      forgotten = true;
      rmSync(join(dataDir, SAFE_STORAGE_KEY_FILE), { force: true });
      key.fill(0);
    },
  };
}
