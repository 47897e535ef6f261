import { z } from 'zod';
import { toHex, utf8 } from '../audit/bytes.ts';
import { sha256, sha256Text } from '../audit/sha256.ts';
import { uuidSchema } from '../schemas/primitives.ts';

/**
 * A device proof: the workstation signs a short statement with its Ed25519 key (made on the device, never leaving
 * it) and the server checks it against the public key it keeps for that device. Sign-in and token refresh carry one,
 * so a copied refresh token is useless without the device key. `claims` is the exact JSON text that was signed.
 */
export const deviceProofPurposes = ['sign-in', 'refresh', 'registration-status'] as const;
export type DeviceProofPurpose = (typeof deviceProofPurposes)[number];

/** How old (or how far ahead, for a clock a little fast) a proof may be when the server checks it. */
export const DEVICE_PROOF_MAX_AGE_SECONDS = 300;

/** An Ed25519 public key: its 32 raw bytes, base64url without padding (the JWK `x`). */
export const devicePublicKeySchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'Must be an Ed25519 public key (base64url)');

export const deviceProofClaimsSchema = z.object({
  v: z.literal(1),
  purpose: z.enum(deviceProofPurposes),
  deviceId: uuidSchema,
  /** The sync server the workstation meant to talk to (its configured URL). */
  aud: z.string().min(1).max(300),
  /** Seconds since the epoch, the workstation's clock. */
  iat: z.number().int().nonnegative(),
  nonce: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
  /** deviceProofBinding(purpose, subject): ties the proof to this one request. */
  bind: z.string().regex(/^[0-9a-f]{64}$/),
});
export type DeviceProofClaims = z.infer<typeof deviceProofClaimsSchema>;

export const deviceProofSchema = z.object({
  claims: z.string().min(1).max(2000),
  /** Ed25519 signature of the UTF-8 bytes of `claims`, base64url. */
  signature: z.string().regex(/^[A-Za-z0-9_-]{86}$/, 'Must be an Ed25519 signature (base64url)'),
});
export type DeviceProof = z.infer<typeof deviceProofSchema>;

/**
 * What a proof is bound to: the email signing in, the refresh token being traded (single use, so the proof cannot
 * be replayed), or the device asking about its registration. Only a hash travels, never the token.
 */
export function deviceProofBinding(purpose: DeviceProofPurpose, subject: string): string {
  const normalised = purpose === 'sign-in' ? subject.trim().toLowerCase() : subject;
  return toHex(sha256Text(`eonpro-device-proof:${purpose}:${normalised}`));
}

/**
 * The short code a person compares on the workstation's screen and in the administrator's list: the first four
 * bytes of SHA-256 over the public key, as `XXXX-XXXX`.
 */
export function deviceFingerprint(publicKey: string): string {
  const hex = toHex(sha256(utf8(`ed25519:${publicKey}`))).slice(0, 8).toUpperCase();
  return `${hex.slice(0, 4)}-${hex.slice(4)}`;
}
