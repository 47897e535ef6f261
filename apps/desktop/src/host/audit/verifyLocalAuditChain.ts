import { genesisHead, verifyDeviceChain, type ChainBreak, type ChainHead, type ChainVerification } from '@eonpro/core';
import type { Db } from '../db/openDatabase.ts';
import { readAuditEntries, readAuditHeads } from './auditRows.ts';
import { sha256Hex } from './sha256Hex.ts';

/** Entries checked at a time, so a chain of any length is verified in bounded memory. */
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
 */
export function verifyLocalAuditChain(db: Db, knownHeads: readonly ChainHead[] = []): LocalAuditVerification {
  const { recorded, acknowledged } = readAuditHeads(db);
  const heads = [recorded, acknowledged, ...knownHeads].filter((head) => head.seq > 0);
  let start = genesisHead;
  let offset = 0;
  let result: ChainVerification;
  for (;;) {
    const page = readAuditEntries(db, start.seq, PAGE_SIZE);
    const last = page.length < PAGE_SIZE;
    const pageEnd = page.at(-1)?.deviceSeq ?? start.seq;
    const due = heads.filter((head) => last || (head.seq > start.seq && head.seq <= pageEnd));
    result = verifyPage(page, start, due);
    if (!result.ok) {
      result = { ...result, firstBrokenIndex: offset + result.firstBrokenIndex };
      break;
    }
    if (last) break;
    start = { seq: result.length, hash: result.head };
    offset += page.length;
  }
  if (result.ok && result.length > recorded.seq) result = addedPastRecordedHead(db, recorded);
  return { result, heads: { recorded, acknowledged, given: [...knownHeads] } };
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

/** One page against every head that falls in it (the last page: every head not yet reached); the earliest break wins. */
function verifyPage(page: Parameters<typeof verifyDeviceChain>[0], start: ChainHead, heads: readonly ChainHead[]): ChainVerification {
  if (heads.length === 0) return verifyDeviceChain(page, sha256Hex, { start });
  const results = heads.map((knownHead) => verifyDeviceChain(page, sha256Hex, { start, knownHead }));
  const breaks = results.filter((result): result is ChainBreak => !result.ok);
  if (breaks.length === 0) return results.reduce((a, b) => (b.ok && a.ok && b.vouchedThrough > a.vouchedThrough ? b : a));
  return breaks.reduce((a, b) => (b.firstBrokenIndex < a.firstBrokenIndex ? b : a));
}
