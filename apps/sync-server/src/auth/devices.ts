import { AppError, uuidv7 } from '@eonpro/core';
import type { Queryable } from '../db/database.ts';

export type DeviceStatus = 'approved' | 'revoked';

const NOT_APPROVED_MESSAGE = 'This workstation is not approved to sync; the clinic administrator may have revoked it.';

/**
 * Registers a workstation on first sign-in, or notes it was seen again. New workstations are approved at once
 * for now; admin approval before first use is later work. In tenant scope.
 */
export async function registerWorkstation(tx: Queryable, tenantId: string, device: { id: string; name: string; userId: string }): Promise<void> {
  const [existing] = await tx.query<{ status: DeviceStatus; kind: string }>('select status, kind from devices where id = $1 for update', [device.id]);
  if (!existing) {
    await tx.query(
      `insert into devices (tenant_id, id, name, kind, status, registered_by, last_seen_at)
       values ($1, $2, $3, 'workstation', 'approved', $4, now())`,
      [tenantId, device.id, device.name, device.userId],
    );
    return;
  }
  if (existing.kind !== 'workstation' || existing.status !== 'approved') throw new AppError('FORBIDDEN', NOT_APPROVED_MESSAGE);
  await tx.query('update devices set name = $2, last_seen_at = now() where id = $1', [device.id, device.name]);
}

/** Refuses a workstation that is unknown or revoked. In tenant scope. */
export async function requireApprovedWorkstation(tx: Queryable, deviceId: string): Promise<void> {
  const [row] = await tx.query<{ status: DeviceStatus; kind: string }>('select status, kind from devices where id = $1', [deviceId]);
  if (!row || row.kind !== 'workstation' || row.status !== 'approved') throw new AppError('FORBIDDEN', NOT_APPROVED_MESSAGE);
}

/** The tenant's own device: the author of server-originated changes such as imports. */
export async function createServerDevice(tx: Queryable, tenantId: string): Promise<string> {
  const id = uuidv7();
  await tx.query(`insert into devices (tenant_id, id, name, kind, status) values ($1, $2, 'Sync server', 'server', 'approved')`, [tenantId, id]);
  return id;
}

export async function serverDeviceId(tx: Queryable): Promise<string> {
  const [row] = await tx.query<{ id: string }>(`select id from devices where kind = 'server'`);
  if (!row) throw new Error('The tenant has no server device');
  return row.id;
}
