import { z } from 'zod';
import { uuidSchema } from '../schemas/primitives.ts';
import { utf8 } from './bytes.ts';
import { canonicalJson } from './canonicalJson.ts';
import { sha256HexSchema } from './chainHash.ts';

/**
 * A signed statement that a tenant's chain had `seq` entries ending in `headHash`. The server writes one
 * periodically; a chain that no longer reaches or matches it was cut or rewritten, and a checkpoint whose
 * signature fails was forged. Entries after the newest checkpoint are held by their links alone.
 */
export const signedCheckpointSchema = z.strictObject({
  tenantId: uuidSchema,
  seq: z.number().int().positive(),
  headHash: sha256HexSchema,
  signedAt: z.iso.datetime({ message: 'Must be a UTC timestamp like 2024-05-17T12:30:45.123Z' }),
  /** Names the signing key, so keys can rotate and old checkpoints still verify. */
  keyId: z.string().min(1).max(200),
  /** The signature over `checkpointPayload`, encoded as the signer chose (base64url for JWS-style Ed25519). */
  signature: z.string().min(1).max(2000),
});

export type SignedCheckpoint = z.output<typeof signedCheckpointSchema>;
export type UnsignedCheckpoint = Omit<SignedCheckpoint, 'signature'>;

/** Checks `signature` over `payload` with the key named `keyId`; injected so core holds no keys and no crypto. */
export type VerifyCheckpointSignature = (payload: Uint8Array, signature: string, keyId: string) => boolean;

/** The bytes a checkpoint's signature covers: every field but the signature, as canonical JSON. */
export function checkpointPayload(checkpoint: UnsignedCheckpoint): Uint8Array {
  const { tenantId, seq, headHash, signedAt, keyId } = checkpoint;
  return utf8(canonicalJson({ tenantId, seq, headHash, signedAt, keyId }));
}

export function checkpointSignatureHolds(checkpoint: SignedCheckpoint, verifySignature: VerifyCheckpointSignature): boolean {
  try {
    return verifySignature(checkpointPayload(checkpoint), checkpoint.signature, checkpoint.keyId) === true;
  } catch {
    return false;
  }
}
