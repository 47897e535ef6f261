import { createCipheriv, createDecipheriv, randomBytes, scrypt, type ScryptOptions } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { AppError } from '@eonpro/core';
import { DATABASE_KEY_BYTES, type UnlockableKeyProvider } from './keyProvider.ts';

/**
 * For workstations without a working OS keychain. The random database key is stored only wrapped:
 * AES-256-GCM under a key derived from the workstation passphrase with scrypt.
 *
 * scrypt parameters: N = 2^17, r = 8, p = 1 (OWASP's recommendation; about 128 MiB and a few hundred ms per
 * unlock, which makes guessing a copied file expensive), 16-byte random salt, 32-byte output.
 * The parameters are stored in the file, so a stronger setting later still opens older files.
 */
export const SCRYPT_PARAMETERS = { N: 2 ** 17, r: 8, p: 1 } as const;
export const MIN_PASSPHRASE_LENGTH = 12;
const SCRYPT_MAXMEM = 512 * 1024 * 1024;
/** Binds the wrapped key to its purpose: the file cannot be passed off as another kind of secret. */
const ASSOCIATED_DATA = Buffer.from('EONPro Clinic workstation database key v1');

interface WrappedKeyFile {
  format: 'eonpro-wrapped-database-key';
  version: 1;
  kdf: { name: 'scrypt'; N: number; r: number; p: number; salt: string };
  cipher: { name: 'aes-256-gcm'; iv: string; tag: string };
  wrappedKey: string;
}

export class PassphraseKeyProvider implements UnlockableKeyProvider {
  private readonly wrappedKeyPath: string;
  private key: Buffer | null = null;

  constructor(wrappedKeyPath: string) {
    this.wrappedKeyPath = wrappedKeyPath;
  }

  isUnlocked(): boolean {
    return this.key !== null;
  }

  hasPassphrase(): boolean {
    return existsSync(this.wrappedKeyPath);
  }

  /** The first unlock sets the passphrase and creates the key; later ones unwrap it. */
  async unlock(passphrase: string): Promise<void> {
    this.key = this.hasPassphrase() ? await this.unwrap(passphrase) : await this.createWrapped(passphrase);
  }

  async getDatabaseKey(): Promise<Buffer> {
    if (!this.key) throw new AppError('LOCKED', 'The workstation is locked: enter the workstation passphrase first.');
    return Buffer.from(this.key);
  }

  /** Deletes the wrapped key file and the key in memory; the next unlock sets a new passphrase and key. */
  async forget(): Promise<void> {
    this.key?.fill(0);
    this.key = null;
    rmSync(this.wrappedKeyPath, { force: true });
  }

  private async createWrapped(passphrase: string): Promise<Buffer> {
    if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
      throw new AppError('VALIDATION', `The workstation passphrase must be at least ${MIN_PASSPHRASE_LENGTH} characters.`, [
        { path: 'passphrase', message: `At least ${MIN_PASSPHRASE_LENGTH} characters` },
      ]);
    }
    const key = randomBytes(DATABASE_KEY_BYTES);
    const salt = randomBytes(16);
    const iv = randomBytes(12);
    const wrappingKey = await deriveKey(passphrase, salt, SCRYPT_PARAMETERS);
    const cipher = createCipheriv('aes-256-gcm', wrappingKey, iv);
    cipher.setAAD(ASSOCIATED_DATA);
    const wrapped = Buffer.concat([cipher.update(key), cipher.final()]);
    const file: WrappedKeyFile = {
      format: 'eonpro-wrapped-database-key',
      version: 1,
      kdf: { name: 'scrypt', ...SCRYPT_PARAMETERS, salt: salt.toString('base64') },
      cipher: { name: 'aes-256-gcm', iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64') },
      wrappedKey: wrapped.toString('base64'),
    };
    const temporary = `${this.wrappedKeyPath}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
    renameSync(temporary, this.wrappedKeyPath);
    return key;
  }

  private async unwrap(passphrase: string): Promise<Buffer> {
    const file = readWrappedKeyFile(this.wrappedKeyPath);
    const wrappingKey = await deriveKey(passphrase, Buffer.from(file.kdf.salt, 'base64'), file.kdf);
    const decipher = createDecipheriv('aes-256-gcm', wrappingKey, Buffer.from(file.cipher.iv, 'base64'));
    decipher.setAAD(ASSOCIATED_DATA);
    decipher.setAuthTag(Buffer.from(file.cipher.tag, 'base64'));
    try {
      return Buffer.concat([decipher.update(Buffer.from(file.wrappedKey, 'base64')), decipher.final()]);
    } catch {
      throw new AppError('UNAUTHORIZED', 'The workstation passphrase is not correct.', [
        { path: 'passphrase', message: 'Not correct' },
      ]);
    }
  }
}

function readWrappedKeyFile(path: string): WrappedKeyFile {
  const file = JSON.parse(readFileSync(path, 'utf8')) as WrappedKeyFile;
  const { kdf } = file;
  const sane =
    file.format === 'eonpro-wrapped-database-key' &&
    file.version === 1 &&
    kdf?.name === 'scrypt' &&
    Number.isInteger(kdf.N) && kdf.N >= 2 ** 14 && kdf.N <= 2 ** 20 &&
    Number.isInteger(kdf.r) && kdf.r >= 8 && kdf.r <= 32 &&
    Number.isInteger(kdf.p) && kdf.p >= 1 && kdf.p <= 4 &&
    file.cipher?.name === 'aes-256-gcm';
  if (!sane) throw new AppError('LOCKED', 'The workstation key file is damaged or from an unknown version; the database cannot be opened.');
  return file;
}

function deriveKey(passphrase: string, salt: Buffer, { N, r, p }: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { N, r, p, maxmem: SCRYPT_MAXMEM };
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFKC'), salt, DATABASE_KEY_BYTES, options, (error, derived) =>
      error ? reject(error) : resolve(derived),
    );
  });
}
