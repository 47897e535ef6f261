import { randomBytes, randomUUID } from 'node:crypto';
import { gcmDecrypt, gcmEncrypt, KEY_BYTES } from './aesGcm.ts';
import { KeyProviderError, type RotatableKeyProvider, type WrappedKey } from './keyProvider.ts';

export interface MasterKeyVersion {
  version: number;
  key: Buffer;
  createdAt: string;
}

const NONCE_BYTES = 12;
const wrapAad = (keyId: string, version: number) => `eonpro-master-wrap|${keyId}|${version}`;

/**
 * Master key versions held in memory, wrapping with the newest. The key file provider persists one of these;
 * on its own it serves a server whose database lives only in memory too (tests, a throwaway server).
 */
export class MasterKeyRing implements RotatableKeyProvider {
  protected versions: MasterKeyVersion[];

  constructor(
    readonly keyId: string,
    versions: MasterKeyVersion[],
  ) {
    if (versions.length === 0) throw new KeyProviderError('A master key needs at least one version.');
    this.versions = [...versions].sort((a, b) => a.version - b.version);
  }

  static generate(): MasterKeyRing {
    return new MasterKeyRing(randomUUID(), [newVersion(1)]);
  }

  /** Re-reads persisted versions (another process may have rotated); nothing to do in memory. */
  protected async reload(): Promise<void> {}

  /** Stores the versions (after a rotation or retirement); nothing to do in memory. */
  protected async persist(): Promise<void> {}

  async currentVersion(): Promise<number> {
    await this.reload();
    return this.current().version;
  }

  async wrap(dataKey: Buffer): Promise<WrappedKey> {
    // A rotation by another process must be seen: wrapping under a retired version would lose the key.
    await this.reload();
    const { version, key } = this.current();
    const { nonce, sealed } = gcmEncrypt(key, dataKey, wrapAad(this.keyId, version));
    return { keyId: this.keyId, keyVersion: version, ciphertext: Buffer.concat([nonce, sealed]).toString('base64url') };
  }

  async unwrap(wrapped: WrappedKey): Promise<Buffer> {
    if (wrapped.keyId !== this.keyId) {
      throw new KeyProviderError(`This data key was wrapped under master key ${wrapped.keyId}, but this server holds master key ${this.keyId}.`);
    }
    let version = this.find(wrapped.keyVersion);
    if (!version) {
      await this.reload();
      version = this.find(wrapped.keyVersion);
    }
    if (!version) throw new KeyProviderError(`Master key version ${wrapped.keyVersion} is not in the master key (it holds ${this.versionList()}).`);
    const bytes = Buffer.from(wrapped.ciphertext, 'base64url');
    const key = gcmDecrypt(version.key, { nonce: bytes.subarray(0, NONCE_BYTES), sealed: bytes.subarray(NONCE_BYTES) }, wrapAad(this.keyId, version.version));
    if (!key) throw new KeyProviderError(`A data key wrapped under master key version ${wrapped.keyVersion} does not unwrap: it was altered or wrapped by another key.`);
    return key;
  }

  async addVersion(): Promise<number> {
    await this.reload();
    const next = newVersion(this.current().version + 1);
    this.versions = [...this.versions, next];
    await this.persist();
    return next.version;
  }

  async retireVersionsBefore(keepFrom: number): Promise<void> {
    await this.reload();
    if (keepFrom > this.current().version) throw new KeyProviderError(`Cannot retire the current master key version ${this.current().version}.`);
    this.versions = this.versions.filter((version) => version.version >= keepFrom);
    await this.persist();
  }

  /** The versions this ring holds, oldest first. */
  heldVersions(): number[] {
    return this.versions.map((version) => version.version);
  }

  private current(): MasterKeyVersion {
    return this.versions.at(-1)!;
  }

  private find(version: number): MasterKeyVersion | undefined {
    return this.versions.find((held) => held.version === version);
  }

  private versionList(): string {
    return this.heldVersions().join(', ');
  }
}

export function newVersion(version: number): MasterKeyVersion {
  return { version, key: randomBytes(KEY_BYTES), createdAt: new Date().toISOString() };
}
