import type { Queryable } from '../../db/database.ts';

/** What sealing needs (services.sealer, src/keys): AES-256-GCM under the tenant's data key, bound to a purpose. */
export interface SecretSealer {
  seal(tx: Queryable, tenantId: string, plaintext: string, purpose: string): Promise<string>;
  open(tx: Queryable, tenantId: string, sealed: string, purpose: string): Promise<string>;
}

const PURPOSE = 'user.totpSecret';

/** The TOTP secret as stored: sealed under the tenant's data key, never in the clear. In tenant scope. */
export function sealTotpSecret(sealer: SecretSealer, tx: Queryable, tenantId: string, secret: string): Promise<string> {
  return sealer.seal(tx, tenantId, secret, PURPOSE);
}

export function openTotpSecret(sealer: SecretSealer, tx: Queryable, tenantId: string, sealed: string): Promise<string> {
  return sealer.open(tx, tenantId, sealed, PURPOSE);
}
