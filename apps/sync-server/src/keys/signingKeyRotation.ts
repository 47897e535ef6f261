import { rotateSigningKey } from '../auth/signingKeys.ts';
import type { Database } from '../db/database.ts';
import { withTenant } from '../tenancy/tenantScope.ts';
import { recordKeyEvent } from './keyAudit.ts';
import type { KeyProvider } from './keyProvider.ts';

/** A new token signing key (see rotateSigningKey), recorded as `signing-key-rotate` in every clinic's audit trail. */
export async function rotateSigningKeyAudited(db: Database, provider: KeyProvider): Promise<{ kid: string }> {
  const rotated = await rotateSigningKey(db, provider);
  const tenants = await db.query<{ id: string }>('select id from tenants order by id');
  for (const { id } of tenants) await withTenant(db, id, (tx) => recordKeyEvent(tx, id, 'signing-key-rotate', {}));
  return rotated;
}
