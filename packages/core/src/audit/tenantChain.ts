import { z } from 'zod';
import { auditEventSchema, type AuditEvent } from './auditEvent.ts';
import { genesisHead, linkHash, sha256HexSchema, type ChainHead, type HashFunction } from './chainHash.ts';
import type { ChainVerification } from './chainVerification.ts';
import { checkpointSignatureHolds, type SignedCheckpoint, type VerifyCheckpointSignature } from './checkpoint.ts';
import { tenantEntryText } from './hashedText.ts';
import { verifyLinks, type HashVerdicts, type LinkReader } from './verifyLinks.ts';

/** Where an event that was first recorded on a desktop stood in that device's own chain (see deviceChain.ts). */
export const deviceLinkSchema = z.strictObject({
  deviceSeq: z.number().int().positive(),
  devicePrevHash: sha256HexSchema,
  deviceHash: sha256HexSchema,
});
export type DeviceLink = z.output<typeof deviceLinkSchema>;

/**
 * One entry of a tenant's audit chain, as the server stores it:
 * entryHash = SHA-256(prevHash || canonicalJson({ seq, event, deviceLink })).
 * The sequence number is gapless from 1, so a deleted, moved or cut-off entry shows.
 */
export const auditChainEntrySchema = z.strictObject({
  seq: z.number().int().positive(),
  prevHash: sha256HexSchema,
  entryHash: sha256HexSchema,
  event: auditEventSchema,
  deviceLink: deviceLinkSchema.nullable(),
});
export type AuditChainEntry = z.output<typeof auditChainEntrySchema>;

const tenantLinks: LinkReader<AuditChainEntry> = {
  label: 'Entry',
  seq: (entry) => entry.seq,
  prevHash: (entry) => entry.prevHash,
  hash: (entry) => entry.entryHash,
  eventId: (entry) => entry.event.id,
  hashedText: (entry) => tenantEntryText(entry.seq, entry.event, entry.deviceLink),
};

/** The entry that follows `head`; the caller stores it and its head becomes the chain's new head. */
export function appendToChain(
  head: ChainHead,
  event: AuditEvent,
  hash: HashFunction,
  deviceLink: DeviceLink | null = null,
): AuditChainEntry {
  const seq = head.seq + 1;
  const entryHash = linkHash(hash, head.hash, tenantEntryText(seq, event, deviceLink));
  return { seq, prevHash: head.hash, entryHash, event, deviceLink };
}

/**
 * What an entry's hash covers after its previous hash: the canonical JSON of its content. For a verifier that hashes
 * SHA-256(prevHash || this) elsewhere and hands the answers back as `hashVerdicts`. Throws for an entry with no such text.
 */
export function tenantHashedText(entry: AuditChainEntry): string {
  return tenantEntryText(entry.seq, entry.event, entry.deviceLink);
}

export function chainHeadOf(entry: AuditChainEntry): ChainHead {
  return { seq: entry.seq, hash: entry.entryHash };
}

export type VerifyChainOptions = {
  /** Verify a slice: the trusted head the first entry follows (default: the genesis, entry 1 first). */
  start?: ChainHead;
  /** Entry hashes checked ahead of the walk (see tenantHashedText); the rest are computed with `hash`. */
  hashVerdicts?: HashVerdicts;
} & (
  | { checkpoints?: undefined }
  | { checkpoints: readonly SignedCheckpoint[]; verifySignature: VerifyCheckpointSignature }
);

/**
 * Verifies a tenant chain in order and names the first link that cannot be trusted. With checkpoints, also
 * catches a cut-off tail (`truncated`), history rewritten with fresh hashes (`checkpoint-mismatch`) and a
 * checkpoint forged to match it (`checkpoint-signature-invalid`).
 */
export function verifyChain(
  entries: readonly AuditChainEntry[],
  hash: HashFunction,
  options: VerifyChainOptions = {},
): ChainVerification {
  const trustedHeads = options.checkpoints
    ? options.checkpoints.map((checkpoint) => ({
        seq: checkpoint.seq,
        headHash: checkpoint.headHash,
        signatureValid: checkpointSignatureHolds(checkpoint, options.verifySignature),
      }))
    : [];
  return verifyLinks(entries, tenantLinks, hash, options.start ?? genesisHead, trustedHeads, options.hashVerdicts);
}
