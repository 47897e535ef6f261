import { randomUUID } from 'node:crypto';
import { auditEventSchema, type AuditEvent } from '@eonpro/core';
import type { Transaction } from '../db/database.ts';
import { appendEntries } from './auditChainStore.ts';
import { SERVER_WORKSTATION, type ServerAuditInput } from './serverAuditInput.ts';

export type { ServerAuditInput } from './serverAuditInput.ts';

/** The full event for an input: a fresh id, the server's clock as recordedAt (and occurredAt unless given). */
export function toAuditEvent(input: ServerAuditInput, recordedAt: string): AuditEvent {
  return auditEventSchema.parse({
    id: randomUUID(),
    tenantId: input.tenantId,
    occurredAt: input.occurredAt ?? recordedAt,
    recordedAt,
    actor: { userId: input.actor.userId, role: input.actor.role },
    device: { deviceId: input.device.deviceId, workstation: input.device.workstation ?? SERVER_WORKSTATION },
    patientId: input.patientId,
    action: input.action,
    outcome: input.outcome,
    entity: input.entity ?? null,
    recordId: input.recordId ?? null,
    recordRev: input.recordRev ?? null,
    detail: input.detail ?? {},
  });
}

/**
 * Appends events to the tenant's audit chain inside `tx` (a withTenant transaction), in order, after any other
 * transaction appending to the same chain commits: the chain head row is locked until `tx` ends.
 */
export async function recordAuditEvents(tx: Transaction, inputs: readonly ServerAuditInput[]): Promise<void> {
  if (inputs.length === 0) return;
  const recordedAt = new Date().toISOString();
  await appendEntries(tx, inputs.map((input) => ({ event: toAuditEvent(input, recordedAt), deviceLink: null })));
}

export function recordAuditEvent(tx: Transaction, input: ServerAuditInput): Promise<void> {
  return recordAuditEvents(tx, [input]);
}
