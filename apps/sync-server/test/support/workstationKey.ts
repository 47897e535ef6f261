import { generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { deviceProofBinding, type DeviceProof, type DeviceProofPurpose } from '@eonpro/core';

/** The audience test workstations name; in-process servers have no public URL, so it is not checked. */
export const TEST_SERVER_URL = 'http://sync.test';

/**
 * A test workstation's device key, made the way the desktop host makes its own (Ed25519), and the proofs it signs.
 * One per device id for the whole run, so a device that signs in again proves it is the same workstation.
 */
export class WorkstationKey {
  readonly publicKey: string;
  private readonly privateKey: KeyObject;

  constructor(readonly deviceId: string) {
    const pair = generateKeyPairSync('ed25519');
    this.privateKey = pair.privateKey;
    this.publicKey = pair.publicKey.export({ format: 'jwk' }).x!;
  }

  static of(deviceId: string): WorkstationKey {
    let key = keys.get(deviceId);
    if (!key) {
      key = new WorkstationKey(deviceId);
      keys.set(deviceId, key);
    }
    return key;
  }

  /** What auth.signIn needs besides the email and password. */
  signInFields(email: string): { devicePublicKey: string; deviceProof: DeviceProof } {
    return { devicePublicKey: this.publicKey, deviceProof: this.proof('sign-in', email) };
  }

  proof(purpose: DeviceProofPurpose, subject: string, overrides: { iat?: number; aud?: string } = {}): DeviceProof {
    const claims = JSON.stringify({
      v: 1,
      purpose,
      deviceId: this.deviceId,
      aud: overrides.aud ?? TEST_SERVER_URL,
      iat: overrides.iat ?? Math.floor(Date.now() / 1000),
      nonce: randomBytes(16).toString('base64url'),
      bind: deviceProofBinding(purpose, subject),
    });
    return { claims, signature: sign(null, Buffer.from(claims, 'utf8'), this.privateKey).toString('base64url') };
  }
}

const keys = new Map<string, WorkstationKey>();
