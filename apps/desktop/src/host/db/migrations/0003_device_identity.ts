import { generateKeyPairSync } from 'node:crypto';
import type { Migration } from './migration.ts';

/**
 * The workstation's device credential: an Ed25519 key pair made here, on first open. The private key (PKCS#8 DER,
 * base64) never leaves this encrypted database; the public key (the 32 raw bytes, base64url) is sent to the sync
 * server when the workstation registers, and the server checks every sign-in and token refresh against it.
 */
export const migration0003: Migration = {
  version: 3,
  name: 'device-identity',
  up(db) {
    db.exec(`
      CREATE TABLE device_identity (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        public_key TEXT NOT NULL,
        private_key TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
    `);
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    db.prepare('INSERT INTO device_identity (id, public_key, private_key, created_at) VALUES (1, ?, ?, ?)').run(
      publicKey.export({ format: 'jwk' }).x,
      privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
      new Date().toISOString(),
    );
  },
};
