import { randomBytes } from 'node:crypto';
import { DATABASE_KEY_BYTES, type KeyProvider } from './keyProvider.ts';

export const KEYCHAIN_SERVICE = 'EONPro Clinic';
const PROBE_TIMEOUT_MS = 3_000;

/** The part of keytar this provider uses. */
export interface Keychain {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  findCredentials(service: string): Promise<Array<{ account: string; password: string }>>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

/**
 * The database key lives only in the OS keychain (libsecret, Keychain, Credential Manager), under the data
 * folder's id. The first use generates it.
 */
export class KeychainKeyProvider implements KeyProvider {
  private readonly keychain: Keychain;
  private readonly account: string;

  constructor(keychain: Keychain, account: string) {
    this.keychain = keychain;
    this.account = account;
  }

  async getDatabaseKey(): Promise<Buffer> {
    const stored = await this.keychain.getPassword(KEYCHAIN_SERVICE, this.account);
    if (stored !== null) {
      const key = Buffer.from(stored, 'hex');
      if (key.length !== DATABASE_KEY_BYTES) throw new Error('The database key in the OS keychain is damaged');
      return key;
    }
    const key = randomBytes(DATABASE_KEY_BYTES);
    await this.keychain.setPassword(KEYCHAIN_SERVICE, this.account, key.toString('hex'));
    return key;
  }

  /** Deletes this data folder's key from the OS keychain. */
  async forget(): Promise<void> {
    await this.keychain.deletePassword(KEYCHAIN_SERVICE, this.account);
  }
}

/** keytar, if its native module loads and a secret service answers; null otherwise. */
export async function loadWorkingKeychain(): Promise<Keychain | null> {
  let keychain: Keychain;
  try {
    const module = (await import('keytar')) as { default?: Keychain } & Keychain;
    keychain = module.default ?? module;
  } catch {
    return null;
  }
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), PROBE_TIMEOUT_MS);
  });
  try {
    const answered = await Promise.race([keychain.findCredentials(KEYCHAIN_SERVICE).then(() => true), timeout]);
    return answered ? keychain : null;
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}
