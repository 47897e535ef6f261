import { hash } from 'node:crypto';
import type { HashFunction } from '@eonpro/core';

/** SHA-256 for every chain the server writes or checks: node:crypto encodes and hashes natively in one call. */
export const sha256Hex: HashFunction = (message) => hash('sha256', message, 'hex');
