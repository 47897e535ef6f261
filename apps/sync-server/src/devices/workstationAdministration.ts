import { AppError, deviceFingerprint } from '@eonpro/core';
import type { AccessClaims } from '../auth/accessToken.ts';
import { recordDeviceEvent, type DeviceStatus } from '../auth/devices.ts';
import type { Role } from '../auth/roles.ts';
import type { Database, Queryable } from '../db/database.ts';
import { withTenant } from '../tenancy/tenantScope.ts';

/** One workstation as the administrator's list shows it. */
export interface Workstation {
  id: string;
  name: string;
  status: DeviceStatus;
  /** XXXX-XXXX, the code the workstation shows while it waits; null for one registered before device keys. */
  fingerprint: string | null;
  registeredAt: string;
  lastSeenAt: string | null;
  approvedAt: string | null;
  approvedBy: string | null;
  revokedAt: string | null;
  revokedBy: string | null;
  revokedReason: string | null;
}

interface WorkstationRow {
  id: string;
  name: string;
  status: DeviceStatus;
  public_key: string | null;
  created_at: Date;
  last_seen_at: Date | null;
  approved_at: Date | null;
  approved_by: string | null;
  revoked_at: Date | null;
  revoked_by: string | null;
  revoked_reason: string | null;
}

type Admin = Pick<AccessClaims, 'tenantId' | 'userId' | 'deviceId'> & { role: Role };

const WORKSTATION_COLUMNS = 'id, name, status, public_key, created_at, last_seen_at, approved_at, approved_by, revoked_at, revoked_by, revoked_reason';

/** The clinic's workstations, waiting ones first, then by name. In tenant scope. */
export async function listWorkstations(tx: Queryable): Promise<Workstation[]> {
  const rows = await tx.query<WorkstationRow>(
    `select ${WORKSTATION_COLUMNS} from devices where kind = 'workstation'
     order by case status when 'pending' then 0 when 'approved' then 1 else 2 end, name, id`,
  );
  return rows.map(toWorkstation);
}

/** Approves a waiting workstation; approving an approved one changes nothing. */
export async function approveWorkstation(db: Database, admin: Admin, deviceId: string): Promise<Workstation> {
  return withTenant(db, admin.tenantId, async (tx) => {
    const device = await requireWorkstation(tx, deviceId);
    if (device.status === 'revoked') {
      throw new AppError('CONFLICT', 'A revoked workstation cannot be approved again. It registers anew once it has been set up again.');
    }
    if (device.status === 'pending') {
      await tx.query(`update devices set status = 'approved', approved_by = $2, approved_at = now() where id = $1`, [deviceId, admin.userId]);
      await recordDeviceEvent(tx, admin.tenantId, admin, deviceId, 'device-approve', { bootstrap: false });
    }
    return readWorkstation(tx, deviceId);
  });
}

/**
 * Revokes a workstation (a waiting one is thereby refused): every refresh token it holds stops working at once, its
 * calls are refused with DEVICE_REVOKED, and at its next contact it erases its local data.
 */
export async function revokeWorkstation(db: Database, admin: Admin, input: { deviceId: string; reason: string }): Promise<Workstation> {
  if (input.deviceId === admin.deviceId) {
    throw new AppError('CONFLICT', 'You cannot revoke the workstation you are using. Revoke it from another approved workstation.');
  }
  return withTenant(db, admin.tenantId, async (tx) => {
    const device = await requireWorkstation(tx, input.deviceId);
    if (device.status === 'revoked') return readWorkstation(tx, input.deviceId);
    await tx.query(`update devices set status = 'revoked', revoked_by = $2, revoked_at = now(), revoked_reason = $3 where id = $1`, [
      input.deviceId,
      admin.userId,
      input.reason,
    ]);
    await tx.query('update refresh_tokens set revoked_at = now() where device_id = $1 and revoked_at is null', [input.deviceId]);
    await recordDeviceEvent(tx, admin.tenantId, admin, input.deviceId, 'device-revoke', { wasStatus: device.status });
    return readWorkstation(tx, input.deviceId);
  });
}

async function requireWorkstation(tx: Queryable, deviceId: string) {
  const [device] = await tx.query<{ status: DeviceStatus; kind: string }>('select status, kind from devices where id = $1 for update', [deviceId]);
  if (!device || device.kind !== 'workstation') throw new AppError('NOT_FOUND', 'There is no such workstation in this clinic.');
  return device;
}

async function readWorkstation(tx: Queryable, deviceId: string): Promise<Workstation> {
  const [row] = await tx.query<WorkstationRow>(`select ${WORKSTATION_COLUMNS} from devices where id = $1`, [deviceId]);
  return toWorkstation(row!);
}

function toWorkstation(row: WorkstationRow): Workstation {
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    fingerprint: row.public_key ? deviceFingerprint(row.public_key) : null,
    registeredAt: row.created_at.toISOString(),
    lastSeenAt: row.last_seen_at?.toISOString() ?? null,
    approvedAt: row.approved_at?.toISOString() ?? null,
    approvedBy: row.approved_by,
    revokedAt: row.revoked_at?.toISOString() ?? null,
    revokedBy: row.revoked_by,
    revokedReason: row.revoked_reason,
  };
}
