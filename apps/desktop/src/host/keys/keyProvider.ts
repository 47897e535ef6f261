/** Supplies the raw 32-byte key of the local SQLCipher database. */
export interface KeyProvider {
  getDatabaseKey(): Promise<Buffer>;
  /**
   * Destroys the stored key (a revoked workstation erases itself): the database it opened can never be read again.
   * A provider without one leaves the key where its owner keeps it (Electron's main process).
   */
  forget?(): Promise<void>;
}

/** A provider that needs a person to unlock it first (the workstation passphrase). */
export interface UnlockableKeyProvider extends KeyProvider {
  isUnlocked(): boolean;
  /** True once a passphrase has been set on this workstation; false means `unlock` will set it. */
  hasPassphrase(): boolean;
  unlock(passphrase: string): Promise<void>;
}

export const DATABASE_KEY_BYTES = 32;

export function isUnlockable(provider: KeyProvider): provider is UnlockableKeyProvider {
  return typeof (provider as Partial<UnlockableKeyProvider>).unlock === 'function';
}
