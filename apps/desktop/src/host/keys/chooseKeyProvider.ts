import { existsSync } from 'node:fs';
import type { DataFolder } from '../dataFolder.ts';
import { KeychainKeyProvider, loadWorkingKeychain } from './keychainKeyProvider.ts';
import type { KeyProvider } from './keyProvider.ts';
import { PassphraseKeyProvider } from './passphraseKeyProvider.ts';

/**
 * The OS keychain where one answers; otherwise a workstation passphrase (never a plaintext key on disk).
 * A folder whose key was once wrapped by a passphrase keeps using it: its key is not in any keychain.
 */
export async function chooseKeyProvider(folder: DataFolder): Promise<KeyProvider> {
  if (existsSync(folder.wrappedKeyPath)) return new PassphraseKeyProvider(folder.wrappedKeyPath);
  const keychain = await loadWorkingKeychain();
  if (keychain) return new KeychainKeyProvider(keychain, folder.folderId);
  return new PassphraseKeyProvider(folder.wrappedKeyPath);
}
