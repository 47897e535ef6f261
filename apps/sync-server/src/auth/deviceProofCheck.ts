import { createPublicKey, verify } from 'node:crypto';
import {
  AppError,
  DEVICE_PROOF_MAX_AGE_SECONDS,
  deviceProofBinding,
  deviceProofClaimsSchema,
  type DeviceProof,
  type DeviceProofClaims,
  type DeviceProofPurpose,
} from '@eonpro/core';

export interface ExpectedProof {
  purpose: DeviceProofPurpose;
  deviceId: string;
  /** What the proof must be bound to: the email signing in, the refresh token, the device id. */
  subject: string;
  /** The server's public URL when configured: a proof made for another server is refused. */
  audience: string | null;
  nowMs: number;
}

const NOT_PROVEN = 'This workstation could not prove its identity. Sign in again; if it keeps happening, ask the clinic administrator.';

/** The claims of a proof, not yet checked: only to find which device's key must check it. */
export function unverifiedProofClaims(proof: DeviceProof): DeviceProofClaims | null {
  try {
    const parsed = deviceProofClaimsSchema.safeParse(JSON.parse(proof.claims));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Checks a device proof against the device's stored Ed25519 public key: the signature, the purpose, the device, the
 * binding to this request, the audience (when the server knows its own URL) and the age. Throws UNAUTHORIZED.
 */
export function checkDeviceProof(publicKey: string, proof: DeviceProof, expected: ExpectedProof): void {
  const claims = unverifiedProofClaims(proof);
  if (!claims || !signatureHolds(publicKey, proof)) throw new AppError('UNAUTHORIZED', NOT_PROVEN);
  const bound =
    claims.purpose === expected.purpose &&
    claims.deviceId === expected.deviceId &&
    claims.bind === deviceProofBinding(expected.purpose, expected.subject) &&
    (expected.audience === null || sameOrigin(claims.aud, expected.audience));
  if (!bound) throw new AppError('UNAUTHORIZED', NOT_PROVEN);
  if (Math.abs(expected.nowMs / 1000 - claims.iat) > DEVICE_PROOF_MAX_AGE_SECONDS) {
    throw new AppError(
      'UNAUTHORIZED',
      `This workstation's clock differs from the sync server's by more than ${DEVICE_PROOF_MAX_AGE_SECONDS / 60} minutes. Correct the date and time, then sign in again.`,
    );
  }
}

function signatureHolds(publicKey: string, proof: DeviceProof): boolean {
  try {
    const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: publicKey }, format: 'jwk' });
    return verify(null, Buffer.from(proof.claims, 'utf8'), key, Buffer.from(proof.signature, 'base64url'));
  } catch {
    return false;
  }
}

function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}
