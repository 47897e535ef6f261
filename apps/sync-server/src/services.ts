import { HybridClock } from '@eonpro/core';
import { loadSigningKeys, type SigningKeys } from './auth/signingKeys.ts';
import type { Database } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import type { Logger } from './logging/logger.ts';
import { ServerMetrics } from './metrics/serverMetrics.ts';
import { MAX_CLOCK_AHEAD_MS } from './sync/validateChange.ts';

/** What every request can reach: one per server process. */
export interface ServerServices {
  db: Database;
  keys: SigningKeys;
  /** The server's hybrid logical clock: stamps server-made changes and follows the clocks of pushed ones. */
  clock: HybridClock;
  log: Logger;
  /** Prometheus metrics, served on their own port by startSyncServer. */
  metrics: ServerMetrics;
}

/** Brings the database schema up to date and loads the signing keys. */
export async function prepareServices(db: Database, log: Logger): Promise<ServerServices> {
  const { applied } = await migrate(db);
  if (applied.length > 0) log.info({ migrations: applied }, 'database migrated');
  const keys = await loadSigningKeys(db);
  return { db, keys, clock: new HybridClock('server', { maxDriftMs: MAX_CLOCK_AHEAD_MS }), log, metrics: new ServerMetrics(db) };
}
