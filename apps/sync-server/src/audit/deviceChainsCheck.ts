import { deviceChainOf, genesisHead, verifyDeviceChain, type AuditChainEntry, type ChainHead } from '@eonpro/core';
import type { AuditBreak } from './auditVerification.ts';
import { sha256Hex } from './chainHash.ts';

/**
 * Follows every desktop chain inside a tenant chain as its entries come by, page after page, and names the first
 * entry where one breaks. The tenant chain's own links are checked separately (verifyChain).
 */
export class DeviceChainsCheck {
  private readonly heads = new Map<string, ChainHead>();

  get devices(): number {
    return this.heads.size;
  }

  /** Checks the next stretch of the tenant chain, already verified link by link. */
  check(entries: readonly AuditChainEntry[]): AuditBreak | null {
    const byDevice = new Map<string, AuditChainEntry[]>();
    for (const entry of entries) {
      const deviceId = entry.deviceLink ? entry.event.device.deviceId : null;
      if (deviceId === null) continue;
      const held = byDevice.get(deviceId);
      if (held) held.push(entry);
      else byDevice.set(deviceId, [entry]);
    }
    let first: AuditBreak | null = null;
    for (const [deviceId, tenantEntries] of byDevice) {
      const chain = deviceChainOf(tenantEntries, deviceId);
      const result = verifyDeviceChain(chain, sha256Hex, { start: this.heads.get(deviceId) ?? genesisHead });
      if (result.ok) {
        this.heads.set(deviceId, { seq: result.length, hash: result.head });
        continue;
      }
      const at = tenantEntries[result.firstBrokenIndex]!;
      if (first && first.seq <= at.seq) continue;
      first = {
        ok: false,
        reason: result.reason,
        seq: at.seq,
        entryId: result.entryId,
        message: `Workstation ${deviceId}: ${result.message}`,
        deviceId,
        deviceSeq: result.seq,
      };
    }
    return first;
  }
}
