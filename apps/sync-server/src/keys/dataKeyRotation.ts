import { randomBytes } from 'node:crypto';
import type { Database } from '../db/database.ts';
import { withTenant } from '../tenancy/tenantScope.ts';
import { KEY_BYTES } from './aesGcm.ts';
import { recordKeyEvent } from './keyAudit.ts';
import type { KeyProvider } from './keyProvider.ts';
import { sealedFieldsOf, sealPurpose, storageColumn } from './sealedFields.ts';
import { insertDataKey, latestDataKey, lockTenantDataKeys } from './tenantDataKeys.ts';
import type { TenantSealer } from './tenantSealer.ts';

const RESEAL_BATCH = 200;

/**
 * Gives a tenant a new data key version: new seals use it from now on, older versions stay and still open the
 * values sealed under them (until resealTenant moves those). Audited as `data-key-rotate`.
 */
export async function rotateTenantDataKey(db: Database, provider: KeyProvider, tenantId: string): Promise<{ version: number }> {
  return withTenant(db, tenantId, async (tx) => {
    // Wrapped only once the lock is held, so a master key rotation cannot re-wrap this tenant in between.
    await lockTenantDataKeys(tx, tenantId);
    const version = ((await latestDataKey(tx, tenantId))?.version ?? 0) + 1;
    await insertDataKey(tx, { tenantId, version, wrapped: await provider.wrap(randomBytes(KEY_BYTES)) });
    await recordKeyEvent(tx, tenantId, 'data-key-rotate', { dataKeyVersion: version });
    return { version };
  });
}

/**
 * Re-seals a tenant's patient identifiers still sealed under an older data key version with the newest one, a
 * batch per transaction; the records themselves (values, revisions, sync) do not change. Safe to stop and run
 * again: each batch picks up what is still under an older version. Returns how many records were re-sealed.
 */
export async function resealTenant(db: Database, sealer: TenantSealer, tenantId: string): Promise<number> {
  const fields = sealedFieldsOf('patient');
  const columns = fields.map((field) => storageColumn('patient', field));
  let resealed = 0;
  for (;;) {
    const batch = await withTenant(db, tenantId, async (tx) => {
      const current = (await latestDataKey(tx, tenantId))?.version;
      if (current === undefined) return 0;
      const currentPrefix = `v1.${current}.%`;
      const stale = columns.map((column) => `(${column} is not null and ${column} not like $1)`).join(' or ');
      const rows = await tx.query<Record<string, string | null> & { id: string }>(
        `select id, ${columns.join(', ')} from patients where ${stale} order by id limit ${RESEAL_BATCH} for update`,
        [currentPrefix],
      );
      for (const row of rows) {
        const values: (string | null)[] = [];
        for (const [index, field] of fields.entries()) {
          const stored = row[columns[index]!] ?? null;
          const purpose = sealPurpose('patient', field);
          values.push(stored === null ? null : await sealer.seal(tx, tenantId, await sealer.open(tx, tenantId, stored, purpose), purpose));
        }
        await tx.query(`update patients set ${columns.map((column, index) => `${column} = $${index + 2}`).join(', ')} where id = $1`, [row.id, ...values]);
      }
      return rows.length;
    });
    resealed += batch;
    if (batch < RESEAL_BATCH) return resealed;
  }
}
