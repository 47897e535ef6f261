import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { AppError } from '@eonpro/core';
import { DATABASE_KEY_BYTES, type KeyProvider } from '../../host/keys/keyProvider.ts';

/** The part of Electron's safeStorage used here, described structurally so it is tested without Electron. */
export interface SafeStorageLike {
  getSelectedStorageBackend(): string;
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>;
}

export type SafeStorageAvailability =
  | { usable: true }
  | { usable: false; reason: 'basic-text-backend' | 'encryption-unavailable' };

/**
 * Whether safeStorage really protects a key. On Linux the `basic_text` backend encrypts with a hard-coded
 * password, which is no protection at all, so it is refused like a missing keychain.
 */
export async function checkSafeStorage(safeStorage: SafeStorageLike, platform: string): Promise<SafeStorageAvailability> {
  if (platform === 'linux' && ['basic_text', 'unknown'].includes(safeStorage.getSelectedStorageBackend())) {
    return { usable: false, reason: 'basic-text-backend' };
  }
  if (!(await safeStorage.isAsyncEncryptionAvailable())) return { usable: false, reason: 'encryption-unavailable' };
  return { usable: true };
}

const KEY_FILE_FORMAT = 'eonpro-safestorage-key';

interface KeyFile {
  format: typeof KEY_FILE_FORMAT;
  version: 1;
  /** The database key as hex, encrypted by safeStorage, base64. */
  wrappedKey: string;
}

/**
 * The database key, kept on disk only wrapped by the OS keychain through Electron's safeStorage.
 * The first use generates 32 random bytes; a damaged or unreadable file is an error, never a reason for a new key.
 */
export class SafeStorageKeyProvider implements KeyProvider {
  readonly #safeStorage: SafeStorageLike;
  readonly #keyFile: string;

  constructor(safeStorage: SafeStorageLike, keyFile: string) {
    this.#safeStorage = safeStorage;
    this.#keyFile = keyFile;
  }

  async getDatabaseKey(): Promise<Buffer> {
    if (!existsSync(this.#keyFile)) {
      const key = randomBytes(DATABASE_KEY_BYTES);
      await this.#write(key);
      return key;
    }
    const wrapped = this.#readWrappedKey();
    let unwrapped: { result: string; shouldReEncrypt: boolean };
    try {
      unwrapped = await this.#safeStorage.decryptStringAsync(wrapped);
    } catch {
      throw new AppError(
        'LOCKED',
        "The operating system keychain could not unlock this workstation's clinic data. Sign in to this computer as the usual user, or contact your clinic administrator.",
        [{ path: basename(this.#keyFile), message: 'The keychain refused to decrypt the database key.' }],
      );
    }
    const key = Buffer.from(unwrapped.result, 'hex');
    if (key.length !== DATABASE_KEY_BYTES) throw this.#damaged('The decrypted database key has the wrong length.');
    if (unwrapped.shouldReEncrypt) await this.#write(key);
    return key;
  }

  #readWrappedKey(): Buffer {
    let parsed: Partial<KeyFile>;
    try {
      parsed = JSON.parse(readFileSync(this.#keyFile, 'utf8')) as Partial<KeyFile>;
    } catch {
      throw this.#damaged('The file is not readable JSON.');
    }
    if (parsed.format !== KEY_FILE_FORMAT || parsed.version !== 1 || typeof parsed.wrappedKey !== 'string') {
      throw this.#damaged('The file does not hold a wrapped database key.');
    }
    return Buffer.from(parsed.wrappedKey, 'base64');
  }

  async #write(key: Buffer): Promise<void> {
    const wrapped = await this.#safeStorage.encryptStringAsync(key.toString('hex'));
    const file: KeyFile = { format: KEY_FILE_FORMAT, version: 1, wrappedKey: wrapped.toString('base64') };
    const temporary = `${this.#keyFile}.${process.pid}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600, flag: 'w' });
    renameSync(temporary, this.#keyFile);
  }

  #damaged(detail: string): AppError {
    return new AppError(
      'LOCKED',
      "This workstation's key file is damaged, so its clinic data cannot be opened. Contact your clinic administrator.",
      [{ path: basename(this.#keyFile), message: detail }],
    );
  }
}
