import { rmSync } from 'node:fs';
import type { DataFolder } from '../dataFolder.ts';
import type { KeyProvider } from '../keys/keyProvider.ts';
import type { Revocation } from './revocation.ts';
import { writeRevocationMarker, type RevocationMarker } from './revocationMarker.ts';

/**
 * Erases what a revoked workstation holds, once its database is closed: the database with its -wal and -shm files,
 * then its key (the keychain entry or the passphrase-wrapped key file), and leaves the revocation marker, which says
 * how many changes had not reached the clinic (they go with the database, and the person is told). The
 * database goes first: should forgetting the key fail (said by `keyErased`), nothing readable is left behind.
 */
export async function eraseWorkstation(
  folder: DataFolder,
  keyProvider: KeyProvider,
  revocation: Revocation,
  unsentChanges: number | null,
): Promise<{ marker: RevocationMarker; keyErased: boolean }> {
  for (const file of [folder.databasePath, `${folder.databasePath}-wal`, `${folder.databasePath}-shm`, `${folder.databasePath}-journal`]) {
    rmSync(file, { force: true });
  }
  const keyErased = await (keyProvider.forget?.() ?? Promise.resolve()).then(
    () => true,
    () => false,
  );
  const marker: RevocationMarker = { ...revocation, erasedAt: new Date().toISOString(), unsentChanges };
  writeRevocationMarker(folder.dir, marker);
  return { marker, keyErased };
}
