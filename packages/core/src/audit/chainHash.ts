import { z } from 'zod';
import { toHex } from './bytes.ts';

/**
 * SHA-256 of the UTF-8 bytes of `message`, injected by the caller. With node:crypto (server, desktop host):
 * `(message) => hash('sha256', message, 'hex')`, which encodes and hashes natively in one call; elsewhere
 * `sha256Text` from ./sha256.ts. The message is canonical JSON, always well-formed Unicode, so its UTF-8 is
 * unambiguous. A string result is the digest in lower-case hexadecimal.
 */
export type HashFunction = (message: string) => Uint8Array | string;

/** Where every chain starts: the previous-hash of entry 1. */
export const GENESIS_HASH = '0'.repeat(64);

export const sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/, 'Must be a SHA-256 digest in lower-case hexadecimal');

/** The last link of a chain: its sequence number (0 for an empty chain) and its hash. */
export interface ChainHead {
  seq: number;
  hash: string;
}

export const genesisHead: ChainHead = Object.freeze({ seq: 0, hash: GENESIS_HASH });

/** H(prevHash || hashedText), hashedText being canonical JSON; prevHash is always 64 characters, so the joint is unambiguous. */
export function linkHash(hash: HashFunction, prevHash: string, hashedText: string): string {
  const digest = hash(prevHash + hashedText);
  return typeof digest === 'string' ? digest : toHex(digest);
}
