/**
 * Run inside a D-Bus session with an unlocked secret service (see keys/keychainRevocation.test.ts): starts the host as
 * the app does (its key in the OS keychain), signs in, and prints as JSON what the workstation holds afterwards.
 * argv: <data folder> <server url> <email> <password>
 */
import { existsSync } from 'node:fs';
import { prepareDataFolder } from '../../../src/host/dataFolder.ts';
import { KEYCHAIN_SERVICE, loadWorkingKeychain } from '../../../src/host/keys/keychainKeyProvider.ts';
import { startHost } from '../../../src/host/startHost.ts';

const [dataDir, serverUrl, email, password] = process.argv.slice(2) as [string, string, string, string];
const folder = prepareDataFolder(dataDir);
const host = await startHost({ dataDir, serverUrl, syncIntervalMs: 60 * 60_000 });
const caller = host.router.createCaller(host.createContext());
const before = await caller.session.status();
const signIn = await caller.session.signIn({ email, password }).then(
  () => null,
  (error: unknown) => (error as { cause?: { code?: string } }).cause?.code ?? 'UNKNOWN',
);
const after = await caller.session.status();
await host.close();
const keychain = await loadWorkingKeychain();
process.stdout.write(
  JSON.stringify({
    keychain: keychain !== null,
    deviceId: before.deviceId,
    signInCode: signIn,
    state: after.state,
    keyInKeychain: (await keychain?.getPassword(KEYCHAIN_SERVICE, folder.folderId)) != null,
    databaseFiles: [folder.databasePath, `${folder.databasePath}-wal`, `${folder.databasePath}-shm`].filter((file) => existsSync(file)).length,
    reason: after.revocation?.reason ?? null,
  }),
);
