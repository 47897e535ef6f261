import { randomBytes } from 'node:crypto';
import { AppError } from '@eonpro/core';
import { TRPCError } from '@trpc/server';
import { startHost, type Host } from '../../../src/host/startHost.ts';
import { LocalStore } from '../../../src/host/local/localStore.ts';
import { prepareDataFolder, type DataFolder } from '../../../src/host/dataFolder.ts';
import { AdminConsole, serverAppCode } from './adminConsole.ts';
import { makeTempDir } from './tempDir.ts';
import { finishSecondStep, type TestAuthenticator } from './testAuthenticator.ts';
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

type HostCaller = TestHost['caller'];

/**
 * Signs in on the host as a person would: the password, then the second step (setting up the authenticator) where
 * asked. A new workstation of a clinic that has one already waits for approval: the administrator approves it from
 * their console (devices.approve), then the person signs in again.
 */
export async function signInOnHost(caller: HostCaller, server: { authenticator: TestAuthenticator }, account: { email: string; password: string }) {
  const signIn = async () => finishSecondStep(caller.session, server.authenticator, account.email, await caller.session.signIn(account));
  return signIn().catch(async (error: unknown) => {
    const console = consoles.get(server);
    if (hostAppCode(error) !== 'DEVICE_PENDING' || !console) throw error;
    const { deviceId } = await caller.session.status();
    await console.approve(deviceId!);
    return signIn();
  });
}

/**
 * Creates the clinic from this host and signs its administrator in, setting up their authenticator. This first
 * workstation is approved by that sign-in; it approves the administrator's console, which approves later ones.
 */
export async function setUpClinicOnHost(caller: HostCaller, server: { authenticator: TestAuthenticator; url: string }, admin: typeof ADMIN) {
  const status = await finishSecondStep(caller.session, server.authenticator, admin.email, await caller.session.setupClinic(admin));
  const console = new AdminConsole(server.url);
  await console.signIn(admin, server.authenticator).catch(async (error: unknown) => {
    if (serverAppCode(error) !== 'DEVICE_PENDING') throw error;
    await caller.workstations.approve({ deviceId: console.deviceId });
    await console.signIn(admin, server.authenticator);
  });
  consoles.set(server, console);
  return status;
}

/** The administrator's console of each test server's clinic. */
const consoles = new WeakMap<object, AdminConsole>();

/** The administrator's console for the clinic set up on `server` (to approve or revoke workstations in a test). */
export function adminConsoleOf(server: object): AdminConsole {
  const console = consoles.get(server);
  if (!console) throw new Error('No clinic was set up on this test server');
  return console;
}

/** The app's error code of a failed host call (through the router, or straight from the host). */
export function hostAppCode(error: unknown): string | undefined {
  if (error instanceof AppError) return error.code;
  return error instanceof TRPCError && error.cause instanceof AppError ? error.cause.code : undefined;
}

/** `serverCaFile`: the CA the host trusts an https:// server by (kept across restarts). */
export async function startTestHost(serverUrl: string, options: { syncIntervalMs?: number; clock?: () => number; serverCaFile?: string } = {}): Promise<TestHost> {
  const temp = makeTempDir();
  const key = randomBytes(32);
  const folder = prepareDataFolder(temp.dir);
  const start = (url: string) =>
    startHost({ dataDir: temp.dir, serverUrl: url, keyProvider: fixedKeyProvider(key), syncIntervalMs: options.syncIntervalMs ?? 60 * 60_000, clock: options.clock, serverCaFile: options.serverCaFile });
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
