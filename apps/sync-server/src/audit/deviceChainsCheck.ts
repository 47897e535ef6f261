import { deviceChainOf, genesisHead, verifyDeviceChain, type AuditChainEntry, type ChainHead } from '@eonpro/core';
import type { AuditBreak } from './auditVerification.ts';
import { sha256Hex } from './chainHash.ts';
import type { HashAnswers } from './hashWorkers.ts';

/**
 * Follows every desktop chain inside a tenant chain as its entries come by, page after page, and names the first
 * entry where one breaks. The tenant chain's own links are checked separately (verifyChain).
 */
export class DeviceChainsCheck {
  private readonly heads = new Map<string, ChainHead>();

  get devices(): number {
    return this.heads.size;
  }

  /**
   * Checks the next stretch of the tenant chain, already verified link by link. `answers` (by position in `entries`,
   * see deviceHashAnswers) are device hashes already checked; the others are computed here.
   */
  check(entries: readonly AuditChainEntry[], answers?: HashAnswers): AuditBreak | null {
    const byDevice = new Map<string, number[]>();
    for (let index = 0; index < entries.length; index++) {
      const entry = entries[index]!;
      const deviceId = entry.deviceLink ? entry.event.device.deviceId : null;
      if (deviceId === null) continue;
      const held = byDevice.get(deviceId);
      if (held) held.push(index);
      else byDevice.set(deviceId, [index]);
    }
    let first: AuditBreak | null = null;
    for (const [deviceId, positions] of byDevice) {
      const tenantEntries = positions.map((position) => entries[position]!);
      const chain = deviceChainOf(tenantEntries, deviceId);
      const hashVerdicts = answers ? (index: number) => answers[positions[index]!] : undefined;
      const result = verifyDeviceChain(chain, sha256Hex, { start: this.heads.get(deviceId) ?? genesisHead, hashVerdicts });
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
