import { join } from 'node:path';
import { startSyncServer, type TlsFiles } from '@eonpro/sync-server';
import { makeTempDir } from './tempDir.ts';
import { TestAuthenticator } from './testAuthenticator.ts';

/**
 * A real sync server in this process on port 0. PGlite in memory by default; `persistent` keeps its database in a
 * temp folder so it can be stopped and started again with its data.
 */
export interface TestServer {
  url: string;
  port: number;
  stop(): Promise<void>;
  /** Starts it again on the same port (and, if persistent, the same database). */
  start(): Promise<void>;
  remove(): Promise<void>;
  /** Everyone's authenticator app: its clock is the server's, for one-time codes. */
  authenticator: TestAuthenticator;
}

/** `tls`: serve HTTPS with this certificate and key (the url is then https://). */
export async function startTestServer(options: { persistent?: boolean; tls?: TlsFiles } = {}): Promise<TestServer> {
  const temp = makeTempDir('eonpro-sync-server-');
  // The server keeps its master key file beside the database folder: inside the temp folder too.
  const database = options.persistent ? { kind: 'pglite' as const, dataDir: join(temp.dir, 'server') } : { kind: 'pglite' as const };
  const authenticator = new TestAuthenticator();
  const tls = options.tls ? { tls: options.tls } : {};
  let running = await startSyncServer({ port: 0, metricsPort: 0, database, logLevel: 'silent', now: authenticator.now, ...tls });
  let up = true;
  const port = Number(new URL(running.url).port);
  const handle: TestServer = {
    url: running.url,
    port,
    authenticator,
    async stop() {
      if (up) await running.close();
      up = false;
    },
    async start() {
      running = await startSyncServer({ port, metricsPort: 0, database, logLevel: 'silent', now: authenticator.now, ...tls });
      up = true;
    },
    async remove() {
      await handle.stop();
      temp.remove();
    },
  };
  return handle;
}
