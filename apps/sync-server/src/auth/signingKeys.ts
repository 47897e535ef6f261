import { randomUUID } from 'node:crypto';
import { isUuid } from '@eonpro/core';
import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import type { Database, Queryable } from '../db/database.ts';
import type { KeyProvider, WrappedKey } from '../keys/keyProvider.ts';

export const SIGNING_ALGORITHM = 'EdDSA';
/** How often a server re-reads the signing keys, so it signs with a key another server rotated in. */
export const SIGNING_KEY_REFRESH_MS = 60_000;
/**
 * How long a rotated-out key keeps verifying: at least the access token life (15 minutes) plus the refresh
 * interval, during which another server may still sign with it. Nobody is logged out by a rotation.
 */
export const RETIRED_KEY_GRACE_MS = 30 * 60_000;

export interface SigningKeys {
  /** The key new tokens (and audit checkpoints) are signed with. */
  readonly current: { kid: string; privateKey: CryptoKey };
  /** Public keys by kid that verify tokens now: the current key and keys retired within the grace period. */
  readonly publicKeys: ReadonlyMap<string, CryptoKey>;
  /** The public key for a kid; an unknown kid re-reads the keys once (another server may have rotated). */
  verificationKey(kid: string): Promise<CryptoKey | null>;
  /** The JSON Web Key Set of the public keys that verify tokens now (served at /.well-known/jwks.json). */
  jwks(): { keys: PublicJwk[] };
  /** Re-reads the keys from the database. */
  refresh(): Promise<void>;
}

export interface PublicJwk extends JWK {
  kid: string;
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
  alg: typeof SIGNING_ALGORITHM;
  use: 'sig';
}

interface SigningKeyRow {
  kid: string;
  public_jwk: JWK;
  private_jwk: JWK | null;
  master_key_id: string | null;
  master_key_version: number | null;
  wrapped_private_key: string | null;
  retired_at: Date | null;
}

const COLUMNS = 'kid, public_jwk, private_jwk, master_key_id, master_key_version, wrapped_private_key, retired_at';

/**
 * The Ed25519 keys that sign access tokens, kept in the database so every server process (and a restart) signs
 * and verifies with the same keys. The private half is stored only wrapped by the master key (a PKCS#8 key
 * wrapped with AES-256-GCM by the key provider) and unwrapped into memory for the current key alone.
 */
class SigningKeyRing implements SigningKeys {
  current!: { kid: string; privateKey: CryptoKey };
  publicKeys: ReadonlyMap<string, CryptoKey> = new Map();
  private publicJwks: PublicJwk[] = [];
  private refreshing: Promise<void> | null = null;

  constructor(
    private readonly db: Database,
    private readonly provider: KeyProvider,
    private readonly now: () => Date,
  ) {}

  async verificationKey(kid: string): Promise<CryptoKey | null> {
    const known = this.publicKeys.get(kid);
    if (known || !isUuid(kid)) return known ?? null;
    await this.refresh();
    return this.publicKeys.get(kid) ?? null;
  }

  jwks(): { keys: PublicJwk[] } {
    return { keys: this.publicJwks };
  }

  /** One read at a time: concurrent callers share it. */
  refresh(): Promise<void> {
    this.refreshing ??= this.load().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async load(): Promise<void> {
    let rows = await readKeys(this.db);
    if (rows.length === 0) {
      await insertFirstKey(this.db, this.provider);
      rows = await readKeys(this.db);
    }
    if (rows.some((row) => row.private_jwk !== null)) {
      await wrapPlaintextKeys(this.db, this.provider, rows);
      rows = await readKeys(this.db);
    }
    const newest = rows.find((row) => row.retired_at === null && row.wrapped_private_key !== null);
    if (!newest) throw new Error('No current token signing key is stored: rotate the signing key.');
    const verifyFrom = this.now().getTime() - RETIRED_KEY_GRACE_MS;
    const verifying = rows.filter((row) => row.retired_at === null || row.retired_at.getTime() > verifyFrom);
    const publicKeys = new Map<string, CryptoKey>();
    for (const row of verifying) publicKeys.set(row.kid, (await importJWK(row.public_jwk, SIGNING_ALGORITHM)) as CryptoKey);
    if (this.current?.kid !== newest.kid) this.current = { kid: newest.kid, privateKey: await unwrapPrivateKey(this.provider, newest) };
    this.publicKeys = publicKeys;
    this.publicJwks = verifying.map((row) => publicJwk(row));
  }
}

/** Loads the signing keys, making the first one on a new database and wrapping any stored in the clear. */
export async function loadSigningKeys(db: Database, provider: KeyProvider, now: () => Date = () => new Date()): Promise<SigningKeys> {
  const ring = new SigningKeyRing(db, provider, now);
  await ring.refresh();
  return ring;
}

/**
 * Makes a new current signing key. The previous keys stop signing at once and keep verifying for
 * RETIRED_KEY_GRACE_MS; their private halves are deleted (only the public half of a retired key is kept, for
 * tokens still in flight and for old audit checkpoints). Other servers sign with the new key within
 * SIGNING_KEY_REFRESH_MS, and verify it at once (an unknown kid makes them re-read).
 */
export async function rotateSigningKey(db: Database, provider: KeyProvider): Promise<{ kid: string }> {
  return db.transaction(async (tx) => {
    // Wrapped under the lock, so a master key rotation re-wrapping these rows cannot miss it.
    await tx.query('lock table signing_keys in exclusive mode');
    const key = await newWrappedKey(provider);
    await tx.query(
      `update signing_keys set retired_at = now(), private_jwk = null, wrapped_private_key = null, master_key_id = null, master_key_version = null
       where retired_at is null`,
    );
    await insertKey(tx, key);
    return { kid: key.kid };
  });
}

/** Re-wraps the private halves stored under an older master key version (master key rotation). */
export async function rewrapSigningKeys(db: Database, provider: KeyProvider, currentVersion: number): Promise<number> {
  return db.transaction(async (tx) => {
    const rows = await tx.query<SigningKeyRow>(`select ${COLUMNS} from signing_keys where wrapped_private_key is not null for update`);
    const stale = rows.filter((row) => row.master_key_id !== provider.keyId || row.master_key_version !== currentVersion);
    for (const row of stale) {
      const pkcs8 = await provider.unwrap(wrappedOf(row));
      await storeWrapped(tx, row.kid, await provider.wrap(pkcs8));
    }
    return stale.length;
  });
}

function readKeys(db: Queryable): Promise<SigningKeyRow[]> {
  return db.query<SigningKeyRow>(`select ${COLUMNS} from signing_keys order by created_at desc, kid`);
}

interface NewKey {
  kid: string;
  publicJwk: JWK;
  wrapped: WrappedKey;
}

async function newWrappedKey(provider: KeyProvider): Promise<NewKey> {
  const { publicKey, privateKey } = await generateKeyPair(SIGNING_ALGORITHM, { crv: 'Ed25519', extractable: true });
  const pkcs8 = Buffer.from(await crypto.subtle.exportKey('pkcs8', privateKey));
  return { kid: randomUUID(), publicJwk: await exportJWK(publicKey), wrapped: await provider.wrap(pkcs8) };
}

async function insertKey(tx: Queryable, key: NewKey, onlyIfNone = false): Promise<void> {
  await tx.query(
    `insert into signing_keys (kid, public_jwk, master_key_id, master_key_version, wrapped_private_key)
     select $1, $2::jsonb, $3, $4, $5 ${onlyIfNone ? 'where not exists (select 1 from signing_keys)' : ''}`,
    [key.kid, JSON.stringify(key.publicJwk), key.wrapped.keyId, key.wrapped.keyVersion, key.wrapped.ciphertext],
  );
}

/** Two servers starting together may both make one; the first insert wins and both read it back. */
async function insertFirstKey(db: Database, provider: KeyProvider): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('lock table signing_keys in exclusive mode');
    await insertKey(tx, await newWrappedKey(provider), true);
  });
}

/** Keys stored before the master key wrapped them: wrapped now, the clear copy removed in the same statement. */
async function wrapPlaintextKeys(db: Database, provider: KeyProvider, rows: readonly SigningKeyRow[]): Promise<void> {
  for (const row of rows.filter((candidate) => candidate.private_jwk !== null)) {
    const privateKey = (await importJWK(row.private_jwk!, SIGNING_ALGORITHM, { extractable: true })) as CryptoKey;
    const wrapped = await provider.wrap(Buffer.from(await crypto.subtle.exportKey('pkcs8', privateKey)));
    await db.transaction((tx) => storeWrapped(tx, row.kid, wrapped));
  }
}

async function storeWrapped(tx: Queryable, kid: string, wrapped: WrappedKey): Promise<void> {
  await tx.query(
    'update signing_keys set private_jwk = null, master_key_id = $2, master_key_version = $3, wrapped_private_key = $4 where kid = $1',
    [kid, wrapped.keyId, wrapped.keyVersion, wrapped.ciphertext],
  );
}

function wrappedOf(row: SigningKeyRow): WrappedKey {
  return { keyId: row.master_key_id!, keyVersion: row.master_key_version!, ciphertext: row.wrapped_private_key! };
}

async function unwrapPrivateKey(provider: KeyProvider, row: SigningKeyRow): Promise<CryptoKey> {
  const pkcs8 = await provider.unwrap(wrappedOf(row));
  return (await crypto.subtle.importKey('pkcs8', new Uint8Array(pkcs8), { name: 'Ed25519' }, false, ['sign'])) as CryptoKey;
}

function publicJwk(row: SigningKeyRow): PublicJwk {
  const { crv, x } = row.public_jwk;
  return { kty: 'OKP', crv: crv as 'Ed25519', x: x!, kid: row.kid, alg: SIGNING_ALGORITHM, use: 'sig' };
}
