import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openDatabase } from './db/openDatabase.ts';
import type { DatabaseOptions } from './db/database.ts';
import { createHttpServer } from './http/httpServer.ts';
import { createLogger } from './logging/logger.ts';
import { prepareServices } from './services.ts';

export interface SyncServerOptions {
  /** 0 = any free port; default 4010. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  database: DatabaseOptions;
  logLevel?: string;
  /** Write the JSON log to this file instead of stdout. */
  logFile?: string;
}

export interface RunningSyncServer {
  url: string;
  close(): Promise<void>;
}

export const DEFAULT_PORT = 4010;

/** Opens (and migrates) the database, then serves the API until close(). */
export async function startSyncServer(options: SyncServerOptions): Promise<RunningSyncServer> {
  const log = createLogger({ level: options.logLevel, file: options.logFile });
  const db = await openDatabase(options.database);
  let server: Server;
  try {
    const services = await prepareServices(db, log);
    server = createHttpServer(services);
    await listen(server, options.port ?? DEFAULT_PORT, options.host ?? '127.0.0.1');
  } catch (error) {
    await db.close();
    throw error;
  }
  const { address, port } = server.address() as AddressInfo;
  const url = `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
  log.info({ url, database: options.database.kind }, 'sync server listening');

  const running = server;
  let closing: Promise<void> | undefined;
  return {
    url,
    close() {
      closing ??= (async () => {
        await new Promise<void>((resolve) => {
          running.close(() => resolve());
          running.closeIdleConnections();
        });
        await db.close();
        log.info('sync server stopped');
      })();
      return closing;
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
