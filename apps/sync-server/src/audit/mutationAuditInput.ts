import { entities, isUuid, type EntityName, type Mutation } from '@eonpro/core';
import type { AccessClaims } from '../auth/accessToken.ts';
import type { SealingScope } from '../keys/sealedFields.ts';
import type { ChangeOutcome } from '../sync/change.ts';
import { readRecord } from '../sync/entityRecords.ts';
import type { ServerAuditInput } from './serverAuditInput.ts';

/**
 * The audit entry for one pushed mutation the server answered for the first time: the record and revision it
 * wrote (or the rejection's code), the patient it belongs to, and when it was made on the workstation.
 */
export async function mutationAuditInput(scope: SealingScope, caller: AccessClaims, mutation: Mutation, outcome: ChangeOutcome): Promise<ServerAuditInput> {
  const applied = outcome.status === 'applied';
  return {
    tenantId: caller.tenantId,
    actor: { userId: caller.userId, role: caller.role },
    device: { deviceId: caller.deviceId, workstation: null },
    patientId: await patientOf(scope, mutation),
    action: mutation.op,
    outcome: applied ? 'success' : 'failure',
    entity: mutation.entity,
    recordId: mutation.recordId,
    recordRev: applied ? outcome.rev : null,
    detail: applied ? { mutationSeq: mutation.seq } : { mutationSeq: mutation.seq, code: outcome.code },
    occurredAt: new Date(mutation.madeAt).toISOString(),
  };
}

/** A patient record is its own patient; an entry names its patient in its fields, or in the stored record. */
async function patientOf(scope: SealingScope, mutation: Mutation): Promise<string | null> {
  const entity = mutation.entity as EntityName;
  const patientField = entities[entity].patientField;
  if (patientField === null) return mutation.recordId;
  // A rejected entry may name no patient, or something that is not an id at all.
  const named = mutation.fields[patientField];
  if (typeof named === 'string') return isUuid(named) ? named : null;
  const stored = await readRecord(scope, entity, mutation.recordId);
  const patientId = stored?.fields[patientField];
  return typeof patientId === 'string' ? patientId : null;
}
