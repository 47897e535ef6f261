import { AppError, appendDeviceBatch, type ChainHead, type DeviceChainEntry } from '@eonpro/core';
import type { Queryable } from '../db/database.ts';
import { deviceHeadOf, lockChainHead, storeEntries } from './auditChainStore.ts';
import { sha256Hex } from './chainHash.ts';

export interface DeviceIntake {
  appended: number;
  alreadyHeld: number;
  deviceHead: ChainHead;
}

const FORK_MESSAGE = "This workstation's audit trail does not continue the one the server holds; nothing was taken in.";

/**
 * Takes a workstation's audit entries into the tenant chain (in a tenant-scoped transaction), all or none, in
 * arrival order with their device links. Entries the server already holds are skipped when they are the same
 * entries (a retry) and refused when they differ (the device's history forked).
 */
export async function intakeDeviceEntries(
  tx: Queryable,
  sender: { tenantId: string; deviceId: string },
  entries: readonly DeviceChainEntry[],
): Promise<DeviceIntake> {
  const foreign = entries.findIndex((entry) => entry.event.tenantId !== sender.tenantId);
  if (foreign >= 0) {
    throw new AppError('FORBIDDEN', 'These audit entries belong to another clinic.', [
      { path: `entries[${foreign}].event.tenantId`, message: 'Must be this clinic' },
    ]);
  }
  const stranger = entries.findIndex((entry) => entry.event.device.deviceId !== sender.deviceId);
  if (stranger >= 0) {
    throw new AppError('CONFLICT', FORK_MESSAGE, [
      { path: `entries[${stranger}]`, message: `Device entry ${entries[stranger]!.deviceSeq} names another device than the one that sent it` },
    ]);
  }
  const tenantHead = await lockChainHead(tx);
  const deviceHead = await deviceHeadOf(tx, sender.deviceId);
  await refuseRewrittenRepeats(tx, sender.deviceId, deviceHead, entries);
  const batch = appendDeviceBatch(
    { tenantHead, deviceId: sender.deviceId, deviceHead, entries, recordedAt: new Date().toISOString() },
    sha256Hex,
  );
  if (!batch.ok) throw new AppError('CONFLICT', FORK_MESSAGE, [{ path: `entries[${batch.firstBrokenIndex}]`, message: batch.message }]);
  await storeEntries(tx, batch.appended);
  return { appended: batch.appended.length, alreadyHeld: batch.alreadyHeld, deviceHead: batch.deviceHead };
}

/** A resent entry must be the very entry the server holds at its device seq, not merely one with that number. */
async function refuseRewrittenRepeats(tx: Queryable, deviceId: string, deviceHead: ChainHead, entries: readonly DeviceChainEntry[]): Promise<void> {
  const repeats = entries.filter((entry) => entry.deviceSeq <= deviceHead.seq);
  if (repeats.length === 0) return;
  const rows = await tx.query<{ device_seq: number; device_hash: string }>(
    `select device_seq, device_hash from audit_log
     where tenant_id = app_current_tenant() and device_id = $1 and device_seq = any($2::bigint[])`,
    [deviceId, repeats.map((entry) => entry.deviceSeq)],
  );
  const held = new Map(rows.map((row) => [row.device_seq, row.device_hash]));
  const index = entries.findIndex((entry) => entry.deviceSeq <= deviceHead.seq && held.get(entry.deviceSeq) !== entry.deviceHash);
  if (index < 0) return;
  throw new AppError('CONFLICT', FORK_MESSAGE, [
    { path: `entries[${index}]`, message: `Device entry ${entries[index]!.deviceSeq} differs from the one already held` },
  ]);
}
