import { linkHash, type ChainHead, type HashFunction } from './chainHash.ts';
import { intact, type ChainBreak, type ChainBreakReason, type ChainVerification } from './chainVerification.ts';

/** How one kind of chain entry reads as a link. */
export interface LinkReader<Entry> {
  /** 'Entry' or 'Device entry', to start messages with. */
  label: string;
  seq(entry: Entry): number;
  prevHash(entry: Entry): string;
  hash(entry: Entry): string;
  eventId(entry: Entry): string;
  /** What the hash covers after the previous hash: canonical JSON of the entry's content. */
  hashedText(entry: Entry): string;
}

/**
 * Hash checks already done elsewhere (in parallel, say): whether the entry at `index` hashes to its recorded hash
 * from the previous hash it records; undefined where it was not checked, and the walk computes it. The walk asks only
 * once the entry's sequence number and previous hash hold, so the two hashes are the same.
 */
export type HashVerdicts = (index: number) => boolean | undefined;

/** A head the verifier trusts (a checkpoint), with whether its signature held. */
export interface TrustedHead {
  seq: number;
  headHash: string;
  signatureValid: boolean;
}

/**
 * Walks the chain from `start`, checking each entry's sequence number, its link to the entry before and its own
 * hash, then holds the result against the trusted heads. Reports the earliest link that cannot be trusted.
 */
export function verifyLinks<Entry>(
  entries: readonly Entry[],
  reader: LinkReader<Entry>,
  hash: HashFunction,
  start: ChainHead,
  trustedHeads: readonly TrustedHead[],
  verdicts?: HashVerdicts,
): ChainVerification {
  let head = start;
  let linkBreak: ChainBreak | null = null;
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index]!;
    linkBreak = checkLink(entries, index, entry, reader, hash, head, verdicts);
    if (linkBreak) break;
    head = { seq: reader.seq(entry), hash: reader.hash(entry) };
  }
  const headBreak = checkTrustedHeads(entries, reader, start, head, linkBreak, trustedHeads);
  if (headBreak || linkBreak) return headBreak ?? linkBreak!;
  // Every trusted head held, so the furthest of them vouches for the chain up to its entry.
  return intact(head, trustedHeads.reduce((through, trusted) => Math.max(through, trusted.seq), start.seq));
}

function checkLink<Entry>(
  entries: readonly Entry[],
  index: number,
  entry: Entry,
  reader: LinkReader<Entry>,
  hash: HashFunction,
  before: ChainHead,
  verdicts: HashVerdicts | undefined,
): ChainBreak | null {
  // The walk's hot path: a link that holds allocates nothing. Anything else is looked at again to say what is wrong.
  try {
    if (
      reader.seq(entry) === before.seq + 1 &&
      reader.prevHash(entry) === before.hash &&
      (verdicts?.(index) ?? linkHash(hash, before.hash, reader.hashedText(entry)) === reader.hash(entry))
    ) {
      return null;
    }
  } catch {
    // Reported as malformed below.
  }
  return describeBreak(entries, index, entry, reader, hash, before, verdicts);
}

function describeBreak<Entry>(
  entries: readonly Entry[],
  index: number,
  entry: Entry,
  reader: LinkReader<Entry>,
  hash: HashFunction,
  before: ChainHead,
  verdicts: HashVerdicts | undefined,
): ChainBreak {
  const expected = before.seq + 1;
  const broken = (reason: ChainBreakReason, message: string, entryId: string | null = safeEventId(reader, entry)): ChainBreak => ({
    ok: false,
    reason,
    firstBrokenIndex: index,
    entryId,
    seq: expected,
    message,
  });
  try {
    const seq = reader.seq(entry);
    if (seq !== expected) {
      return stillAhead(entries, index + 1, reader, expected)
        ? broken('out-of-order', `${reader.label} ${seq} stands where entry ${expected} belongs`)
        : seq > expected
          ? broken('sequence-gap', `${reader.label} ${expected} is missing: entry ${seq} follows entry ${before.seq}`)
          : broken('out-of-order', `${reader.label} ${seq} appears again after entry ${before.seq}`);
    }
    if (reader.prevHash(entry) !== before.hash) {
      return broken('prev-mismatch', `${reader.label} ${seq} does not link to the entry before it`);
    }
    // Read again where no verdict was given, so an entry whose hash or content cannot be read is named malformed.
    if (verdicts?.(index) === undefined) {
      linkHash(hash, before.hash, reader.hashedText(entry));
      reader.hash(entry);
    }
    return broken('hash-mismatch', `${reader.label} ${seq} was changed after it was recorded`);
  } catch {
    return broken('malformed', `${reader.label} at position ${index + 1} cannot be read as a chain entry`, null);
  }
}

function stillAhead<Entry>(entries: readonly Entry[], from: number, reader: LinkReader<Entry>, seq: number): boolean {
  for (let index = from; index < entries.length; index++) {
    try {
      if (reader.seq(entries[index]!) === seq) return true;
    } catch {
      // An unreadable entry is reported when the walk reaches it.
    }
  }
  return false;
}

function safeEventId<Entry>(reader: LinkReader<Entry>, entry: Entry): string | null {
  try {
    return reader.eventId(entry);
  } catch {
    return null;
  }
}

/**
 * A trusted head vouches for every entry up to its own: if it does not match, or its signature fails, the first
 * entry it was meant to vouch for (the one after the last head that held) is where trust ends.
 */
function checkTrustedHeads<Entry>(
  entries: readonly Entry[],
  reader: LinkReader<Entry>,
  start: ChainHead,
  verifiedHead: ChainHead,
  linkBreak: ChainBreak | null,
  trustedHeads: readonly TrustedHead[],
): ChainBreak | null {
  let lastHeld = start.seq;
  for (const trusted of sortedAfter(trustedHeads, start.seq)) {
    const index = lastHeld - start.seq;
    if (linkBreak && index >= linkBreak.firstBrokenIndex) return null;
    const broken = (reason: ChainBreakReason, message: string, at = index): ChainBreak => ({
      ok: false,
      reason,
      firstBrokenIndex: at,
      entryId: at < entries.length ? safeEventId(reader, entries[at]!) : null,
      seq: start.seq + at + 1,
      checkpointSeq: trusted.seq,
      message,
    });
    if (!trusted.signatureValid) {
      return broken(
        'checkpoint-signature-invalid',
        `The checkpoint at entry ${trusted.seq} is not validly signed; entries after ${lastHeld} are not vouched for`,
      );
    }
    if (trusted.seq > verifiedHead.seq) {
      if (linkBreak) return null;
      return broken(
        'truncated',
        `The chain ends at entry ${verifiedHead.seq}, but a checkpoint covers ${trusted.seq} entries`,
        entries.length,
      );
    }
    if (reader.hash(entries[trusted.seq - start.seq - 1]!) !== trusted.headHash) {
      return broken(
        'checkpoint-mismatch',
        `Entries after ${lastHeld} do not match the checkpoint at entry ${trusted.seq}`,
      );
    }
    lastHeld = trusted.seq;
  }
  return null;
}

function sortedAfter(trustedHeads: readonly TrustedHead[], seq: number): TrustedHead[] {
  return trustedHeads.filter((trusted) => trusted.seq > seq).sort((a, b) => a.seq - b.seq);
}
