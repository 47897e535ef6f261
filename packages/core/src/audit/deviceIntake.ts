import type { ChainHead, HashFunction } from './chainHash.ts';
import type { ChainBreak } from './chainVerification.ts';
import { deviceHeadOf, verifyDeviceChain, type DeviceChainEntry } from './deviceChain.ts';
import { appendToChain, chainHeadOf, type AuditChainEntry } from './tenantChain.ts';

export interface DeviceBatch {
  /** The tenant chain's head before this batch. */
  tenantHead: ChainHead;
  /** The device the batch came from (from its credential, not from the entries). */
  deviceId: string;
  /** The last link the tenant chain already holds from this device (`genesisHead` for a new device). */
  deviceHead: ChainHead;
  /** Device entries in device order; a retried push may repeat entries already held at its start (those are skipped). */
  entries: readonly DeviceChainEntry[];
  /** The server's clock now, stamped on each event as `recordedAt`. */
  recordedAt: string;
}

export interface DeviceBatchAppended {
  ok: true;
  /** The new tenant entries, to store in this order. */
  appended: AuditChainEntry[];
  /** Leading entries the tenant chain already held (a retried push); their stored copies stand. */
  alreadyHeld: number;
  tenantHead: ChainHead;
  deviceHead: ChainHead;
}

/**
 * Takes a device's pushed audit entries into the tenant chain in arrival order, after checking that they continue
 * the device's chain unbroken from what the server already holds and all name the pushing device. Nothing is
 * appended unless the whole batch holds; a ChainBreak's index counts from the start of the batch.
 */
export function appendDeviceBatch(batch: DeviceBatch, hash: HashFunction): DeviceBatchAppended | ChainBreak {
  let alreadyHeld = 0;
  while (alreadyHeld < batch.entries.length && batch.entries[alreadyHeld]!.deviceSeq <= batch.deviceHead.seq) alreadyHeld++;
  const fresh = batch.entries.slice(alreadyHeld);

  // The repeat of the last held entry must be that entry: a different one means the device's history forked.
  const lastRepeated = batch.entries[alreadyHeld - 1];
  if (lastRepeated && lastRepeated.deviceSeq === batch.deviceHead.seq && lastRepeated.deviceHash !== batch.deviceHead.hash) {
    return {
      ok: false,
      reason: 'hash-mismatch',
      firstBrokenIndex: alreadyHeld - 1,
      entryId: lastRepeated.event.id,
      seq: lastRepeated.deviceSeq,
      message: `Device entry ${lastRepeated.deviceSeq} differs from the one already held`,
    };
  }

  const strangerIndex = fresh.findIndex((entry) => entry.event.device.deviceId !== batch.deviceId);
  if (strangerIndex >= 0) {
    const stranger = fresh[strangerIndex]!;
    return {
      ok: false,
      reason: 'device-mismatch',
      firstBrokenIndex: alreadyHeld + strangerIndex,
      entryId: stranger.event.id,
      seq: stranger.deviceSeq,
      message: `Device entry ${stranger.deviceSeq} names another device than the one that sent it`,
    };
  }

  const verification = verifyDeviceChain(fresh, hash, { start: batch.deviceHead });
  if (!verification.ok) return { ...verification, firstBrokenIndex: alreadyHeld + verification.firstBrokenIndex };

  let tenantHead = batch.tenantHead;
  const appended: AuditChainEntry[] = [];
  for (const { deviceSeq, devicePrevHash, deviceHash, event } of fresh) {
    const entry = appendToChain(tenantHead, { ...event, recordedAt: batch.recordedAt }, hash, { deviceSeq, devicePrevHash, deviceHash });
    appended.push(entry);
    tenantHead = chainHeadOf(entry);
  }
  const last = fresh.at(-1);
  return { ok: true, appended, alreadyHeld, tenantHead, deviceHead: last ? deviceHeadOf(last) : batch.deviceHead };
}
