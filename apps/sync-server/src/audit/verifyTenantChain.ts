import {
  genesisHead,
  verifyChain,
  type AuditChainEntry,
  type ChainBreak,
  type ChainHead,
  type SignedCheckpoint,
  type VerifyCheckpointSignature,
} from '@eonpro/core';
import type { Queryable } from '../db/database.ts';
import { eventIdAt, readChainHead, readEntries } from './auditChainStore.ts';
import type { AuditBreak, AuditVerification } from './auditVerification.ts';
import { sha256Hex } from './chainHash.ts';
import { readCheckpoints } from './checkpointStore.ts';
import { deviceHashAnswers, tenantHashAnswers } from './chainHashAnswers.ts';
import { DeviceChainsCheck } from './deviceChainsCheck.ts';
import { HashWorkers, type HashAnswers } from './hashWorkers.ts';

const PAGE_SIZE = 5000;
/** From this many entries on, hashes are recomputed on worker threads while this thread reads and links pages. */
const PARALLEL_FROM = 20_000;

interface PageRead {
  page: AuditChainEntry[];
  /** The page's tenant and device hashes, being checked on the workers (null: checked in the walk). */
  answers: Promise<[HashAnswers, HashAnswers]> | null;
}

/**
 * Verifies the current tenant's whole audit chain, page by page so a long chain never sits in memory at once:
 * every link, every signed checkpoint, the recorded chain head and every desktop chain inside it. Run it in a
 * tenant-scoped REPEATABLE READ transaction so appends that commit meanwhile do not show up half-way. A long chain
 * is hashed on worker threads, a page ahead: the next page is read and hashed while this one's links are walked.
 */
export async function verifyTenantChain(
  tx: Queryable,
  verifySignature: VerifyCheckpointSignature,
  pageSize = PAGE_SIZE,
  parallelFrom = PARALLEL_FROM,
): Promise<AuditVerification> {
  const checkpoints = await readCheckpoints(tx);
  const recordedHead = await readChainHead(tx);
  const workers = recordedHead.seq >= parallelFrom ? new HashWorkers() : null;
  try {
    return await verifyPages(tx, { checkpoints, recordedHead, verifySignature, pageSize, workers });
  } finally {
    await workers?.close();
  }
}

async function verifyPages(
  tx: Queryable,
  context: {
    checkpoints: SignedCheckpoint[];
    recordedHead: ChainHead;
    verifySignature: VerifyCheckpointSignature;
    pageSize: number;
    workers: HashWorkers | null;
  },
): Promise<AuditVerification> {
  const { checkpoints, recordedHead, verifySignature, pageSize, workers } = context;
  const deviceChains = new DeviceChainsCheck();
  let start: ChainHead = genesisHead;
  // The last entry a checkpoint vouched for: trust ends there when a later one fails.
  let lastVouched = 0;
  let next: Promise<PageRead> | null = readPage(tx, 0, pageSize, workers);
  try {
    for (;;) {
      const read: PageRead = await next!;
      const { page, answers } = read;
      const final: boolean = page.length < pageSize;
      const pageEnd: number = page.at(-1)?.seq ?? start.seq;
      next = final ? null : readPage(tx, pageEnd, pageSize, workers);
      const [tenantAnswers, deviceAnswers] = answers ? await answers : [undefined, undefined];
      const pageCheckpoints = checkpoints.filter((checkpoint) => checkpoint.seq > start.seq && (final || checkpoint.seq <= pageEnd));
      const result = verifyChain(page, sha256Hex, {
        start,
        checkpoints: pageCheckpoints,
        verifySignature,
        ...(tenantAnswers ? { hashVerdicts: (index: number) => tenantAnswers[index] } : {}),
      });
      const deviceBreak = deviceChains.check(result.ok ? page : page.slice(0, result.firstBrokenIndex), deviceAnswers);
      if (!result.ok) return earliest(await tenantBreak(tx, result, start, lastVouched), deviceBreak);
      if (deviceBreak) return deviceBreak;
      lastVouched = Math.max(lastVouched, result.vouchedThrough);
      start = { seq: result.length, hash: result.head };
      if (final) break;
    }
  } finally {
    // A page read ahead of a break is not needed, but must finish before the transaction does.
    await next?.then((read) => read.answers).catch(() => undefined);
  }

  const headBreak = await recordedHeadBreak(tx, start, recordedHead, lastVouched);
  if (headBreak) return headBreak;
  return { ok: true, length: start.seq, head: start.hash, vouchedThrough: lastVouched, checkpoints: checkpoints.length, devices: deviceChains.devices };
}

async function readPage(tx: Queryable, afterSeq: number, pageSize: number, workers: HashWorkers | null): Promise<PageRead> {
  const page = await readEntries(tx, afterSeq, pageSize);
  if (!workers || page.length === 0) return { page, answers: null };
  const answers = Promise.all([tenantHashAnswers(workers, page), deviceHashAnswers(workers, page)]);
  // Awaited by the walk, or dropped after a break; either way a failure is not left unhandled.
  answers.catch(() => undefined);
  return { page, answers };
}

/**
 * A checkpoint problem found in a later page is reported from where trust really ends: after the last checkpoint
 * that held, which may lie in an earlier page than the one core was given.
 */
async function tenantBreak(tx: Queryable, found: ChainBreak, pageStart: ChainHead, lastVouched: number): Promise<AuditBreak> {
  const { reason, seq, entryId, message, checkpointSeq } = found;
  const base = { ok: false as const, reason, seq, entryId, message, ...(checkpointSeq === undefined ? {} : { checkpointSeq }) };
  const checkpointProblem = reason === 'checkpoint-mismatch' || reason === 'checkpoint-signature-invalid';
  if (!checkpointProblem || pageStart.seq <= lastVouched) return base;
  const from = lastVouched + 1;
  return {
    ...base,
    seq: from,
    entryId: await eventIdAt(tx, from),
    message:
      reason === 'checkpoint-mismatch'
        ? `Entries after ${lastVouched} do not match the checkpoint at entry ${checkpointSeq}`
        : `The checkpoint at entry ${checkpointSeq} is not validly signed; entries after ${lastVouched} are not vouched for`,
  };
}

/** Every append moves the recorded head with it, so a chain that ends elsewhere was cut or extended behind its back. */
async function recordedHeadBreak(tx: Queryable, verified: ChainHead, recorded: ChainHead, lastVouched: number): Promise<AuditBreak | null> {
  if (recorded.seq > verified.seq) {
    return {
      ok: false,
      reason: 'truncated',
      seq: verified.seq + 1,
      entryId: null,
      message: `The chain ends at entry ${verified.seq}, but its recorded head is entry ${recorded.seq}`,
    };
  }
  if (recorded.seq === verified.seq && recorded.hash === verified.hash) return null;
  const from = lastVouched + 1;
  return {
    ok: false,
    reason: 'checkpoint-mismatch',
    seq: from,
    entryId: await eventIdAt(tx, from),
    message: `The chain's last entries do not match its recorded head (entry ${recorded.seq}); entries after ${lastVouched} are not vouched for`,
  };
}

function earliest(tenant: AuditBreak, device: AuditBreak | null): AuditBreak {
  return device && device.seq < tenant.seq ? device : tenant;
}
