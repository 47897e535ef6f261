import type { DeviceProof } from '@eonpro/core';
import type { Queryable } from '../db/database.ts';
import { checkDeviceProof, unverifiedProofClaims } from './deviceProofCheck.ts';
import { deviceRevoked, findDevice, type DeviceRow } from './devices.ts';
import { sessionEnded } from './refreshTokens.ts';

/**
 * The approved workstation a refresh comes from, proven by a proof bound to the refresh token being traded. A
 * revoked workstation hears DEVICE_REVOKED (and erases its data); no proof, a wrong one or an unknown device end the
 * session. In tenant scope.
 */
export async function proveDevice(
  tx: Queryable,
  proof: DeviceProof | undefined,
  expected: { refreshToken: string; audience: string | null; nowMs: number },
): Promise<DeviceRow> {
  const claims = proof ? unverifiedProofClaims(proof) : null;
  const device = claims ? await findDevice(tx, claims.deviceId) : null;
  if (!proof || !device?.public_key || device.kind !== 'workstation') throw sessionEnded();
  checkDeviceProof(device.public_key, proof, {
    purpose: 'refresh',
    deviceId: device.id,
    subject: expected.refreshToken,
    audience: expected.audience,
    nowMs: expected.nowMs,
  });
  if (device.status === 'revoked') throw deviceRevoked(device);
  // A pending workstation was never given a session, so it has no refresh token to trade.
  if (device.status === 'pending') throw sessionEnded();
  return device;
}
