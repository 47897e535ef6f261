import { AppError, type DeviceProof } from '@eonpro/core';
import { checkDeviceProof } from '../auth/deviceProofCheck.ts';
import { deviceRevoked, findDevice } from '../auth/devices.ts';
import type { Database } from '../db/database.ts';
import { tenantName } from '../tenancy/tenants.ts';
import { withTenant } from '../tenancy/tenantScope.ts';

/** One answer for an unknown workstation and a proof that fails: neither reveals which workstations exist. */
const NOT_REGISTERED = 'This workstation is not registered with the clinic, or could not prove it is. Sign in to register it.';

/**
 * A waiting workstation asks, proving it holds its key, whether it has been approved yet; nobody else can ask. A
 * revoked one hears DEVICE_REVOKED.
 */
export async function registrationStatus(
  db: Database,
  input: { tenantId: string; deviceId: string; deviceProof: DeviceProof },
  check: { audience: string | null; nowMs: number },
): Promise<{ status: 'pending' | 'approved' }> {
  if ((await tenantName(db, input.tenantId)) === null) throw new AppError('UNAUTHORIZED', NOT_REGISTERED);
  const device = await withTenant(db, input.tenantId, (tx) => findDevice(tx, input.deviceId));
  if (!device?.public_key || device.kind !== 'workstation') throw new AppError('UNAUTHORIZED', NOT_REGISTERED);
  try {
    checkDeviceProof(device.public_key, input.deviceProof, { purpose: 'registration-status', deviceId: device.id, subject: device.id, ...check });
  } catch {
    throw new AppError('UNAUTHORIZED', NOT_REGISTERED);
  }
  if (device.status === 'revoked') throw deviceRevoked(device);
  return { status: device.status };
}
