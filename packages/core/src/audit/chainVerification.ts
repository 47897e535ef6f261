import type { ChainHead } from './chainHash.ts';

export type ChainBreakReason =
  /** Entries are missing before this one (a row deleted). */
  | 'sequence-gap'
  /** This entry stands where another belongs (rows reordered or repeated). */
  | 'out-of-order'
  /** This entry does not name the hash of the entry before it (a row deleted and the rest renumbered, or inserted). */
  | 'prev-mismatch'
  /** This entry's content no longer hashes to its recorded hash (a field edited). */
  | 'hash-mismatch'
  /** This entry cannot be read as a chain entry at all. */
  | 'malformed'
  /** A device entry names another device than the chain it is offered for. */
  | 'device-mismatch'
  /** The chain ends before a checkpoint's entry (its tail cut off). */
  | 'truncated'
  /** The chain differs from a checkpoint at the checkpoint's entry (history rewritten, a tail forged). */
  | 'checkpoint-mismatch'
  /** A checkpoint's signature does not verify (a checkpoint forged to match a forged chain). */
  | 'checkpoint-signature-invalid'
  /** A break-glass reason held beside the chain no longer matches the digest its entry carries (or is gone). */
  | 'break-glass-reason-mismatch';

export interface ChainIntact {
  ok: true;
  /** Sequence number of the last entry: the chain's length. */
  length: number;
  /** Hash of the last entry. */
  head: string;
  /** The last entry a trusted checkpoint vouches for; entries after it are held only by their links. */
  vouchedThrough: number;
}

export interface ChainBreak {
  ok: false;
  reason: ChainBreakReason;
  /** Index, in the entries given, of the first link that cannot be trusted (entries.length when the tail is missing). */
  firstBrokenIndex: number;
  /** The event id at that index, or null when no entry stands there. */
  entryId: string | null;
  /** The sequence number that link should have. */
  seq: number;
  /** For checkpoint problems: the checkpoint that revealed it. */
  checkpointSeq?: number;
  /** What went wrong, in words an auditor reads; ids and numbers only. */
  message: string;
}

export type ChainVerification = ChainIntact | ChainBreak;

export function intact(head: ChainHead, vouchedThrough: number): ChainIntact {
  return { ok: true, length: head.seq, head: head.hash, vouchedThrough };
}
