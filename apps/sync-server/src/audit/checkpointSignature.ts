import { KeyObject, createPublicKey, sign, verify, type JsonWebKey } from 'node:crypto';
import { checkpointPayload, type SignedCheckpoint, type UnsignedCheckpoint, type VerifyCheckpointSignature } from '@eonpro/core';
import type { JWK } from 'jose';
import type { SigningKeys } from '../auth/signingKeys.ts';
import type { Queryable } from '../db/database.ts';

/** Checkpoints are signed with the server's current Ed25519 token key; the signature is base64url. */
export function signCheckpoint(keys: SigningKeys, checkpoint: Omit<UnsignedCheckpoint, 'keyId'>): SignedCheckpoint {
  const unsigned: UnsignedCheckpoint = { ...checkpoint, keyId: keys.current.kid };
  const signature = sign(null, checkpointPayload(unsigned), KeyObject.from(keys.current.privateKey)).toString('base64url');
  return { ...unsigned, signature };
}

/** Checks a checkpoint's signature with the public key it names; an unknown key fails. */
export function checkpointVerifier(publicKeys: ReadonlyMap<string, KeyObject>): VerifyCheckpointSignature {
  return (payload, signature, keyId) => {
    const key = publicKeys.get(keyId);
    return key !== undefined && verify(null, payload, key, Buffer.from(signature, 'base64url'));
  };
}

/** The public keys of the server's running key set. */
export function publicKeysOf(keys: SigningKeys): Map<string, KeyObject> {
  return new Map([...keys.publicKeys].map(([kid, key]) => [kid, KeyObject.from(key)]));
}

/** Every public key stored in the database (outside tenant scope), for a verifier that runs without the server. */
export async function loadPublicKeys(db: Queryable): Promise<Map<string, KeyObject>> {
  const rows = await db.query<{ kid: string; public_jwk: JWK }>('select kid, public_jwk from signing_keys');
  return new Map(rows.map((row) => [row.kid, createPublicKey({ key: row.public_jwk as JsonWebKey, format: 'jwk' })]));
}
