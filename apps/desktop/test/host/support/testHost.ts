import { randomBytes } from 'node:crypto';
import { startHost, type Host } from '../../../src/host/startHost.ts';
import { LocalStore } from '../../../src/host/local/localStore.ts';
import { prepareDataFolder, type DataFolder } from '../../../src/host/dataFolder.ts';
import { makeTempDir } from './tempDir.ts';
import { fixedKeyProvider } from './testStore.ts';

export const ADMIN = { clinicName: 'Riverbend Clinic', adminName: 'Ada Admin', email: 'ada@riverbend.test', password: 'correct horse battery staple' };

/** A real host on its own data folder (its key kept by the test), and an in-process caller as the renderer would use. */
export interface TestHost {
  host: Host;
  caller: ReturnType<Host['router']['createCaller']>;
  folder: DataFolder;
  key: Buffer;
  /** Stops the host; the data folder stays until `remove`. */
  stop(): Promise<void>;
  /** Starts the host again on the same data folder (optionally against another server). */
  restart(serverUrl?: string): Promise<void>;
  /** A second connection to the host's database file, for checks and for planting what the app itself would not write. */
  openStore(): LocalStore;
  remove(): Promise<void>;
}

export async function startTestHost(serverUrl: string, options: { syncIntervalMs?: number } = {}): Promise<TestHost> {
  const temp = makeTempDir();
  const key = randomBytes(32);
  const folder = prepareDataFolder(temp.dir);
  const start = (url: string) =>
    startHost({ dataDir: temp.dir, serverUrl: url, keyProvider: fixedKeyProvider(key), syncIntervalMs: options.syncIntervalMs ?? 60 * 60_000 });
  let currentUrl = serverUrl;
  let running = true;
  const handle: TestHost = {
    host: await start(serverUrl),
    caller: undefined as never,
    folder,
    key,
    async stop() {
      if (running) await handle.host.close();
      running = false;
    },
    async restart(url = currentUrl) {
      await handle.stop();
      currentUrl = url;
      handle.host = await start(url);
      handle.caller = handle.host.router.createCaller(handle.host.createContext());
      running = true;
    },
    openStore: () => LocalStore.open(folder.databasePath, Buffer.from(key)),
    async remove() {
      await handle.stop();
      temp.remove();
    },
  };
  handle.caller = handle.host.router.createCaller(handle.host.createContext());
  return handle;
}
