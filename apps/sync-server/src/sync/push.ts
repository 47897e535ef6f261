import type { EntityName, HybridClock, Mutation, MutationRejectionCode, MutationResult, PushRequest, PushResponse } from '@eonpro/core';
import { mutationAuditInput } from '../audit/mutationAuditInput.ts';
import { recordAuditEvents, type ServerAuditInput } from '../audit/recordAuditEvent.ts';
import type { AccessClaims } from '../auth/accessToken.ts';
import { requireApprovedWorkstation } from '../auth/devices.ts';
import type { Database, Queryable } from '../db/database.ts';
import type { TenantSealer } from '../keys/tenantSealer.ts';
import { withTenant } from '../tenancy/tenantScope.ts';
import { applyChange } from './applyChange.ts';
import { mutationAuthor, restrictionRefusal, type MutationAuthor } from './mutationAuthor.ts';
import { reject, type ChangeOutcome } from './change.ts';
import { lockChangeLog } from './changeLog.ts';
import { requireSupportedVersions } from './protocolVersions.ts';

interface AppliedMutationRow {
  mutation_id: string;
  outcome: 'applied' | 'rejected';
  code: MutationRejectionCode | null;
  message: string | null;
  path: string | null;
}

/**
 * Applies a device's batch in one transaction, in order. Each mutation is answered applied, duplicate (its
 * device and seq were seen before; a rejected one gets the same rejection again) or rejected; a rejection
 * never stops the mutations behind it.
 */
export async function pushChanges(deps: { db: Database; clock: HybridClock; sealer: TenantSealer }, caller: AccessClaims, request: PushRequest): Promise<PushResponse> {
  requireSupportedVersions(request);
  const results = await withTenant(deps.db, caller.tenantId, async (tx) => {
    await requireApprovedWorkstation(tx, caller.deviceId);
    // One writer per tenant at a time: a retry racing its original waits, then finds every mutation recorded.
    await lockChangeLog(tx, caller.tenantId);
    const answers: MutationResult[] = [];
    // Each mutation answered for the first time is audited in this transaction: stored with its change or not at all.
    const audited: ServerAuditInput[] = [];
    for (const mutation of request.mutations) answers.push(await answer(tx, deps, caller, request.deviceId, mutation, audited));
    await recordAuditEvents(tx, audited);
    return answers;
  });
  return { results, serverClock: deps.clock.tick() };
}

async function answer(
  tx: Queryable,
  { clock, sealer }: { clock: HybridClock; sealer: TenantSealer },
  caller: AccessClaims,
  batchDeviceId: string,
  mutation: Mutation,
  audited: ServerAuditInput[],
): Promise<MutationResult> {
  const ids = { mutationId: mutation.mutationId, seq: mutation.seq };
  if (batchDeviceId !== caller.deviceId || mutation.deviceId !== caller.deviceId) {
    return { ...ids, ...reject('WRONG_DEVICE', 'This change was made on another workstation and can only be sent by that workstation.', 'deviceId') };
  }
  const [seen] = await tx.query<AppliedMutationRow>(
    'select mutation_id, outcome, code, message, path from applied_mutations where device_id = $1 and seq = $2',
    [mutation.deviceId, mutation.seq],
  );
  if (seen) {
    if (seen.mutation_id !== mutation.mutationId) {
      // Not a retry: the device reused a sequence number. Answered but not recorded, the seq is taken.
      return { ...ids, ...reject('VALIDATION', 'This workstation already sent a different change with the same sequence number; this change was not applied.', 'seq') };
    }
    if (seen.outcome === 'applied') return { ...ids, status: 'duplicate' };
    return { ...ids, ...reject(seen.code!, seen.message ?? '', seen.path) };
  }

  const author = await mutationAuthor(tx, caller, mutation);
  const change = {
    // mutationSchema admits only entity names.
    entity: mutation.entity as EntityName,
    recordId: mutation.recordId,
    op: mutation.op,
    fields: mutation.fields,
    fieldRevs: mutation.fieldRevs,
    baseRev: mutation.baseRev,
  };
  const outcome =
    'status' in author
      ? author
      : (restrictionRefusal(author, mutation) ??
        (await applyChange({ tx, tenantId: caller.tenantId, clock, author: { userId: author.userId, deviceId: caller.deviceId }, sealer }, change)));
  await record(tx, caller.tenantId, mutation, outcome);
  const audit = await mutationAuditInput({ tx, tenantId: caller.tenantId, sealer }, caller, mutation, outcome);
  audited.push('status' in author ? audit : creditedToAuthor(audit, caller, author));
  return { ...ids, ...outcome };
}

/** The entry names the change's author as its actor; who pushed it, and an author disabled since, go in the detail. */
function creditedToAuthor(audit: ServerAuditInput, caller: AccessClaims, author: MutationAuthor): ServerAuditInput {
  if (author.userId === caller.userId) return audit;
  return {
    ...audit,
    actor: { userId: author.userId, role: author.role },
    detail: { ...audit.detail, pushedBy: caller.userId, ...(author.active ? {} : { authorInactive: true }) },
  };
}

async function record(tx: Queryable, tenantId: string, mutation: Mutation, outcome: ChangeOutcome): Promise<void> {
  const rejection = outcome.status === 'rejected' ? outcome : null;
  await tx.query(
    `insert into applied_mutations (tenant_id, device_id, seq, mutation_id, entity, record_id, outcome, code, message, path)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [tenantId, mutation.deviceId, mutation.seq, mutation.mutationId, mutation.entity, mutation.recordId, outcome.status,
      rejection?.code ?? null, rejection?.message ?? null, rejection?.path ?? null],
  );
}
