/**
 * The text form of a sealed value: `v1.<data key version>.<nonce>.<ciphertext + tag>`, the last two base64url.
 * The version says which of the tenant's data keys opens it, so old values still open after a data key rotation.
 */
export interface SealedEnvelope {
  keyVersion: number;
  nonce: Buffer;
  sealed: Buffer;
}

const PREFIX = 'v1';
const PATTERN = /^v1\.([1-9]\d{0,8})\.([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{22,})$/;

export function formatEnvelope({ keyVersion, nonce, sealed }: SealedEnvelope): string {
  return `${PREFIX}.${keyVersion}.${nonce.toString('base64url')}.${sealed.toString('base64url')}`;
}

/** The envelope's parts, or null when the text is not a v1 envelope. */
export function parseEnvelope(text: string): SealedEnvelope | null {
  const match = PATTERN.exec(text);
  if (!match) return null;
  return { keyVersion: Number(match[1]), nonce: Buffer.from(match[2]!, 'base64url'), sealed: Buffer.from(match[3]!, 'base64url') };
}

/** Binds a sealed value to its tenant, its purpose and the data key version, so it cannot be moved to another. */
export function sealAad(tenantId: string, purpose: string, keyVersion: number): string {
  return `eonpro-seal/${PREFIX}|${tenantId}|${purpose}|${keyVersion}`;
}
