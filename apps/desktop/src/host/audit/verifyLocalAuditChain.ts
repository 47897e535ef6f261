import {
  genesisHead,
  verifyDeviceChain,
  type ChainBreak,
  type ChainHead,
  type ChainVerification,
  type DeviceChainEntry,
} from '@eonpro/core';
import type { Db } from '../db/openDatabase.ts';
import { readAuditEntries, readAuditHeads } from './auditRows.ts';
import { sha256Hex } from './sha256Hex.ts';

/** The most entries checked at a time, so a chain of any length is verified in bounded memory. */
const PAGE_SIZE = 10_000;

export interface LocalAuditVerification {
  /** The chain itself: intact with its length and head, or the first link that cannot be trusted. */
  result: ChainVerification;
  /** The heads the chain was held against: the last recorded here, the last the server acknowledged, any given. */
  heads: { recorded: ChainHead; acknowledged: ChainHead; given: ChainHead[] };
}

/**
 * Verifies this workstation's audit chain from its first entry, and that it still reaches and matches the heads kept
 * beside it (a cut-off tail or a rewritten one shows there) and any head known from elsewhere, such as the server's
 * record of what this device sent. Names the first broken link: its sequence number, event id and what is wrong.
 *
 * The chain is checked in segments that end at each head, so a head that holds vouches for everything before it and
 * a break is placed after the last head that held; segments are at most PAGE_SIZE long, to bound memory.
 */
export function verifyLocalAuditChain(db: Db, knownHeads: readonly ChainHead[] = []): LocalAuditVerification {
  const { recorded, acknowledged } = readAuditHeads(db);
  const heads = [recorded, acknowledged, ...knownHeads].filter((head) => head.seq > 0).sort((a, b) => a.seq - b.seq);
  let start = genesisHead;
  let vouchedThrough = 0;
  let result: ChainVerification;
  for (;;) {
    const pending = heads.filter((head) => head.seq > start.seq);
    const limit = Math.min(PAGE_SIZE, (pending[0]?.seq ?? Infinity) - start.seq);
    const segment = readAuditEntries(db, start.seq, limit);
    const chainEnded = segment.length < limit;
    const due = chainEnded ? pending : pending.filter((head) => head.seq === start.seq + limit);
    result = verifySegment(segment, start, due);
    if (!result.ok) {
      result = { ...result, firstBrokenIndex: start.seq + result.firstBrokenIndex };
      break;
    }
    if (due.length > 0) vouchedThrough = result.vouchedThrough;
    if (chainEnded) {
      result = { ...result, vouchedThrough };
      break;
    }
    start = { seq: result.length, hash: result.head };
  }
  if (result.ok && result.length > recorded.seq) result = addedPastRecordedHead(db, recorded);
  return { result, heads: { recorded, acknowledged, given: [...knownHeads] } };
}

/** One segment against each head due at its end (several may name the same entry); the earliest break wins. */
function verifySegment(segment: readonly DeviceChainEntry[], start: ChainHead, heads: readonly ChainHead[]): ChainVerification {
  if (heads.length === 0) return verifyDeviceChain(segment, sha256Hex, { start });
  const results = heads.map((knownHead) => verifyDeviceChain(segment, sha256Hex, { start, knownHead }));
  const breaks = results.filter((result): result is ChainBreak => !result.ok);
  return breaks.length === 0 ? results[0]! : breaks.reduce((a, b) => (b.firstBrokenIndex < a.firstBrokenIndex ? b : a));
}

/** This workstation moves its recorded head with every entry it adds, so an intact chain running past it was extended by someone else. */
function addedPastRecordedHead(db: Db, recorded: ChainHead): ChainBreak {
  const seq = recorded.seq + 1;
  return {
    ok: false,
    reason: 'checkpoint-mismatch',
    firstBrokenIndex: recorded.seq,
    entryId: readAuditEntries(db, recorded.seq, 1)[0]?.event.id ?? null,
    seq,
    checkpointSeq: recorded.seq,
    message: `Device entry ${seq} follows the last entry this workstation recorded (${recorded.seq}): it was added from outside the app`,
  };
}
