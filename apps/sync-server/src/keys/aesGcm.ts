import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const NONCE_BYTES = 12;
const TAG_BYTES = 16;
export const KEY_BYTES = 32;

export interface GcmSealed {
  nonce: Buffer;
  /** Ciphertext followed by the 16-byte authentication tag. */
  sealed: Buffer;
}

/** AES-256-GCM with a fresh random 96-bit nonce; `aad` is authenticated, not encrypted. */
export function gcmEncrypt(key: Buffer, plaintext: Buffer, aad: string): GcmSealed {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const sealed = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  return { nonce, sealed };
}

/** The plaintext, or null when the key, nonce, aad or any byte of the ciphertext or tag is wrong. */
export function gcmDecrypt(key: Buffer, { nonce, sealed }: GcmSealed, aad: string): Buffer | null {
  if (nonce.length !== NONCE_BYTES || sealed.length < TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)), decipher.final()]);
  } catch {
    return null;
  }
}
