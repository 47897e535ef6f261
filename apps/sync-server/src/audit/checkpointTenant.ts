import { AppError, genesisHead, verifyChain, type ChainHead, type SignedCheckpoint } from '@eonpro/core';
import type { SigningKeys } from '../auth/signingKeys.ts';
import type { Database, Queryable } from '../db/database.ts';
import { withTenant } from '../tenancy/tenantScope.ts';
import { lockChainHead, readEntries } from './auditChainStore.ts';
import { sha256Hex } from './chainHash.ts';
import { signCheckpoint } from './checkpointSignature.ts';
import { latestCheckpoint, storeCheckpoint } from './checkpointStore.ts';
import { recordAuditEvent } from './recordAuditEvent.ts';
import type { AuditedCaller } from './requestAudit.ts';

const PAGE_SIZE = 5000;

/**
 * Signs the tenant chain's head as a checkpoint, after checking every entry since the last checkpoint: a
 * checkpoint never vouches for a chain that does not hold. The signing is itself an audit entry, the last one the
 * checkpoint covers. `requestedBy` null is the periodic job, which signs only when the chain moved since the last
 * checkpoint; a request always signs. Returns null when nothing was signed.
 */
export async function checkpointTenant(
  deps: { db: Database; keys: SigningKeys },
  tenantId: string,
  requestedBy: AuditedCaller | null,
): Promise<SignedCheckpoint | null> {
  return withTenant(deps.db, tenantId, async (tx) => {
    const head = await lockChainHead(tx);
    const last = await latestCheckpoint(tx);
    if (requestedBy === null && (head.seq === 0 || (last !== null && last.seq >= head.seq))) return null;
    await recordAuditEvent(tx, {
      tenantId,
      actor: { userId: requestedBy?.userId ?? null, role: requestedBy?.role ?? null },
      device: { deviceId: requestedBy?.deviceId ?? null, workstation: null },
      patientId: null,
      action: 'audit-checkpoint',
      outcome: 'success',
      detail: { trigger: requestedBy ? 'request' : 'schedule' },
    });
    const verified = await verifySince(tx, last ? { seq: last.seq, hash: last.headHash } : genesisHead);
    const checkpoint = await signCheckpoint(deps.keys, { tenantId, seq: verified.seq, headHash: verified.hash, signedAt: new Date().toISOString() });
    await storeCheckpoint(tx, checkpoint);
    return checkpoint;
  });
}

async function verifySince(tx: Queryable, start: ChainHead): Promise<ChainHead> {
  let head = start;
  for (;;) {
    const page = await readEntries(tx, head.seq, PAGE_SIZE);
    const result = verifyChain(page, sha256Hex, { start: head });
    if (!result.ok) {
      throw new AppError('CONFLICT', `The audit trail does not verify at entry ${result.seq}, so no checkpoint was signed. Run the audit verification.`);
    }
    head = { seq: result.length, hash: result.head };
    if (page.length < PAGE_SIZE) return head;
  }
}
