import type { SyncStatus } from './sync/syncEngine.ts';
import { HostRuntime, type HostOptions } from './hostRuntime.ts';
import { hostRouter } from './trpc/root.ts';
import type { HostContext } from './trpc/trpc.ts';

export interface Host {
  router: typeof hostRouter;
  /** The context every call runs with: one host, whatever the transport (IPC MessagePort or browser mode). */
  createContext(): HostContext;
  syncNow(): Promise<SyncStatus>;
  close(): Promise<void>;
}

/** Starts the desktop host: opens (or waits to unlock) the encrypted store, connects to the sync server. */
export async function startHost(options: HostOptions): Promise<Host> {
  const runtime = await HostRuntime.start(options);
  return {
    router: hostRouter,
    createContext: () => ({ host: runtime }),
    syncNow: () => runtime.syncNow(),
    close: () => runtime.close(),
  };
}
