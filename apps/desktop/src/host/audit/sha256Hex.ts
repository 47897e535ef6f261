import { hash } from 'node:crypto';
import type { HashFunction } from '@eonpro/core';

/** The chain's hash function on the host: node:crypto's SHA-256, encoding and hashing natively in one call. */
export const sha256Hex: HashFunction = (message) => hash('sha256', message, 'hex');
