import { AppError } from '@eonpro/core';

export interface KeySituation {
  safeStorageUsable: boolean;
  /** The data folder already holds a key wrapped by safeStorage. */
  hasSafeStorageKey: boolean;
  /** The data folder already holds a database (keyed by safeStorage or by the host's own provider). */
  hasDatabase: boolean;
}

/**
 * Who supplies the database key: safeStorage, or the host's own choice (OS keychain through keytar, else a
 * workstation passphrase). A folder keeps the source it started with, so a key is never replaced by a new one.
 */
export function chooseDatabaseKeySource(situation: KeySituation): 'safe-storage' | 'host' {
  if (situation.hasSafeStorageKey) {
    if (situation.safeStorageUsable) return 'safe-storage';
    throw new AppError(
      'LOCKED',
      "This workstation's clinic data is protected by the operating system keychain, which is not available right now. Sign in to the desktop normally (not a remote or basic session) and open EONPro Clinic again.",
    );
  }
  if (situation.hasDatabase) return 'host';
  return situation.safeStorageUsable ? 'safe-storage' : 'host';
}
