import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openDatabase } from './db/openDatabase.ts';
import type { DatabaseOptions } from './db/database.ts';
import { scheduleCheckpoints, type CheckpointSchedule } from './audit/checkpointSchedule.ts';
import { SIGNING_KEY_REFRESH_MS } from './auth/signingKeys.ts';
import { createHttpServer } from './http/httpServer.ts';
import { readTlsCredentials, type TlsFiles } from './http/tlsCredentials.ts';
import { exposesPlainHttp, reachedOverHttps } from './http/transportSecurity.ts';
import type { KeyProvider } from './keys/keyProvider.ts';
import { openMasterKey } from './keys/masterKeyLocation.ts';
import { createLogger } from './logging/logger.ts';
import { DEFAULT_METRICS_PORT, startMetricsServer, type RunningMetricsServer } from './metrics/metricsServer.ts';
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
  /** How often every tenant's audit chain head is signed as a checkpoint (when it moved); default 10 minutes. */
  auditCheckpointIntervalMs?: number;
  /** Prometheus metrics (GET /metrics) on this port, apart from the API; 0 = any free port; default 9464. */
  metricsPort?: number;
  /** Where the metrics port listens; default 127.0.0.1, so only this machine can scrape it. */
  metricsHost?: string;
  /**
   * The URL workstations use to reach this server (behind a proxy, the proxy's). When set, a device proof made for
   * another server is refused.
   */
  publicUrl?: string;
  /**
   * Serve HTTPS (TLS 1.2 or later) with this certificate and key. Without it the server speaks plain HTTP, which is
   * meant for this machine only, or behind a proxy that terminates TLS (give its https:// publicUrl).
   */
  tls?: TlsFiles;
  /**
   * The master key file (created 0600 on first start). Default: $EONPRO_MASTER_KEY_FILE, else beside an embedded
   * database's folder; an in-memory database gets an in-memory key. Required (or the env variable) for PostgreSQL.
   */
  masterKeyFile?: string;
  /** Another master key provider (a KMS adapter); replaces the key file. */
  keyProvider?: KeyProvider;
  /** The wall clock for sign-in lockouts and one-time (TOTP) codes; default the system clock. For tests. */
  now?: () => Date;
}

export interface RunningSyncServer {
  url: string;
  /** Where Prometheus scrapes: `http://127.0.0.1:9464/metrics` by default. */
  metricsUrl: string;
  close(): Promise<void>;
}

export const DEFAULT_PORT = 4010;

/** Opens (and migrates) the database, then serves the API until close(). */
export async function startSyncServer(options: SyncServerOptions): Promise<RunningSyncServer> {
  const log = createLogger({ level: options.logLevel, file: options.logFile });
  // A bad certificate or key stops the start before anything is opened.
  const tls = options.tls ? readTlsCredentials(options.tls) : null;
  const host = options.host ?? '127.0.0.1';
  const transportFacts = { host, tls: tls !== null, ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}) };
  const db = await openDatabase(options.database);
  let server: Server;
  let checkpoints: CheckpointSchedule;
  let signingKeyRefresh: NodeJS.Timeout;
  let metrics: RunningMetricsServer;
  try {
    const keyProvider = options.keyProvider ?? (await openMasterKey(options.database, options.masterKeyFile));
    const services = await prepareServices(db, log, keyProvider);
    if (options.now) services.now = options.now;
    services.metrics.includeProcessMetrics();
    services.publicUrl = options.publicUrl ?? null;
    metrics = await startMetricsServer(services.metrics.registry, { port: options.metricsPort ?? DEFAULT_METRICS_PORT, host: options.metricsHost ?? '127.0.0.1', log });
    server = createHttpServer(services, { tls, hsts: reachedOverHttps(transportFacts) });
    await listen(server, options.port ?? DEFAULT_PORT, host).catch(async (error: unknown) => {
      await metrics.close();
      throw error;
    });
    checkpoints = scheduleCheckpoints(services, options.auditCheckpointIntervalMs);
    // Another server may rotate the signing key: sign with the new one soon after (verifying it needs no wait).
    signingKeyRefresh = setInterval(() => {
      services.keys.refresh().catch((error: unknown) => log.warn({ type: (error as Error).name }, 'signing keys could not be re-read'));
    }, SIGNING_KEY_REFRESH_MS);
    signingKeyRefresh.unref();
  } catch (error) {
    await db.close();
    throw error;
  }
  const { address, port } = server.address() as AddressInfo;
  const url = `${tls ? 'https' : 'http'}://${address.includes(':') ? `[${address}]` : address}:${port}`;
  log.info({ url, metricsUrl: metrics.url, database: options.database.kind, tls: tls !== null }, 'sync server listening');
  if (exposesPlainHttp(transportFacts)) {
    log.warn({ host }, 'sync server reachable from other machines over plain HTTP: give it a TLS certificate (--tls-cert, --tls-key) or an https:// --public-url for a TLS proxy in front');
  }
  if (tls && tls.expiresAt.getTime() < Date.now()) {
    log.warn({ expiredAt: tls.expiresAt.toISOString() }, 'the TLS certificate has expired: workstations will refuse this server until it is renewed');
  }

  const running = server;
  let closing: Promise<void> | undefined;
  return {
    url,
    metricsUrl: metrics.url,
    close() {
      closing ??= (async () => {
        await new Promise<void>((resolve) => {
          running.close(() => resolve());
          running.closeIdleConnections();
        });
        await metrics.close();
        clearInterval(signingKeyRefresh);
        await checkpoints.stop();
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
