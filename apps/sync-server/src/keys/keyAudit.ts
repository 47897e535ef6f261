import type { AuditAction, AuditDetail } from '@eonpro/core';
import { recordAuditEvent } from '../audit/recordAuditEvent.ts';
import type { Transaction } from '../db/database.ts';

/** A key event in the tenant's audit chain, by the server itself (a key command has no signed-in user). */
export function recordKeyEvent(tx: Transaction, tenantId: string, action: AuditAction, detail: AuditDetail): Promise<void> {
  return recordAuditEvent(tx, {
    tenantId,
    actor: { userId: null, role: null },
    device: { deviceId: null, workstation: null },
    patientId: null,
    action,
    outcome: 'success',
    detail,
  });
}
