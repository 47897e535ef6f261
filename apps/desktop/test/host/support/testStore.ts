import { randomBytes } from 'node:crypto';
import { uuidv7 } from '@eonpro/core';
import { prepareDataFolder, type DataFolder } from '../../../src/host/dataFolder.ts';
import { readSyncState } from '../../../src/host/db/readers.ts';
import { saveTenant } from '../../../src/host/db/writers.ts';
import type { KeyProvider } from '../../../src/host/keys/keyProvider.ts';
import type { Actor } from '../../../src/host/local/actor.ts';
import { LocalStore } from '../../../src/host/local/localStore.ts';
import { makeTempDir } from './tempDir.ts';

/** A real SQLCipher store in a temp data folder, under a random key the test keeps. */
export interface TestStore {
  store: LocalStore;
  folder: DataFolder;
  key: Buffer;
  actor: Actor;
  reopen(): LocalStore;
  cleanup(): void;
}

/** A key held in memory: what Electron's safeStorage hands the host, and what tests use to skip scrypt. */
export function fixedKeyProvider(key: Buffer): KeyProvider {
  return { getDatabaseKey: async () => Buffer.from(key) };
}

/** A store on a workstation bound to a clinic, as the first sign-in binds it: changes are audited in its chain. */
export function openBoundStore(databasePath: string, key: Buffer): LocalStore {
  const store = LocalStore.open(databasePath, Buffer.from(key));
  if (readSyncState(store.db)?.tenantId == null) saveTenant(store.db, uuidv7());
  return store;
}

/** `boundToClinic: false` leaves the workstation as a first sign-in finds it, for a test that signs in itself. */
export function openTestStore(options: { boundToClinic?: boolean } = {}): TestStore {
  const temp = makeTempDir();
  const folder = prepareDataFolder(temp.dir);
  const key = randomBytes(32);
  const handle: TestStore = {
    store: options.boundToClinic === false ? LocalStore.open(folder.databasePath, Buffer.from(key)) : openBoundStore(folder.databasePath, key),
    folder,
    key,
    actor: { userId: uuidv7() },
    reopen() {
      handle.store.close();
      handle.store = LocalStore.open(folder.databasePath, Buffer.from(key));
      return handle.store;
    },
    cleanup() {
      handle.store.close();
      temp.remove();
    },
  };
  return handle;
}
