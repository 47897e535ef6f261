import { AppError, deviceFingerprint, uuidv7, type DeviceProof } from '@eonpro/core';
import { recordAuditEvent } from '../audit/recordAuditEvent.ts';
import type { Database, Queryable, Transaction } from '../db/database.ts';
import { withTenant } from '../tenancy/tenantScope.ts';
import { checkDeviceProof } from './deviceProofCheck.ts';
import type { Role } from './roles.ts';

export type DeviceStatus = 'pending' | 'approved' | 'revoked';

export interface DeviceRow {
  id: string;
  name: string;
  kind: 'workstation' | 'server';
  status: DeviceStatus;
  public_key: string | null;
  revoked_at: Date | null;
  revoked_reason: string | null;
}

/** What a workstation presents at sign-in: its id and name, its public key and a proof made with the private key. */
export interface WorkstationClaim {
  id: string;
  name: string;
  publicKey: string;
  proof: DeviceProof;
}

const DEVICE_COLUMNS = 'id, name, kind, status, public_key, revoked_at, revoked_reason';
const UNKNOWN_DEVICE = 'This workstation is not registered with the clinic. Sign in again to register it.';

/**
 * A workstation that waits for an administrator. The clinic's id rides along (as an issue) so the workstation can
 * ask whether it has been approved (devices.registrationStatus) without signing in again.
 */
export function devicePending(tenantId: string): AppError {
  return new AppError('DEVICE_PENDING', 'This workstation is waiting for approval. Ask your clinic administrator to approve it.', [
    { path: 'tenantId', message: tenantId },
  ]);
}

/**
 * A revoked workstation erases its local data when it hears this, and shows when and why: both ride along as issues.
 * The reason is the administrator's own short text about the workstation.
 */
export function deviceRevoked(row: Pick<DeviceRow, 'revoked_at' | 'revoked_reason'>): AppError {
  const revokedAt = (row.revoked_at ?? new Date()).toISOString();
  const reason = row.revoked_reason ?? '';
  return new AppError('DEVICE_REVOKED', `This workstation was revoked by the clinic on ${revokedAt.slice(0, 10)}: ${reason}`, [
    { path: 'revokedAt', message: revokedAt },
    { path: 'reason', message: reason },
  ]);
}

/**
 * Lets a workstation in after its user's password checked out: registers an unknown one as pending with its public
 * key, checks the device proof against the stored key, and notes it was seen. The clinic's first workstation, signed
 * in by an administrator, goes on (see admitToSession). Throws DEVICE_PENDING or DEVICE_REVOKED after the
 * registration has committed.
 */
export async function admitWorkstation(
  db: Database,
  input: { tenantId: string; user: { id: string; role: Role }; email: string; device: WorkstationClaim; audience: string | null; nowMs: number },
): Promise<void> {
  const { tenantId, user, device } = input;
  const admitted = await withTenant(db, tenantId, async (tx) => {
    const [existing] = await tx.query<DeviceRow>(`select ${DEVICE_COLUMNS} from devices where id = $1 for update`, [device.id]);
    if (existing && existing.kind !== 'workstation') throw new AppError('FORBIDDEN', UNKNOWN_DEVICE);
    const publicKey = existing?.public_key ?? device.publicKey;
    checkDeviceProof(publicKey, device.proof, { purpose: 'sign-in', deviceId: device.id, subject: input.email, audience: input.audience, nowMs: input.nowMs });
    const actor = { userId: user.id, role: user.role };
    if (!existing) {
      await tx.query(
        `insert into devices (tenant_id, id, name, kind, status, public_key, registered_by, last_seen_at)
         values ($1, $2, $3, 'workstation', 'pending', $4, $5, now())`,
        [tenantId, device.id, device.name, publicKey, user.id],
      );
      await recordDeviceEvent(tx, tenantId, actor, device.id, 'device-register', { fingerprint: deviceFingerprint(publicKey) });
    } else {
      await tx.query('update devices set name = $2, public_key = $3, last_seen_at = now() where id = $1', [device.id, device.name, publicKey]);
    }
    const status = existing?.status ?? 'pending';
    // The clinic's first workstation goes on to the second step; it is approved only once that passes (startSession).
    if (status === 'pending' && user.role === 'admin' && !(await hasApprovedWorkstation(tx))) return { status: 'bootstrap' as const, row: existing };
    return { status, row: existing };
  });
  if (admitted.status === 'pending') throw devicePending(tenantId);
  if (admitted.status === 'revoked') throw deviceRevoked(admitted.row!);
}

/**
 * At the end of a sign-in, once every step passed: the clinic's first workstation is approved by its administrator's
 * sign-in (nobody else could approve it), never by the password alone; any other must be approved already. In tenant scope.
 */
export async function admitToSession(tx: Transaction, tenantId: string, user: { id: string; role: Role }, deviceId: string): Promise<DeviceRow> {
  const [row] = await tx.query<DeviceRow>(`select ${DEVICE_COLUMNS} from devices where id = $1 for update`, [deviceId]);
  if (row?.kind === 'workstation' && row.status === 'pending' && user.role === 'admin' && !(await hasApprovedWorkstation(tx))) {
    await tx.query(`update devices set status = 'approved', approved_by = $2, approved_at = now() where id = $1`, [deviceId, user.id]);
    await recordDeviceEvent(tx, tenantId, { userId: user.id, role: user.role }, deviceId, 'device-approve', { bootstrap: true });
  }
  return requireApprovedWorkstation(tx, deviceId);
}

/** Refuses a workstation that is unknown, waiting for approval or revoked (each with its own code). In tenant scope. */
export async function requireApprovedWorkstation(tx: Queryable, deviceId: string): Promise<DeviceRow> {
  const [row] = await tx.query<DeviceRow>(`select ${DEVICE_COLUMNS} from devices where id = $1`, [deviceId]);
  if (!row || row.kind !== 'workstation') throw new AppError('FORBIDDEN', UNKNOWN_DEVICE);
  if (row.status === 'revoked') throw deviceRevoked(row);
  if (row.status === 'pending') throw devicePending((await tx.query<{ tenant: string }>('select app_current_tenant() as tenant'))[0]!.tenant);
  return row;
}

/** A device row by id, or null. In tenant scope. */
export async function findDevice(tx: Queryable, deviceId: string): Promise<DeviceRow | null> {
  const [row] = await tx.query<DeviceRow>(`select ${DEVICE_COLUMNS} from devices where id = $1`, [deviceId]);
  return row ?? null;
}

/**
 * Whether the tenant has an approved workstation, with the tenant's server device row locked so two first sign-ins
 * cannot both be the clinic's first workstation. In tenant scope.
 */
async function hasApprovedWorkstation(tx: Queryable): Promise<boolean> {
  await tx.query(`select id from devices where kind = 'server' for update`);
  const rows = await tx.query(`select 1 from devices where kind = 'workstation' and status = 'approved' limit 1`);
  return rows.length > 0;
}

export function recordDeviceEvent(
  tx: Transaction,
  tenantId: string,
  actor: { userId: string; role: Role },
  deviceId: string,
  action: 'device-register' | 'device-approve' | 'device-revoke',
  detail: Record<string, string | boolean>,
): Promise<void> {
  return recordAuditEvent(tx, {
    tenantId,
    actor,
    device: { deviceId, workstation: null },
    patientId: null,
    action,
    outcome: 'success',
    entity: 'device',
    recordId: deviceId,
    detail,
  });
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
