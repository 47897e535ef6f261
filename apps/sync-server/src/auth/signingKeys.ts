import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import type { Database } from '../db/database.ts';

export const SIGNING_ALGORITHM = 'EdDSA';

export interface SigningKeys {
  /** The key new tokens are signed with. */
  current: { kid: string; privateKey: CryptoKey };
  /** Public keys by kid, for verifying tokens signed by this or an earlier key. */
  publicKeys: ReadonlyMap<string, CryptoKey>;
}

interface SigningKeyRow {
  kid: string;
  public_jwk: JWK;
  private_jwk: JWK;
}

/**
 * The Ed25519 key pair that signs access tokens, generated on the first start and kept in the database so
 * every server process (and a restart) signs and verifies with the same key.
 * Later work: seal the private key under the key provider, rotate keys, publish a JWKS.
 */
export async function loadSigningKeys(db: Database): Promise<SigningKeys> {
  let rows = await readKeys(db);
  if (rows.length === 0) {
    const { publicKey, privateKey } = await generateKeyPair(SIGNING_ALGORITHM, { crv: 'Ed25519', extractable: true });
    // Two servers starting together may both generate one; the first insert wins and both read it back.
    await db.query(
      `insert into signing_keys (kid, public_jwk, private_jwk)
       select $1, $2::jsonb, $3::jsonb where not exists (select 1 from signing_keys)`,
      [randomUUID(), JSON.stringify(await exportJWK(publicKey)), JSON.stringify(await exportJWK(privateKey))],
    );
    rows = await readKeys(db);
  }
  const newest = rows[0]!;
  const publicKeys = new Map<string, CryptoKey>();
  for (const row of rows) publicKeys.set(row.kid, (await importJWK(row.public_jwk, SIGNING_ALGORITHM)) as CryptoKey);
  return {
    current: { kid: newest.kid, privateKey: (await importJWK(newest.private_jwk, SIGNING_ALGORITHM)) as CryptoKey },
    publicKeys,
  };
}

function readKeys(db: Database): Promise<SigningKeyRow[]> {
  return db.query<SigningKeyRow>('select kid, public_jwk, private_jwk from signing_keys order by created_at desc, kid');
}
