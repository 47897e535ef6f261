/**
 * The master key seam. Per-tenant data keys (and the token signing keys) are stored only wrapped by a key
 * provider. The default is a local key file (masterKeyFile.ts); a KMS adapter implements the same interface,
 * wrap = the KMS's Encrypt, unwrap = its Decrypt, and is passed to startSyncServer({ keyProvider }).
 */
export interface KeyProvider {
  /** Which master key this is: a key file's id, or a KMS key's id. */
  readonly keyId: string;
  /** Wraps (encrypts) a data key under the current master key version. */
  wrap(dataKey: Buffer): Promise<WrappedKey>;
  /** The data key back; throws when it was wrapped under another master key or was altered. */
  unwrap(wrapped: WrappedKey): Promise<Buffer>;
}

/** A data key as stored: the master key and version that wrapped it, and the wrapped bytes (base64url). */
export interface WrappedKey {
  keyId: string;
  keyVersion: number;
  ciphertext: string;
}

/** A provider whose master key can be rotated by this server (a KMS rotates its keys itself). */
export interface RotatableKeyProvider extends KeyProvider {
  /** The version new wraps use. */
  currentVersion(): Promise<number>;
  /** Makes a new current master key version; older versions still unwrap until retired. */
  addVersion(): Promise<number>;
  /** Forgets every version older than `keepFrom`; call only once nothing is wrapped under them. */
  retireVersionsBefore(keepFrom: number): Promise<void>;
}

export function isRotatable(provider: KeyProvider): provider is RotatableKeyProvider {
  return 'addVersion' in provider && 'retireVersionsBefore' in provider && 'currentVersion' in provider;
}

export class KeyProviderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyProviderError';
  }
}
