import { createPublicKey, verify, type JsonWebKey, type KeyObject } from 'node:crypto';
import { checkpointPayload, type SignedCheckpoint, type UnsignedCheckpoint, type VerifyCheckpointSignature } from '@eonpro/core';
import type { SigningKeys } from '../auth/signingKeys.ts';
import type { Queryable } from '../db/database.ts';

/** Checkpoints are signed with the server's current Ed25519 token key; the signature is base64url. */
export async function signCheckpoint(keys: SigningKeys, checkpoint: Omit<UnsignedCheckpoint, 'keyId'>): Promise<SignedCheckpoint> {
  const unsigned: UnsignedCheckpoint = { ...checkpoint, keyId: keys.current.kid };
  const signature = await crypto.subtle.sign({ name: 'Ed25519' }, keys.current.privateKey, new Uint8Array(checkpointPayload(unsigned)));
  return { ...unsigned, signature: Buffer.from(signature).toString('base64url') };
}

/** Checks a checkpoint's signature with the public key it names; an unknown key fails. */
export function checkpointVerifier(publicKeys: ReadonlyMap<string, KeyObject>): VerifyCheckpointSignature {
  return (payload, signature, keyId) => {
    const key = publicKeys.get(keyId);
    return key !== undefined && verify(null, payload, key, Buffer.from(signature, 'base64url'));
  };
}

/**
 * Every public signing key stored in the database, read outside tenant scope. Old checkpoints name old keys, so a
 * rotated key's public half must stay.
 */
export async function loadPublicKeys(db: Queryable): Promise<Map<string, KeyObject>> {
  const rows = await db.query<{ kid: string; public_jwk: JsonWebKey }>('select kid, public_jwk from signing_keys');
  return new Map(rows.map((row) => [row.kid, createPublicKey({ key: row.public_jwk, format: 'jwk' })]));
}
