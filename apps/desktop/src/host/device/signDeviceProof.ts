import { randomBytes, sign, type KeyObject } from 'node:crypto';
import { deviceProofBinding, type DeviceProof, type DeviceProofPurpose } from '@eonpro/core';

/**
 * A device's proof for one request: claims bound to `subject` (the email, the refresh token, the device id) and to
 * `serverUrl`, signed with the device's Ed25519 private key. Workstations and the import command both sign this way.
 */
export function signDeviceProof(
  privateKey: KeyObject,
  deviceId: string,
  purpose: DeviceProofPurpose,
  subject: string,
  serverUrl: string,
): DeviceProof {
  const claims = JSON.stringify({
    v: 1,
    purpose,
    deviceId,
    aud: serverUrl,
    iat: Math.floor(Date.now() / 1000),
    nonce: randomBytes(16).toString('base64url'),
    bind: deviceProofBinding(purpose, subject),
  });
  return { claims, signature: sign(null, Buffer.from(claims, 'utf8'), privateKey).toString('base64url') };
}
