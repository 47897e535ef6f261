import { HybridClock } from '@eonpro/core';
import { loadSigningKeys, type SigningKeys } from './auth/signingKeys.ts';
import type { Database } from './db/database.ts';
import type { KeyProvider } from './keys/keyProvider.ts';
import { MasterKeyRing } from './keys/masterKeyRing.ts';
import { DataKeySealer, type TenantSealer } from './keys/tenantSealer.ts';
import { migrate } from './db/migrate.ts';
import type { Logger } from './logging/logger.ts';
import { ServerMetrics } from './metrics/serverMetrics.ts';
import { MAX_CLOCK_AHEAD_MS } from './sync/validateChange.ts';

/** What every request can reach: one per server process. */
export interface ServerServices {
  db: Database;
  keys: SigningKeys;
  /** The master key: wraps the tenants' data keys and the signing keys' private halves. */
  keyProvider: KeyProvider;
  /** Seals and opens the most sensitive values under each tenant's own data key. */
  sealer: TenantSealer;
  /** The server's hybrid logical clock: stamps server-made changes and follows the clocks of pushed ones. */
  clock: HybridClock;
  log: Logger;
  /** Prometheus metrics, served on their own port by startSyncServer. */
  metrics: ServerMetrics;
  /** The wall clock for sign-in lockouts and one-time codes; the system clock unless a test moves its own. */
  now?: () => Date;
  /** The URL workstations reach this server at (startSyncServer's publicUrl); device proofs must name it. */
  publicUrl?: string | null;
}

/**
 * Brings the database schema up to date and loads the signing keys. Without a key provider the master key lives
 * in memory only (a database that lives in memory too, as in tests); startSyncServer passes the key file.
 */
export async function prepareServices(db: Database, log: Logger, keyProvider: KeyProvider = MasterKeyRing.generate()): Promise<ServerServices> {
  const { applied } = await migrate(db);
  if (applied.length > 0) log.info({ migrations: applied }, 'database migrated');
  const keys = await loadSigningKeys(db, keyProvider);
  return { db, keys, keyProvider, sealer: new DataKeySealer(keyProvider), clock: new HybridClock('server', { maxDriftMs: MAX_CLOCK_AHEAD_MS }), log, metrics: new ServerMetrics(db) };
}
