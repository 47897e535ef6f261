import { toHex } from './bytes.ts';
import type { HashFunction } from './chainHash.ts';

/**
 * A break-glass reason's fingerprint as its chained audit entry carries it (`detail.reasonDigest`): `sha256:` and
 * the SHA-256 of the reason's UTF-8 text in lower-case hex. The text itself travels and is kept apart (sealed on
 * the server); the chain proves it was not changed since.
 */
export const REASON_DIGEST_PATTERN = /^sha256:[0-9a-f]{64}$/;

export function reasonDigest(reasonText: string, hash: HashFunction): string {
  const digest = hash(reasonText);
  return `sha256:${typeof digest === 'string' ? digest : toHex(digest)}`;
}

/** Whether a detail text is a reason digest: a fingerprint, which identifies no one. */
export function isReasonDigest(text: string): boolean {
  return REASON_DIGEST_PATTERN.test(text);
}
