export { startSyncServer, type RunningSyncServer, type SyncServerOptions } from './startSyncServer.ts';
export { TlsSetupError, type TlsFiles } from './http/tlsCredentials.ts';
export type { AppRouter } from './routers/root.ts';
export type { ErrorData } from './errorShape.ts';
