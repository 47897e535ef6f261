import type { Database } from '../db/database.ts';
import { rewrapSigningKeys } from '../auth/signingKeys.ts';
import { enterTenant } from '../tenancy/tenantScope.ts';
import { recordKeyEvent } from './keyAudit.ts';
import type { RotatableKeyProvider } from './keyProvider.ts';
import { allDataKeys, lockTenantDataKeys, rewrapDataKey } from './tenantDataKeys.ts';

export interface MasterKeyRotation {
  /** The master key version everything is wrapped under now. */
  version: number;
  /** Tenant data key versions re-wrapped. */
  dataKeys: number;
  /** Signing keys re-wrapped. */
  signingKeys: number;
}

/**
 * Rotates the master key: a new version, every tenant data key and signing key re-wrapped under it (the data
 * they protect is not touched), then the older versions are retired. Crash-safe: each tenant is re-wrapped in
 * its own transaction and the old versions stay in the key file until every key is re-wrapped, so running it
 * again after a crash finishes the job.
 */
export async function rotateMasterKey(db: Database, provider: RotatableKeyProvider): Promise<MasterKeyRotation> {
  const version = await provider.addVersion();
  const rewrapped = await rewrapUnderCurrentVersion(db, provider);
  await provider.retireVersionsBefore(version);
  return rewrapped;
}

/** Re-wraps every key not yet under the provider's current version; idempotent. */
export async function rewrapUnderCurrentVersion(db: Database, provider: RotatableKeyProvider): Promise<MasterKeyRotation> {
  const version = await provider.currentVersion();
  const tenants = await db.query<{ id: string }>('select id from tenants order by id');
  let dataKeys = 0;
  for (const { id: tenantId } of tenants) {
    dataKeys += await db.transaction(async (tx) => {
      // As the schema owner (eonpro_app may not rewrite keys), limited to this tenant's rows.
      await tx.query(`select set_config('app.tenant_id', $1, true)`, [tenantId]);
      await lockTenantDataKeys(tx, tenantId);
      const stale = (await allDataKeys(tx, tenantId)).filter((key) => key.wrapped.keyId !== provider.keyId || key.wrapped.keyVersion !== version);
      for (const key of stale) await rewrapDataKey(tx, { ...key, wrapped: await provider.wrap(await provider.unwrap(key.wrapped)) });
      if (stale.length > 0) {
        await enterTenant(tx, tenantId);
        await recordKeyEvent(tx, tenantId, 'master-key-rotate', { masterKeyVersion: version, rewrapped: stale.length });
      }
      return stale.length;
    });
  }
  const signingKeys = await rewrapSigningKeys(db, provider, version);
  return { version, dataKeys, signingKeys };
}
