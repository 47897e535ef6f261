import { createPrivateKey, type KeyObject } from 'node:crypto';
import { deviceFingerprint, type DeviceProof, type DeviceProofPurpose } from '@eonpro/core';
import type { Db } from '../db/openDatabase.ts';
import { signDeviceProof } from './signDeviceProof.ts';

/**
 * This workstation's device key (made by migration 0003, kept only in the encrypted database). It signs the short
 * proofs the sync server asks for at sign-in, token refresh and the approval check; the private key never leaves.
 */
export class DeviceIdentity {
  readonly deviceId: string;
  readonly publicKey: string;
  /** XXXX-XXXX: what the clinic administrator compares before approving this workstation. */
  readonly fingerprint: string;
  private readonly privateKey: KeyObject;

  private constructor(deviceId: string, publicKey: string, privateKey: KeyObject) {
    this.deviceId = deviceId;
    this.publicKey = publicKey;
    this.fingerprint = deviceFingerprint(publicKey);
    this.privateKey = privateKey;
  }

  static read(db: Db, deviceId: string): DeviceIdentity {
    const row = db.prepare('SELECT public_key, private_key FROM device_identity WHERE id = 1').get() as { public_key: string; private_key: string } | undefined;
    if (!row) throw new Error('This workstation has no device key');
    const privateKey = createPrivateKey({ key: Buffer.from(row.private_key, 'base64'), format: 'der', type: 'pkcs8' });
    return new DeviceIdentity(deviceId, row.public_key, privateKey);
  }

  /** A proof for one request: bound to `subject` (the email, the refresh token, the device id), for `serverUrl`. */
  proof(purpose: DeviceProofPurpose, subject: string, serverUrl: string): DeviceProof {
    return signDeviceProof(this.privateKey, this.deviceId, purpose, subject, serverUrl);
  }

  /** What auth.signIn carries besides the email and password. */
  signInFields(email: string, serverUrl: string): { devicePublicKey: string; deviceProof: DeviceProof } {
    return { devicePublicKey: this.publicKey, deviceProof: this.proof('sign-in', email, serverUrl) };
  }
}
