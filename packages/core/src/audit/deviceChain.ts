import { z } from 'zod';
import { deviceAuditEventSchema, type AuditEvent, type DeviceAuditEvent } from './auditEvent.ts';
import { genesisHead, linkHash, sha256HexSchema, type ChainHead, type HashFunction } from './chainHash.ts';
import type { ChainVerification } from './chainVerification.ts';
import type { AuditChainEntry } from './tenantChain.ts';
import { deviceEntryText } from './hashedText.ts';
import { verifyLinks, type HashVerdicts, type LinkReader } from './verifyLinks.ts';

/**
 * One entry of a desktop's own audit chain, written the moment the event happens, online or not:
 * deviceHash = SHA-256(devicePrevHash || canonicalJson({ deviceSeq, event })), where the event leaves out
 * `recordedAt` (the server stamps that when the entry reaches the tenant chain). The server keeps the three
 * device fields as the tenant entry's `deviceLink`, so each device's chain can be verified inside the tenant's.
 */
export const deviceChainEntrySchema = z.strictObject({
  deviceSeq: z.number().int().positive(),
  devicePrevHash: sha256HexSchema,
  deviceHash: sha256HexSchema,
  event: deviceAuditEventSchema,
});
export type DeviceChainEntry = z.output<typeof deviceChainEntrySchema>;

/** The device-chain view of an event: everything but the server's `recordedAt`. */
function withoutRecordedAt(event: DeviceAuditEvent | AuditEvent): DeviceAuditEvent {
  if (!('recordedAt' in event)) return event;
  const { recordedAt: _recordedAt, ...deviceEvent } = event;
  return deviceEvent as DeviceAuditEvent;
}

const deviceLinks: LinkReader<DeviceChainEntry> = {
  label: 'Device entry',
  seq: (entry) => entry.deviceSeq,
  prevHash: (entry) => entry.devicePrevHash,
  hash: (entry) => entry.deviceHash,
  eventId: (entry) => entry.event.id,
  hashedText: (entry) => deviceEntryText(entry.deviceSeq, entry.event),
};

export function appendToDeviceChain(head: ChainHead, event: DeviceAuditEvent, hash: HashFunction): DeviceChainEntry {
  const deviceSeq = head.seq + 1;
  const deviceHash = linkHash(hash, head.hash, deviceEntryText(deviceSeq, event));
  return { deviceSeq, devicePrevHash: head.hash, deviceHash, event };
}

/** What a device entry's hash covers after its previous hash: its canonical JSON, without `recordedAt` (see tenantHashedText). */
export function deviceHashedText(entry: DeviceChainEntry): string {
  return deviceEntryText(entry.deviceSeq, entry.event);
}

export function deviceHeadOf(entry: DeviceChainEntry): ChainHead {
  return { seq: entry.deviceSeq, hash: entry.deviceHash };
}

/** One device's chain as the tenant chain holds it, in the order the server took the entries in. */
export function deviceChainOf(tenantEntries: readonly AuditChainEntry[], deviceId: string): DeviceChainEntry[] {
  const chain: DeviceChainEntry[] = [];
  for (const entry of tenantEntries) {
    if (entry.deviceLink === null || entry.event.device.deviceId !== deviceId) continue;
    chain.push({ ...entry.deviceLink, event: withoutRecordedAt(entry.event) });
  }
  return chain;
}

export interface VerifyDeviceChainOptions {
  /** Verify a slice: the trusted head the first entry follows (default: the genesis, device entry 1 first). */
  start?: ChainHead;
  /** A head known from elsewhere (the server's record of what this device pushed): the chain must reach and match it. */
  knownHead?: ChainHead;
  /** Entry hashes checked ahead of the walk (see deviceHashedText); the rest are computed with `hash`. */
  hashVerdicts?: HashVerdicts;
}

/** Verifies one device's chain in order and names the first link that cannot be trusted. */
export function verifyDeviceChain(
  entries: readonly DeviceChainEntry[],
  hash: HashFunction,
  options: VerifyDeviceChainOptions = {},
): ChainVerification {
  const trustedHeads = options.knownHead
    ? [{ seq: options.knownHead.seq, headHash: options.knownHead.hash, signatureValid: true }]
    : [];
  return verifyLinks(entries, deviceLinks, hash, options.start ?? genesisHead, trustedHeads, options.hashVerdicts);
}
